/**
 * `npm run demo`: the extension for real. Builds it, starts the fake GitLab with the sample
 * registry, starts code-server with the extension installed, the settings pointing at the
 * sample registry and the demo token handed to the extension through its own
 * GITLAB_PACKAGES_TOKEN path; prints the URL; Ctrl+C stops everything.
 *
 *   npm run demo                      code-server in your browser
 *   npm run demo -- --port 8080       on a fixed port
 *   npm run demo -- --desktop         a local desktop VS Code (`code` on PATH), development mode
 *   npm run demo -- --web             code-server with the extension in the browser's web-worker host
 *                                     (its `browser` entry; no environment there: set the token by hand)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE } from '../fake-gitlab/seed';
import { startCodeServer } from '../e2e/codeServer';
import { gitWorkspace, WEB_WORKER_HOST } from '../e2e/harness';
import { provision } from '../e2e/provision';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port') >= 0 ? Number(args[args.indexOf('--port') + 1]) : undefined;
const PROJECTS = ['acme/app', 'acme/big', 'legacy/old-server', 'acme/readonly'];
/** The demo folder is a clone of this project (by its remote): it is listed first, "detected". */
const REMOTE_PROJECT = 'acme/fips';

async function main(): Promise<void> {
  const fake = await FakeGitLab.start({ seed: 'sample', latencyMs: 40 });
  const web = args.includes('--web');
  const settings = { 'gitlabPackages.instanceUrl': fake.url, 'gitlabPackages.projects': PROJECTS, 'git.enabled': true, ...(web ? WEB_WORKER_HOST : {}) };
  const env = { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken };
  const runDir = path.join(root, '.vscode-test', `demo-${Date.now()}`);
  let stopEditor: () => Promise<void>;

  if (args.includes('--desktop')) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    const userData = path.join(runDir, 'user-data');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const code = spawn('code', ['--new-window', '--wait', `--user-data-dir=${userData}`, `--extensionDevelopmentPath=${root}`, os.tmpdir()], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    code.on('error', (e) => {
      console.error(`Could not start \`code\`: ${e.message}. Install VS Code's shell command, or run \`npm run demo\` without --desktop.`);
      void shutdown(1);
    });
    code.on('exit', () => void shutdown(0));
    stopEditor = () => Promise.resolve(void code.kill());
    console.log(`Desktop VS Code started in extension-development mode against ${fake.url}.`);
  } else {
    const tools = provision();
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
    gitWorkspace(path.join(runDir, 'workspace'), `${fake.url}/${REMOTE_PROJECT}.git`);
    const cs = await startCodeServer({ tools, vsixPath: path.join(root, 'gitlab-packages.vsix'), runDir, settings, env, port: portArg });
    stopEditor = () => cs.stop();
    console.log('\nGitLab Packages demo is running.');
    console.log(`  Open:         ${cs.url}/?folder=${encodeURIComponent(cs.workspace)}`);
    console.log('  Then:         the "GitLab Packages" icon in the activity bar.');
    if (web) console.log('  Web worker:   the extension runs in the browser (its `browser` entry); "Set Access Token…" first.');
  }
  const inPlace = web ? 'to set by hand' : 'is already in place';
  console.log(`  Fake GitLab:  ${fake.url} (token "${SAMPLE.apiToken}" ${inPlace}; read-only token: "${SAMPLE.readToken}")`);
  console.log('  Stop:         Ctrl+C\n');

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    await stopEditor().catch(() => undefined);
    await fake.stop();
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
