/**
 * Issue 21, defect 3: patterns never reach a backtracking regex. A protection rule GitLab
 * accepts (`@acme/*a*a*a*a*a*a*a*a*a*x`) took 42 s for one package row when `*` became `.*`;
 * clean-up globs were compiled the same way, and a clean-up `/regex/` ran on the engine that
 * backtracks. Each pathological case below ran for minutes or more on the old code (the mocha
 * timeout fails it); here only the answers are checked, never the time.
 */
import { strict as assert } from 'node:assert';
import { parseProjectEntry } from '../../../src/core/projects/projectRef';
import { patternMatches, ruleFor } from '../../../src/core/protection/protectionRules';
import { parseGitLabVersion } from '../../../src/core/instances/versionGates';
import { parsePackage } from '../../../src/gitlab/models';
import { PackagesTreeModel } from '../../../src/tree/model';
import type { PackageNode, ProjectNode } from '../../../src/tree/nodes';
import { ProtectionCache } from '../../../src/core/protection/protectionCache';
import { compilePattern } from '../../../src/util/pattern';
import { word } from '../../../src/util/text';
import { patternMatches as gitlabMatches } from '../../fake-gitlab/protection';
import { SAMPLE } from '../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../support/sampleFake';

const PATHOLOGICAL = '@acme/*a*a*a*a*a*a*a*a*a*x';
const LONG_A = `@acme/${'a'.repeat(80)}`;

const compiled = (p: string) => {
  const c = compilePattern(p);
  assert.ok(c.ok, p);
  return c.test;
};

