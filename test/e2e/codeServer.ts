/**
 * Starts a fresh code-server (own user-data and extensions folders, settings written before
 * start, the extension installed from its .vsix) and stops it — always — by process group.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Tools } from './provision';

export interface CodeServer {
  url: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  /** The extension's own log file(s) and the extension host log, concatenated. */
  logs(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  tools: Tools;
  vsixPath: string;
  settings: Record<string, unknown>;
  /** Parent for user-data/extensions/workspace folders. */
  runDir: string;
  env?: Record<string, string>;
  port?: number;
  /** Extra CLI args (e.g. --extensionDevelopmentPath). */
  args?: string[];
  /** Workspace trust on (VS Code asks whether to trust the folder); off by default. */
  workspaceTrust?: boolean;
  /** The folder to open (default: runDir/workspace). */
  workspace?: string;
  /** Written to the workspace folder's .vscode/settings.json, as a cloned repository would carry. */
  workspaceSettings?: Record<string, unknown>;
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.tree.enableStickyScroll': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.sideBar.location': 'left',
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
};

const running = new Set<ChildProcess>();
let cleanupInstalled = false;

/** Kill every code-server we started if this process goes away (Ctrl+C, crash). */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killAll = (): void => {
    for (const child of running) killGroup(child, 'SIGKILL');
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      killAll();
      process.exit(130);
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  installCleanup();
  const userDataDir = path.join(opts.runDir, 'user-data');
  const extensionsDir = path.join(opts.runDir, 'extensions');
  const workspace = opts.workspace ?? path.join(opts.runDir, 'workspace');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, workspace]) mkdirSync(d, { recursive: true });
  const trust = opts.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {};
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...trust, ...opts.settings }, null, 2));
  if (opts.workspaceSettings) {
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(opts.workspaceSettings, null, 2));
  }

  const [cmd, ...prefix] = opts.tools.codeServer;
  const common = [...prefix, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  execFileSync(cmd, [...common, '--install-extension', opts.vsixPath, '--force'], { stdio: 'ignore', env: { ...process.env, ...opts.env } });

  const port = opts.port ?? (await freePort());
  const child = spawn(
    cmd,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...(opts.args ?? []),
      workspace,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    },
  );
  running.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    if (!running.has(child)) return;
    running.delete(child);
    killGroup(child, 'SIGTERM');
    const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
    const timeout = new Promise<void>((r) => setTimeout(r, 3000));
    await Promise.race([exited, timeout]);
    killGroup(child, 'SIGKILL');
  };

  try {
    await waitForHttp(url, 60_000, () => child.exitCode);
  } catch (e) {
    await stop();
    throw new Error(`code-server did not start: ${(e as Error).message}\n${output.slice(-2000)}`);
  }
  return { url, userDataDir, extensionsDir, workspace, logs: () => collectLogs(userDataDir), stop };
}

async function waitForHttp(url: string, timeoutMs: number, exitCode: () => number | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`exited with code ${exitCode()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

/** The extension's LogOutputChannel file(s) and the extension host logs. */
function collectLogs(userDataDir: string): string {
  const logsRoot = path.join(userDataDir, 'logs');
  if (!existsSync(logsRoot)) return '';
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/GitLab Packages\.log$|exthost\.log$|remoteexthost\.log$/.test(name)) files.push(full);
    }
  };
  walk(logsRoot);
  return files.map((f) => `===== ${path.relative(logsRoot, f)}\n${readFileSync(f, 'utf8')}`).join('\n');
}
