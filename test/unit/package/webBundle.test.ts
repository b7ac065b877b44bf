/**
 * The `browser` entry as esbuild bundles it for a web worker (the same options as `npm run
 * build`): one file that imports nothing but `vscode` — no `node:` module, no Node-only package
 * — and does not grow past its ceiling when minified.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/**
 * The web bundle's ceiling, minified. Issue 17 aims at 100 KB; the browser entry measured
 * 109.7 KB when it was built, 139.1 KB once clean-up (issue 15) and protection rules (issue 16)
 * were merged (about 6.5 KB of it @noble/hashes, the rest the product's own code and its
 * English messages, which are also the l10n keys), 146.0 KB once issue 21 made clean-up
 * patterns unable to backtrack (5.6 KB of regular-expression engine that runs in linear time;
 * the npm package re2js would have been 151 KB), and 162.9 KB with issue 21's fixes and their
 * review follow-ups (rule writes worded from GitLab's answer, lost DELETE answers read again,
 * GitLab's name terms, guessed paging, clean-up scope words), 164.1 KB before issue 23's Verify
 * Lockfiles command, 165.5 KB with it (its parsers and verifier are dist/web/lockfiles.js, loaded
 * on first use; 1.6 KB of command, file reading and bundle loading stay here; 0.2 KB saved by
 * writing non-ASCII text as UTF-8), 172.0 KB with Reveal in Packages View (6.5 KB: finding the
 * row in the tree and loading its list as far as needed, the command and its messages; the
 * registry lookups are the lockfile bundle's), 173.5 KB with Verify by Downloading (1.5 KB: its
 * command and the store of download verdicts the lockfile diagnostics read; its checks, hashing
 * and words are in the lockfile bundle), 175.0 KB with the lockfile guard of clean-ups and
 * deletes (1.4 KB: the setting, lockfile stamps, the second modal and the hooks in clean-up,
 * delete flow and report; its index, cache and words are in the lockfile bundle), 189.2 KB with
 * the lockfile checks in the editor (14 KB: watching and re-verifying, diagnostics, hover, quick
 * fixes and the status bar, with their messages; 191.7 KB with their review fixes), 177.3 KB
 * once those checks moved into the lockfile bundle (what stays here: loading them when the
 * workspace has a lockfile, now or later, and handing commands, Refresh, token and setting
 * changes to them), 178.2 KB with issue 24's token read once per origin and the view's progress
 * bar while a long list loads, 180.1 KB with a review's fixes (GitLab's sort orders, link targets
 * encoded, a token read bounded by the request's timeout, a 503's Retry-After, server text kept
 * literal in pickers and notifications, the clean-up listing's cap), 181.3 KB with a second
 * review's (a personal project's owner, lockfile answers forgotten after a delete, lists cut
 * short, failed uploads in "keep the newest"). The ceiling stops it growing unseen; bring it down as the bundle shrinks
 * (lazy-loaded feature bundles).
 */
const BUDGET_BYTES = 182 * 1024;
/** Packages the web bundle may hold: pure JS that runs in a browser. */
const BROWSER_PACKAGES = ['@noble/hashes'];

describe('web bundle (dist/web/extension.js)', function () {
  this.timeout(30_000);
  let result: esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] };

  before(async () => {
    const { webOptions } = await import('../../../esbuild.config.mjs');
    result = await esbuild.build({ ...webOptions(true), absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
  });

  it('is one file whose only import is vscode', () => {
    assert.equal(result.outputFiles.length, 1);
    const [output] = Object.values(result.metafile.outputs);
    assert.deepEqual([...new Set(output.imports.map((i) => `${i.path} (${i.external ? 'external' : 'bundled'})`))], ['vscode (external)']);
    const required = [...result.outputFiles[0].text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['vscode']);
  });

  it('holds no node: module, no platform/node code and no package but pure-JS ones', () => {
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((imp) => imp.path));
    assert.deepEqual(
      imports.filter((p) => p.startsWith('node:')),
      [],
    );
    assert.deepEqual(
      inputs.filter((f) => f.startsWith('src/platform/node/')),
      [],
    );
    const packages = new Set(
      inputs
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.startsWith('node_modules/@') ? 3 : 2)
            .join('/'),
        ),
    );
    assert.deepEqual(
      [...packages].filter((p) => !BROWSER_PACKAGES.includes(p)),
      [],
    );
    assert.ok(inputs.includes('src/platform/web/index.ts'));
  });

  it("is the manifest's `browser` entry beside `main`; virtual workspaces stay supported", async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      browser: string;
      extensionKind: string[];
      capabilities: { virtualWorkspaces: boolean };
    };
    const { nodeOptions, webOptions } = await import('../../../esbuild.config.mjs');
    assert.equal(path.normalize(manifest.browser), path.normalize(`./${webOptions(true).outfile}`));
    assert.equal(path.normalize(manifest.main), path.normalize(`./${nodeOptions(true).outfile}`));
    // A Node host is preferred where there is one (the remote's network); the browser entry runs where there is none.
    assert.deepEqual(manifest.extensionKind, ['workspace', 'ui']);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it(`stays within its ${BUDGET_BYTES / 1024} KB ceiling, minified`, () => {
    const bytes = result.outputFiles[0].contents.length;
    assert.ok(bytes <= BUDGET_BYTES, `${(bytes / 1024).toFixed(1)} KB`);
  });
});