describe('patterns without backtracking (issue 21, defect 3)', () => {
  it('a protection rule GitLab accepts, against a long name that nearly matches: the right answer at once', () => {
    assert.equal(patternMatches(PATHOLOGICAL, LONG_A), false);
    assert.equal(patternMatches(PATHOLOGICAL, `${LONG_A}x`), true);
    assert.equal(patternMatches(PATHOLOGICAL, `@ACME/${'A'.repeat(80)}X`), true, 'ILIKE ignores case');
  });

  it('protection rules match as GitLab’s ILIKE does: only `*` is a wildcard, `%` and `_` are literal, a backslash escapes', () => {
    const cases: [string, string, boolean][] = [
      ['@acme/*', '@acme/ui', true],
      ['@acme/*', '@ACME/', true],
      ['a_b', 'axb', false],
      ['a_b', 'a_b', true],
      ['a%b', 'axxb', false],
      ['a%b', 'a%b', true],
      ['a?b', 'axb', false],
      ['a?b', 'a?b', true],
      ['a\\*b', 'a%b', true],
      ['a\\*b', 'a*b', false],
      ['a\\.b', 'a.b', true],
      ['*ab*ab', 'abab', true],
      ['ab*ab', 'ab', false],
      ['**', '', true],
      ['*a*a*a*x', 'a'.repeat(60), false],
      ['*-release', 'protected-release', true],
    ];
    for (const [pattern, name, expected] of cases) {
      assert.equal(patternMatches(pattern, name), expected, `${pattern} ~ ${name}`);
      // The fake follows GitLab's source (PostgreSQL LIKE by dynamic programming): both agree.
      assert.equal(gitlabMatches(pattern, name), expected, `fake: ${pattern} ~ ${name}`);
    }
    assert.equal(patternMatches('lib\\', 'lib\\'), false, 'PostgreSQL refuses a pattern ending in its escape character');
  });

  it('clean-up globs: `*` and `?` on a long near-miss, answered at once', () => {
    assert.equal(compiled(PATHOLOGICAL)(LONG_A), false);
    assert.equal(compiled(PATHOLOGICAL)(`${LONG_A}x`), true);
    assert.equal(compiled('*?*?*?*?*?*?*?*?x')('a'.repeat(200)), false);
    assert.equal(compiled('v?.*-rc?')('v1.2.3-rc1'), true);
    assert.equal(compiled('v?.*-rc?')('v12.3-rc1'), false);
    assert.equal(compiled('1.0-*')('1x0-SNAPSHOT'), false, 'a dot is a dot');
  });

  it('clean-up /regex/: exponential patterns answer at once; back-references and lookaround are refused with the reason', () => {
    assert.equal(compiled('/^(a+)+x$/')('a'.repeat(80)), false);
    assert.equal(compiled('/^(a|aa)*$/')(`${'a'.repeat(80)}b`), false);
    assert.equal(compiled('/^(\\w+\\s?)+$/')(`${'word '.repeat(30)}!`), false);
    assert.equal(compiled('/^(\\w+\\s?)+$/')('word '.repeat(30)), true);
    for (const [pattern, reason] of [
      ['/(a)\\1/', /back-references/],
      ['/(?=a)b/', /lookahead and lookbehind/],
      ['/(?<!a)b/', /lookahead and lookbehind/],
      ['/a{1001}/', /above 1000/],
      ['/(a{1000}){1000}/', /too large/],
    ] as const) {
      const c = compilePattern(pattern);
      assert.ok(!c.ok && reason.test(word(c.problem)), `${pattern}: ${c.ok ? 'accepted' : word(c.problem)}`);
    }
  });

  it('clean-up /regex/ means what JavaScript means: the same answers as RegExp on a table of patterns and values', () => {
    const patterns = [
      ['^1\\.2\\.', ''],
      ['rc', 'i'],
      ['^v?\\d+(\\.\\d+){2}(-[a-z]+\\.?\\d*)?$', ''],
      ['SNAPSHOT$|^0\\.', ''],
      ['\\bfoo\\b', ''],
      ['^[^@]+$', ''],
      ['^(?:ab|cd)*e?$', ''],
      ['a.c', ''],
      ['a.c', 's'],
      ['^b', 'm'],
      ['x$', 'm'],
      ['^\\p{Lu}', 'u'],
      ['^.$', 'u'],
      ['^.$', ''],
      ['[Ä-Ö]', 'i'],
      ['^a{2,3}$', ''],
      ['^a{2,}?$', ''],
      ['^(?<major>\\d+)\\.x$', ''],
      ['\\u0041\\x42[\\d_]\\cJ', ''],
      ['ſ', 'iu'],
      ['\\w\\W', 'iu'],
      ['^$', ''],
      ['(a*)*b', ''],
    ];
    const values = [
      '1.2.3',
      '1x2.3',
      'v1.2.3-rc.1',
      '1.2.3-RC1',
      '2.0-SNAPSHOT',
      '0.9',
      'a foo b',
      'afoo',
      '@acme/ui',
      'abcdabe',
      'abcda',
      'abc',
      'a\nc',
      'a\nb',
      'x\ny',
      'Élan',
      'élan',
      '😀',
      'ä',
      'aa',
      'aaa',
      'aaaa',
      '12.x',
      'AB_\n',
      'S',
      'K!',
      '',
      'aab',
      'ccc',
    ];
    for (const [source, flags] of patterns) {
      const native = new RegExp(source, flags);
      const ours = compiled(`/${source}/${flags}`);
      for (const v of values) assert.equal(ours(v), native.test(v), `/${source}/${flags} on ${JSON.stringify(v)}`);
    }
  });

  it('clean-up /regex/: the same answers as RegExp on thousands of generated patterns and values (deterministic)', () => {
    const atoms = ['a', 'b', '.', '[ab]', '[^a]', '\\d', '(', ')', '(?:', '|', '*', '+', '?', '{1,2}', '{2}', '^', '$', '\\b', '\\B', 'A', '\\.', '*?', '\\s'];
    const chars = ['a', 'b', '1', ' ', 'A', '.', '\n'];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % xs.length];
    compareGenerated(atoms, chars, ['', 'i', 'm', 's', 'u', 'im'], 8, pick);
  });

  it('clean-up /regex/: generated patterns with \\u escapes, surrogate pairs, \\p{…}, long counts and escapes, named groups (deterministic)', () => {
    const zeros = '0'.repeat(41);
    const atoms = [
      'a',
      '😀',
      'é',
      '.',
      '\\ud83d',
      '\\ude00',
      '\\u{1F600}',
      `\\u{${zeros}61}`,
      '\\p{L}',
      '\\P{Ll}',
      '\\p{Script_Extensions=Latin}',
      `{${zeros}1,${zeros}2}`,
      '{2}',
      '*',
      '?',
      '(?<n>',
      '(?<m>',
      '(',
      ')',
      '|',
      '^',
      '$',
      '\\b',
      '[😀é]',
      '[^a]',
      '\\8',
      '\\01',
      '\\c',
      '\\k',
    ];
    const chars = ['a', 'A', 'é', '😀', '\ud83d', '\ude00', '8', '\x01', '\\', 'c', 'k'];
    let seed = 21;
    const pick = <T>(xs: readonly T[]): T => xs[((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) % xs.length];
    compareGenerated(atoms, chars, ['u', 'iu', '', 'i'], 7, pick);
  });

  describe('a protection rule from the server, in the tree', () => {
    const theFake = useSampleFake();

    it('a package row under a pathological rule loads, and the rule covers exactly the names GitLab’s does', async () => {
      const fake = theFake();
      fake.version = '18.5.1-ee';
      const project = SAMPLE.projects.app.id;
      fake.addProtectionRule({ projectId: project, packageNamePattern: PATHOLOGICAL, packageType: 'npm', minimumAccessLevelForDelete: 'admin' });
      fake.addPackage(project, { name: LONG_A, version: '1.0.0', packageType: 'npm' });
      fake.addPackage(project, { name: `${LONG_A}X`, version: '1.0.0', packageType: 'npm' });
      const client = fakeClient(fake);
      const versionOf = () => Promise.resolve(parseGitLabVersion(fake.version));
      const m = new PackagesTreeModel({
        entries: () => [parseProjectEntry('acme/app', fake.url)],
        clientFor: () => client,
        hasToken: () => Promise.resolve(true),
        versionOf,
        protection: new ProtectionCache({ clientFor: () => client, versionOf }),
        onDidChange: () => undefined,
      });
      const [projectNode] = (await m.children()) as ProjectNode[];
      const rows = (await m.children(projectNode)).filter((r): r is PackageNode => r.kind === 'package' && r.pkg.name.startsWith(LONG_A));
      assert.equal(rows.length, 2);
      const rules = await client.protectionRules(String(project));
      for (const row of rows) {
        const covered =
          ruleFor(parsePackage({ id: row.pkg.id, name: row.pkg.name, version: '1.0.0', package_type: 'npm' }), rules)?.packageNamePattern === PATHOLOGICAL;
        assert.equal(covered, gitlabMatches(PATHOLOGICAL, row.pkg.name), row.pkg.name);
      }
    });
  });
});

