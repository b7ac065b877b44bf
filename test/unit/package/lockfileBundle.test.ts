/**
 * The lockfile feature's own bundle (src/lockfiles.ts: the engine and the editor's lockfile
 * checks), built with the web bundle's options: the YAML and TOML parsers (and SHA-512 in pure JS)
 * and the checks' watching, diagnostics, hover and status bar stay out of the main web bundle
 * (whose ceiling they would break), so the web host loads this file on demand. It must import
 * nothing but `vscode` — a web worker extension host evaluates it with `new Function('module',
 * 'exports', 'require', source)`, as VS Code evaluates the entry itself, its `require` giving the
 * main bundle's `vscode` — and it must work when evaluated that way.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { compileFunction } from 'node:vm';
import * as esbuild from 'esbuild';
import type * as LockfileBundle from '../../../src/lockfiles';
import { createVscodeModule } from '../../support/double/module';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/**
 * Measured 81.7 KB when it was built: js-yaml 42.6 KB (its single .mjs file, dump included),
 * smol-toml 10.9 KB, the feature's pure code (parsers, routing, lookups, verdicts) 28.2 KB;
 * 85.9 KB once the Verify Lockfiles command's work moved in (a workspace's lockfiles together, the report);
 * 97.3 KB with Verify by Downloading: @noble/hashes' SHA-384/512 8.1 KB (the web worker's only
 * way to stream them; see pureDigests.ts), the download check, its argument and words 2.9 KB;
 * 100.1 KB with the lockfile guard of clean-ups and deletes (the usage index, its cache, its words);
 * 102.6 KB once the guard holds back what an unreadable lockfile may use and follows former project paths;
 * 119.1 KB once the editor's lockfile checks moved in from the main web bundle (16.5 KB: watching
 * and verifying again, diagnostics, hover, quick fixes, status bar, their messages, and the
 * command ids they link to); 120.3 KB with a review's fixes (link targets encoded in the hover,
 * answers of lists cut short, group-level answers forgotten with a project, digests as flat strings,
 * lockfile lines found by numbered containers).
 */
const BUDGET_BYTES = 121 * 1024;
const PACKAGES = ['@noble/hashes', 'js-yaml', 'smol-toml'];

describe('lockfile bundle (src/lockfiles.ts for the web)', function () {
  this.timeout(30_000);
  let result: esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] };

  before(async () => {
    const { lockfileOptions } = await import('../../../esbuild.config.mjs');
    result = await esbuild.build({
      ...lockfileOptions(true),
      absWorkingDir: ROOT,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  });

  it('is one file that imports nothing but vscode, holding only pure-JS packages (parsers, hashes)', () => {
    assert.equal(result.outputFiles.length, 1);
    const [output] = Object.values(result.metafile.outputs);
    assert.deepEqual([...new Set(output.imports.map((i) => `${i.path} (${i.external ? 'external' : 'bundled'})`))], ['vscode (external)']);
    const packages = new Set(
      Object.keys(result.metafile.inputs)
        .map((f) => f.split('node_modules/')[1])
        .filter((f): f is string => f !== undefined)
        .map((f) =>
          f
            .split('/')
            .slice(0, f.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    assert.deepEqual([...packages].sort(), PACKAGES);
  });

  it('works evaluated as the web worker host evaluates code, asking only for vscode', () => {
    const module = { exports: {} as typeof LockfileBundle };
    const vscode = createVscodeModule(() => {
      throw new Error('no window while loading');
    });
    const asked: string[] = [];
    const require = (id: string) => (asked.push(id), id === 'vscode' ? vscode : undefined);
    // The same as `new Function('module', 'exports', 'require', source)`.
    const init = compileFunction(result.outputFiles[0].text, ['module', 'exports', 'require']) as (m: typeof module, e: object, r: typeof require) => void;
    init(module, module.exports, require);
    assert.deepEqual([...new Set(asked)], ['vscode']);
    assert.equal(typeof module.exports.lockfileFeature, 'function');
    const parsed = module.exports.parseLockfile(
      'pnpm',
      "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=}\n",
    );
    assert.deepEqual(
      parsed.entries.map((e) => [e.name, e.version, e.line]),
      [['a', '1.0.0', 3]],
    );
    assert.equal(
      module.exports.parseLockfile('uv', 'version = 1\n[[package]]\nname = "x"\nversion = "1"\nsource = { registry = "https://r/simple" }\n').entries[0].name,
      'x',
    );
  });

  it(`stays within its ${BUDGET_BYTES / 1024} KB ceiling, minified`, () => {
    const bytes = result.outputFiles[0].contents.length;
    assert.ok(bytes <= BUDGET_BYTES, `${(bytes / 1024).toFixed(1)} KB`);
  });
});
