/**
 * The docs say what the code does: every relative link and anchor resolves, the README's settings
 * table is package.json's, and CONTRIBUTING's "where is feature X" table names every command with
 * files that exist.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const docsDir = join(root, 'docs');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...readdirSync(docsDir).map((f) => join('docs', f))];

const read = (file: string): string => readFileSync(join(root, file), 'utf8');
/** The text outside fenced code blocks and inline code, where links mean links. */
const prose = (md: string): string => md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(md: string): Set<string> {
  const headings = md.replace(/^```[\s\S]*?^```/gm, '').match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((h) => slug(h.replace(/^#+ /, '').trim())));
}

/** Table rows (cells trimmed) whose first cell matches `first`. */
function rows(md: string, first: RegExp): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    )
    .filter((cells) => first.test(cells[0] ?? ''));
}

const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('docs ↔ code', () => {
  it('every relative link and image points at a file that exists, and every anchor at a heading', () => {
    const broken: string[] = [];
    for (const file of DOCS) {
      for (const [, target = ''] of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const resolved = path ? join(dirname(join(root, file)), path) : join(root, file);
        if (!existsSync(resolved)) broken.push(`${file}: ${target} (no ${relative(root, resolved)})`);
        else if (anchor && (!statSync(resolved).isFile() || !anchors(readFileSync(resolved, 'utf8')).has(anchor))) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it("the README's settings table lists every setting with its default, and no other", () => {
    const table = rows(read('README.md'), /^`gitlabPackages\./).map(([name = '', def = '']) => [name.replace(/`/g, ''), def.replace(/`/g, '')]);
    const declared = Object.entries(manifest.contributes.configuration.properties).map(([name, p]) => [
      name,
      typeof p.default === 'string' ? p.default : JSON.stringify(p.default),
    ]);
    assert.deepEqual(table.sort(), declared.sort());
  });

  it('CONTRIBUTING names every command once, with its title, a handler that exists and tests that exist', () => {
    const table = rows(read('CONTRIBUTING.md'), /^`gitlabPackages\./);
    assert.deepEqual(table.map((r) => (r[0] ?? '').replace(/`/g, '')).sort(), manifest.contributes.commands.map((c) => c.command).sort());
    for (const [id = '', title = '', handler = '', rules = '', tests = ''] of table) {
      const declared = manifest.contributes.commands.find((c) => `\`${c.command}\`` === id);
      assert.equal(title, nls[(declared?.title ?? '').replace(/%/g, '')], id);
      assert.ok(existsSync(join(root, 'src', 'commands', handler.replace(/`/g, ''))), `${id}: handler ${handler}`);
      for (const p of codeSpans(rules)) assert.ok(existsSync(join(root, p)), `${id}: rules ${p}`);
      for (const p of codeSpans(tests)) assert.ok(existsSync(join(root, 'test', 'unit', p)), `${id}: tests ${p}`);
    }
  });

  it("CONTRIBUTING's map of src/ names every folder of commands/ and core/", () => {
    const contributing = read('CONTRIBUTING.md');
    const folders = (layer: string): string[] => readdirSync(join(root, 'src', layer)).filter((f) => statSync(join(root, 'src', layer, f)).isDirectory());
    const missing = [...folders('commands'), ...folders('core'), ...folders('platform'), ...folders('.')].filter(
      (f) => !new RegExp(`(^|[\\s{,(])${f}/`, 'm').test(contributing),
    );
    assert.deepEqual(missing, []);
  });

  it('the README names the two commands, run and test, under headings a newcomer finds', () => {
    const readme = read('README.md');
    const section = (heading: RegExp): string => readme.split(/^#+ /m).find((s) => heading.test(s.split('\n')[0] ?? '')) ?? '';
    assert.match(section(/^Run it for real/), /`npm run demo`/);
    assert.match(section(/^Run every test/), /`npm test`/);
  });
});
