/**
 * `npm run demo`: the extension for real, against a team's registry (the fake GitLab with the demo
 * registry, demoSeed.ts). Builds the extension, starts the registry and code-server with the
 * extension installed, the settings pointing at the registry and the demo token handed to the
 * extension through its own GITLAB_PACKAGES_TOKEN path; prints the URL; Ctrl+C stops everything.
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
import { DEMO } from '../fake-gitlab/demoSeed';
import { WEB_WORKER_HOST } from '../e2e/harness';
import { demoSettings, ROOT, startDemo, startDemoGitLab, TOKEN_ENV } from './demoSession';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port') >= 0 ? Number(args[args.indexOf('--port') + 1]) : undefined;

async function main(): Promise<void> {
  const web = args.includes('--web');
  let stop: () => Promise<void>;
  let registryUrl: string;

  if (args.includes('--desktop')) {
    const fake = await startDemoGitLab();
    registryUrl = fake.url;
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    const userData = path.join(ROOT, '.vscode-test', `demo-${Date.now()}`, 'user-data');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(demoSettings(fake), null, 2));
    const code = spawn('code', ['--new-window', '--wait', `--user-data-dir=${userData}`, `--extensionDevelopmentPath=${ROOT}`, os.tmpdir()], {
      stdio: 'inherit',
      env: { ...process.env, ...TOKEN_ENV },
    });
    code.on('error', (e) => {
      console.error(`Could not start \`code\`: ${e.message}. Install VS Code's shell command, or run \`npm run demo\` without --desktop.`);
      void shutdown(1);
    });
    code.on('exit', () => void shutdown(0));
    stop = async () => {
      code.kill();
      await fake.stop();
    };
    console.log(`Desktop VS Code started in extension-development mode against ${fake.url}.`);
  } else {
    const demo = await startDemo({ port: portArg, settings: web ? WEB_WORKER_HOST : {} });
    registryUrl = demo.fake.url;
    stop = () => demo.stop();
    console.log('\nGitLab Packages demo is running.');
    console.log(`  Open:         ${demo.url}`);
    console.log('  Then:         the "GitLab Packages" icon in the activity bar.');
    if (web) console.log('  Web worker:   the extension runs in the browser (its `browser` entry); "Set Access Token…" first.');
  }
  const inPlace = web ? 'to set by hand' : 'is already in place';
  console.log(`  Fake GitLab:  ${registryUrl} (token "${DEMO.apiToken}" ${inPlace}; read-only token: "${DEMO.readToken}")`);
  console.log('  Stop:         Ctrl+C\n');

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    await stop().catch(() => undefined);
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
