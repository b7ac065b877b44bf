/**
 * Shared state of the end-to-end suite: one fake GitLab, one code-server with the built
 * .vsix, one Chromium. On a failed test: a screenshot and the extension's log under
 * test-results/e2e/<test>/. Everything started is stopped in `after`, also on failure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitLab } from '../fake-gitlab/server';
import { startCodeServer, type CodeServer } from './codeServer';
import { provision } from './provision';
import { Workbench } from './workbench';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results', 'e2e');
export const VSIX = path.join(ROOT, 'gitlab-packages.vsix');

export interface Env {
  fake: FakeGitLab;
  codeServer: CodeServer;
  wb: Workbench;
}

export const PROJECTS = ['acme/app', 'acme/big', 'legacy/old-server'];
/** The workspace is a git repository whose remote names this project (not in PROJECTS). */
export const REMOTE_PROJECT = 'acme/fips';

/** `git init` in the workspace with an `origin` on the fake GitLab, as a clone would have. */
export function gitWorkspace(dir: string, remote: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: dir });
}

/**
 * The user setting that makes code-server run the extension's `browser` entry in the
 * workbench's web-worker extension host instead of the Node one (see real-vscode.md).
 */
export const WEB_WORKER_HOST = { 'remote.extensionKind': { 'gitlab-packages.gitlab-packages': ['web'] } };

let resultsCleared = false;

/** `settings`: user settings added to the suite's own (e.g. WEB_WORKER_HOST). */
export function useEnvironment(settings: Record<string, unknown> = {}): () => Env {
  let env: Env | undefined;

  before(async function () {
    this.timeout(10 * 60_000);
    const tools = provision();
    const fake = await FakeGitLab.start({ seed: 'sample' });
    const runDir = path.join(ROOT, '.vscode-test', `run-${Date.now()}`);
    // Once per run: a second suite keeps what the first one left.
    if (!resultsCleared) rmSync(RESULTS, { recursive: true, force: true });
    resultsCleared = true;
    mkdirSync(RESULTS, { recursive: true });
    let codeServer: CodeServer | undefined;
    try {
      gitWorkspace(path.join(runDir, 'workspace'), `${fake.url}/${REMOTE_PROJECT}.git`);
      codeServer = await startCodeServer({
        tools,
        vsixPath: VSIX,
        runDir,
        settings: { 'gitlabPackages.instanceUrl': fake.url, 'gitlabPackages.projects': PROJECTS, 'git.enabled': true, ...settings },
      });
      const wb = await Workbench.launch(tools.chromium, codeServer.url);
      env = { fake, codeServer, wb };
      await wb.open(codeServer.url, codeServer.workspace);
    } catch (e) {
      await codeServer?.stop();
      await fake.stop();
      throw e;
    }
  });

  afterEach(async function () {
    if (!env || this.currentTest?.state !== 'failed') return;
    const dir = path.join(RESULTS, (this.currentTest.fullTitle() || 'test').replace(/[^\w.-]+/g, '_').slice(0, 120));
    mkdirSync(dir, { recursive: true });
    await env.wb.screenshot(path.join(dir, 'screenshot.png')).catch(() => undefined);
    writeFileSync(path.join(dir, 'extension.log'), env.codeServer.logs());
    writeFileSync(path.join(dir, 'requests.json'), JSON.stringify(env.fake.requests, null, 2));
  });

  after(async function () {
    this.timeout(60_000);
    if (!env) return;
    await env.wb.close().catch(() => undefined);
    await env.codeServer.stop();
    await env.fake.stop();
  });

  return () => {
    if (!env) throw new Error('end-to-end environment not started');
    return env;
  };
}

/**
 * The window's settings files, and the user settings as the suite wrote them. Machine-scoped
 * settings (gitlabPackages.instances) of a remote window live on the remote: code-server's Machine folder.
 */
export function settingsFiles(codeServer: CodeServer): { user: string; remote: string; original: Record<string, unknown> } {
  const user = path.join(codeServer.userDataDir, 'User', 'settings.json');
  const remote = path.join(codeServer.userDataDir, 'Machine', 'settings.json');
  return { user, remote, original: JSON.parse(readFileSync(user, 'utf8')) as Record<string, unknown> };
}
