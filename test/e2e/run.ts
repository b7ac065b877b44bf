/**
 * The end-to-end suite: provisions code-server and Chromium, builds the .vsix when it is
 * missing or older than the sources, then runs the flows with mocha.
 *
 *   npx tsx test/e2e/run.ts            (part of `npm test`)
 *   E2E_GREP='sets the token|second GitLab' npx tsx test/e2e/run.ts
 *   E2E_GREP='web-worker' npx tsx test/e2e/run.ts     (the web build's pass only)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import Mocha from 'mocha';
import * as path from 'node:path';
import { provision } from './provision';

const root = path.resolve(__dirname, '..', '..');
const vsix = path.join(root, 'gitlab-packages.vsix');

function newestSource(): number {
  // Tracked files too: a merge or checkout leaves them unmodified but newer than the .vsix.
  const out = execFileSync('git', ['ls-files', '-c', '-m', '-o', '--exclude-standard', 'src', 'package.json', 'package.nls.json', 'l10n'], {
    cwd: root,
    encoding: 'utf8',
  });
  const files = ['package.json', ...out.split('\n').filter(Boolean)].filter((f) => existsSync(path.join(root, f)));
  return Math.max(...files.map((f) => statSync(path.join(root, f)).mtimeMs));
}

provision();
if (!existsSync(vsix) || statSync(vsix).mtimeMs < newestSource()) execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: root, stdio: 'inherit' });

const started = Date.now();
// E2E_GREP picks flows while working on one (they share a session: keep the ones it needs).
const mocha = new Mocha({ timeout: 60_000, reporter: 'spec', bail: false, grep: process.env.E2E_GREP });
mocha.addFile(path.join(__dirname, 'flows.e2e.ts'));
mocha.addFile(path.join(__dirname, 'trust.e2e.ts'));
mocha.addFile(path.join(__dirname, 'web.e2e.ts'));
mocha.run((failures) => {
  console.log(`end-to-end suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failures ? 1 : 0;
});
