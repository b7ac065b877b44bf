/**
 * Lockfiles are workspace content: anyone who can open a pull request writes them. Each reader
 * must end in one pass over the worst text for it (no backtracking, no quadratic joins), refuse
 * absurd nesting, and never throw. The mocha timeout is the bound: over 4 MB a quadratic path
 * runs for hours; a real-looking 20 MB lockfile shows the linear ones at full size.
 */
import { strict as assert } from 'node:assert';
import { jsonKeyLines } from '../../../../src/core/lockfiles/jsonKeyLines';
import type { LockfileFormat } from '../../../../src/core/lockfiles/lockEntry';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import { sectionKeyLines } from '../../../../src/core/lockfiles/yamlKeyLines';
import { arrayTableLines } from '../../../../src/core/lockfiles/tomlTableLines';
import { logicalLines } from '../../../../src/core/lockfiles/requirementsTxt';

const MB = 1024 * 1024;
/** Hostile text: big enough that anything quadratic never ends within the timeout. */
const HOSTILE = 4 * MB;
const fill = (unit: string, size = HOSTILE): string => unit.repeat(Math.ceil(size / unit.length));

describe('lockfiles: hostile input', function () {
  this.timeout(60_000);

  it('a 20 MB package-lock.json: every entry, every line', () => {
    const entry = (i: number): string =>
      `    "node_modules/p${i}": {\n      "version": "1.0.0",\n      "resolved": "https://r.example/p${i}/-/p${i}-1.0.0.tgz",\n      "integrity": "sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA="\n    }`;
    const count = Math.ceil((20 * MB) / entry(0).length);
    const text = `{\n  "lockfileVersion": 3,\n  "packages": {\n${Array.from({ length: count }, (_, i) => entry(i)).join(',\n')}\n  }\n}\n`;
    const r = parseLockfile('package-lock', text);
    assert.equal(r.entries.length, count);
    assert.deepEqual([r.entries[0].line, r.entries[count - 1].line], [4, 4 + (count - 1) * 5]);
  });

  it('JSON: 1,000,000 levels of nesting, backslash runs and quotes are one pass', () => {
    const deep = '{"packages":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}';
    assert.deepEqual(parseLockfile('package-lock', deep).entries, []);
    const escapes = `{"packages": {"${fill('\\\\\\"')}": 1}}`;
    assert.equal(jsonKeyLines(escapes, () => true).size, 2);
    const v1 =
      '{"lockfileVersion":1,"dependencies":' +
      '{"a":{"version":"1.0.0","resolved":"https://r/a.tgz","dependencies":'.repeat(10_000) +
      '{}' +
      '}}'.repeat(10_000) +
      '}';
    const r = parseLockfile('package-lock', v1);
    assert.equal(r.entries.length, 128);
    assert.deepEqual(
      r.problems.map((p) => p.detail),
      ['dependencies nested deeper than 128'],
    );
  });

  it('yarn.lock: a 4 MB line, 4 MB of headers, an unclosed quote per line', () => {
    assert.equal(parseLockfile('yarn-v1', fill('a')).problems.length, 1);
    assert.equal(parseLockfile('yarn-v1', fill('a@1, b@2, c@3:\n  version "1"\n  resolved "https://r/a.tgz"\n')).entries[0].name, 'a');
    const unclosed = '"a@1\\" "\n';
    const r = parseLockfile('yarn-v1', fill(unclosed));
    assert.equal(r.entries.length, 0);
    // A problem per line, but only the first hundred kept.
    assert.deepEqual([r.problems.length, r.problemCount], [100, Math.ceil(HOSTILE / unclosed.length)]);
    assert.equal(parseLockfile('yarn-v1', '"' + fill('\\"') + ':\n').entries.length, 0);
  });

  it('pnpm-lock.yaml: deep flow and block nesting are refused; 4 MB of keys scanned once', () => {
    const flow = parseLockfile('pnpm', `lockfileVersion: '9.0'\npackages: ${'['.repeat(100_000)}`);
    assert.equal(flow.problems[0].kind, 'syntax');
    const block = parseLockfile('pnpm', "lockfileVersion: '9.0'\npackages:\n" + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 2) + 'a:\n').join(''));
    assert.equal(block.problems[0].kind, 'syntax');
    const keys = sectionKeyLines('packages:\n' + fill("  'a''b''c':\n"), 'packages');
    assert.deepEqual([...keys.keys()], ['', "a'b'c"]);
    const colons = sectionKeyLines('packages:\n  ' + fill(':x'), 'packages');
    assert.equal(colons.size, 1);
  });

  it('a 10 MB pnpm-lock.yaml of real-looking entries', () => {
    const entry = (i: number): string => `  p${i}@1.0.0:\n    resolution: {integrity: sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=}\n\n`;
    const count = Math.ceil((10 * MB) / entry(0).length);
    const r = parseLockfile('pnpm', `lockfileVersion: '9.0'\n\npackages:\n\n${Array.from({ length: count }, (_, i) => entry(i)).join('')}`);
    assert.equal(r.entries.length, count);
    assert.equal(r.entries[count - 1].line, 5 + (count - 1) * 3);
  });

  it('pnpm-lock.yaml: 200,000 aliases of one resolution (8 hashes) decode it once, shared by every entry', () => {
    const sri = Array.from({ length: 8 }, (_, i) => `sha512-${Buffer.alloc(64, i + 1).toString('base64')}`).join(' ');
    const count = 200_000;
    const text = `lockfileVersion: '9.0'\n\npackages:\n  base@1.0.0: &a {resolution: {integrity: '${sri}', tarball: 'https://gitlab.example.com/t.tgz'}}\n${Array.from({ length: count }, (_, i) => `  k${i}@1.0.0: *a\n`).join('')}`;
    const r = parseLockfile('pnpm', text);
    assert.equal(r.entries.length, count + 1);
    assert.equal(r.entries[0].files[0].digests.length, 8);
    assert.equal(r.entries[1].files[0].digests, r.entries[count].files[0].digests, 'one decoded list, not one per alias');
    assert.equal(r.entries[1].files[0].digests[0].hex, '01'.repeat(64));
  });

  it('requirements.txt: 4 MB continued on one logical line, 4 MB of hashes, comments everywhere', () => {
    assert.equal(logicalLines(fill('a \\\n')).length, 1);
    const r = parseLockfile('requirements', 'x==1 ' + fill('--hash=sha256:' + 'a'.repeat(64) + ' '));
    assert.deepEqual(r.entries[0].anyFileDigests.length, 1);
    assert.equal(parseLockfile('requirements', fill('# ' + '#'.repeat(100) + '\n')).entries.length, 0);
    assert.equal(parseLockfile('requirements', fill('a' + '['.repeat(50))).entries.length, 0);
  });

  it('TOML: deep arrays refused, 4 MB of string quotes and headers scanned once', () => {
    assert.equal(parseLockfile('uv', 'a = ' + '['.repeat(100_000)).problems[0].kind, 'syntax');
    assert.equal(arrayTableLines(fill('"""\\"""'), 'package').length, 0);
    const unit = "[[package]]\n'''x'''\n";
    assert.equal(arrayTableLines(fill(unit), 'package').length, Math.ceil(HOSTILE / unit.length));
    assert.equal(arrayTableLines(fill('[[' + 'a.'.repeat(50)), 'package').length, 0);
  });

  it('every format: random bytes and an over-size file are problems, not exceptions', () => {
    const formats: LockfileFormat[] = ['package-lock', 'npm-shrinkwrap', 'yarn-v1', 'pnpm', 'requirements', 'poetry', 'uv'];
    let seed = 1;
    const random = Array.from({ length: 200_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 128)).join('');
    for (const f of formats) {
      assert.doesNotThrow(() => parseLockfile(f, random), f);
      assert.deepEqual(
        parseLockfile(f, 'x'.repeat(100), 10).problems.map((p) => p.kind),
        ['too-large'],
      );
    }
  });
});
