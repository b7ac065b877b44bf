/**
 * The demo as `npm run demo` and `npm run screenshots` start it: the fake GitLab with the demo
 * registry (demoSeed.ts), a workspace that is a clone of lumen/storefront (so that project is
 * listed first, detected from its git remote), and code-server with the extension packaged from
 * this tree, the settings naming the team's other projects and the token handed over through
 * GITLAB_PACKAGES_TOKEN.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEMO } from '../fake-gitlab/demoSeed';
import { storefrontLockfile } from './demoLockfile';
import { FakeGitLab } from '../fake-gitlab/server';
import { startCodeServer, type CodeServer } from '../e2e/codeServer';
import { gitWorkspace } from '../e2e/harness';
import { provision, type Tools } from '../e2e/provision';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The project the workspace is a clone of. */
export const REMOTE_PROJECT = DEMO.projects.storefront;
/** The projects named in the settings, besides the detected one. */
export const PROJECTS = [DEMO.projects.payments, DEMO.projects.dataPipeline, DEMO.projects.edgeAgent, DEMO.projects.dotnetSdk].map((p) => p.path);
/** The token the extension finds in its environment. */
export const TOKEN_ENV = { GITLAB_PACKAGES_TOKEN: DEMO.apiToken };

export function demoSettings(fake: FakeGitLab): Record<string, unknown> {
  return { 'gitlabPackages.instanceUrl': fake.url, 'gitlabPackages.projects': PROJECTS, 'git.enabled': true };
}

/** The demo registry, answering a little slower than loopback would (as a real GitLab does). */
export function startDemoGitLab(port?: number): Promise<FakeGitLab> {
  return FakeGitLab.start({ seed: 'demo', latencyMs: 40, port });
}

export interface DemoSession {
  fake: FakeGitLab;
  codeServer: CodeServer;
  tools: Tools;
  /** The workbench's address with the workspace folder open. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Provisions code-server, packages the extension, starts both servers. `settings` are added to
 * the demo's own; `debianPackages` are installed besides code-server's needs.
 */
export async function startDemo(opts: { port?: number; settings?: Record<string, unknown>; debianPackages?: string[] } = {}): Promise<DemoSession> {
  const tools = provision(opts.debianPackages);
  execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: ROOT, stdio: 'inherit' });
  const fake = await startDemoGitLab();
  const runDir = path.join(ROOT, '.vscode-test', `demo-${Date.now()}`);
  const workspace = path.join(runDir, 'storefront');
  storefrontClone(workspace, fake);
  try {
    const codeServer = await startCodeServer({
      tools,
      vsixPath: path.join(ROOT, 'gitlab-packages.vsix'),
      runDir,
      workspace,
      settings: { ...demoSettings(fake), ...opts.settings },
      env: TOKEN_ENV,
      port: opts.port,
    });
    const stop = async (): Promise<void> => {
      await codeServer.stop();
      await fake.stop();
    };
    return { fake, codeServer, tools, url: `${codeServer.url}/?folder=${encodeURIComponent(workspace)}`, stop };
  } catch (e) {
    await fake.stop();
    throw e;
  }
}

/** A few files of the web app, its git remote on the fake GitLab and its npm registry setting. */
function storefrontClone(dir: string, fake: FakeGitLab): void {
  gitWorkspace(dir, `${fake.url}/${REMOTE_PROJECT.path}.git`);
  const manifest = {
    name: 'storefront',
    version: '0.15.0',
    private: true,
    type: 'module',
    scripts: { dev: 'vite', build: 'vite build', test: 'vitest run' },
    dependencies: { '@lumen/api-client': '^1.9.0', '@lumen/design-tokens': '^2.1.0', '@lumen/ui-kit': '^3.4.1', react: '^18.3.1', 'react-dom': '^18.3.1' },
    devDependencies: { typescript: '^5.6.3', vite: '^5.4.10', vitest: '^2.1.4' },
  };
  const files: Record<string, string> = {
    '.npmrc': `@lumen:registry=${fake.url}/api/v4/projects/${REMOTE_PROJECT.id}/packages/npm/\n`,
    'package.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'package-lock.json': storefrontLockfile(fake, manifest),
    'README.md': '# Storefront\n\nThe Lumen web shop. Components come from `@lumen/ui-kit`, published by this project.\n',
    'charts/storefront/Chart.yaml': 'apiVersion: v2\nname: storefront\nversion: 0.15.0\nappVersion: "0.15.0"\n',
    'src/main.tsx':
      "import { createRoot } from 'react-dom/client';\nimport { App } from './App';\n\ncreateRoot(document.getElementById('root')!).render(<App />);\n",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  // Committed, as a clone is: no pending changes in the Source Control view.
  const who = ['-c', `user.name=${DEMO.user.name}`, '-c', `user.email=${DEMO.user.username}@lumen.example`];
  execFileSync('git', ['checkout', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', [...who, 'commit', '-q', '-m', 'Storefront 0.15.0'], { cwd: dir });
}