describe('clean-up patterns', () => {
  it('patterns: globs are anchored and literal but for * and ?, /…/flags is a regular expression', () => {
    const t = (p: string, v: string): boolean => {
      const c = compilePattern(p);
      assert.ok(c.ok);
      return c.test(v);
    };
    assert.ok(t('1.0-*', '1.0-SNAPSHOT'));
    assert.ok(!t('1.0-*', '1x0-SNAPSHOT'));
    assert.ok(t('v?', 'v1'));
    assert.ok(!t('v?', 'v10'));
    assert.ok(t('@acme/*', '@acme/ui'));
    assert.ok(t('/rc/i', '1.0-RC1'));
    assert.ok(!compilePattern('/a/g').ok);
  });
});

/**
 * 4,000 patterns of up to `maxAtoms` atoms, each tried on 5 values: ours must answer as RegExp
 * does wherever RegExp accepts the pattern. `pick` is a seeded choice, so a run is repeatable.
 */
function compareGenerated(atoms: string[], chars: string[], flagsList: string[], maxAtoms: number, pick: <T>(xs: readonly T[]) => T): void {
  let compared = 0;
  for (let k = 0; k < 4000; k++) {
    const source = Array.from({ length: 1 + (k % maxAtoms) }, () => pick(atoms)).join('');
    const flags = pick(flagsList);
    let native: RegExp;
    try {
      native = new RegExp(source, flags);
    } catch {
      continue;
    }
    const ours = compiled(`/${source}/${flags}`);
    for (let j = 0; j < 5; j++) {
      const value = Array.from({ length: j + 1 }, () => pick(chars)).join('');
      assert.equal(ours(value), native.test(value), `/${source}/${flags} on ${JSON.stringify(value)}`);
      compared++;
    }
  }
  assert.ok(compared > 5000, `${compared} compared`);
}
