/**
 * CPU profiles for `npm run bench -- --ui --cpu-prof`: the page (the workbench, in code-server)
 * through Chromium's DevTools protocol, and the extension host — a Node process code-server
 * forks — through Node's inspector, which SIGUSR1 opens on 127.0.0.1:9229. Each writes a
 * `.cpuprofile` that Chromium's DevTools or VS Code opens.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
// Playwright's own copy of `ws` (typed in playwrightWs.d.ts): Node 20 has no WebSocket client.
import { ws as WebSocket } from 'playwright-core/lib/utilsBundle';

export interface Profiling {
  /** Stops and writes the profile to `file`. */
  stop(file: string): Promise<void>;
}

const INTERVAL_US = 500;

function write(file: string, profile: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
}

export async function profilePage(page: Page): Promise<Profiling> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      write(file, profile);
    },
  };
}

/** The one extension host running (the bench runs one code-server at a time). */
function extensionHostPid(): number {
  const pids = execFileSync('pgrep', ['-f', '--', '--type=extensionHost'], { encoding: 'utf8' }).trim().split('\n').map(Number);
  if (pids.length !== 1) throw new Error(`expected one extension host, found ${pids.length}`);
  return pids[0];
}

export async function profileExtensionHost(): Promise<Profiling> {
  process.kill(extensionHostPid(), 'SIGUSR1');
  let target: { webSocketDebuggerUrl: string } | undefined;
  for (let i = 0; i < 50 && !target; i++) {
    target = await fetch('http://127.0.0.1:9229/json/list')
      .then((r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>)
      .then((list) => list[0])
      .catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)));
  }
  if (!target) throw new Error('the extension host opened no inspector on 127.0.0.1:9229');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const send = (method: string, params: object = {}): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: Buffer): void => {
        const msg = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        if (msg.id !== id) return;
        socket.off('message', onMessage);
        if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
        else resolve(msg.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await send('Profiler.stop');
      socket.close();
      write(file, profile);
    },
  };
}
