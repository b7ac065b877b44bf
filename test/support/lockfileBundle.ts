/**
 * The web worker's lockfile bundle (`dist/web/lockfiles.js`) as the build makes it, for tests of
 * the `browser` entry: built once per test run (every file that needs it shares the build), and
 * shipped into a stand-in extension folder where the entry reads it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
let built: Promise<Uint8Array> | undefined;

export function lockfileBundle(): Promise<Uint8Array> {
  return (built ??= (async () => {
    const { lockfileOptions } = await import('../../esbuild.config.mjs');
    const result = await esbuild.build({ ...lockfileOptions(true), absWorkingDir: ROOT, write: false, logLevel: 'silent' });
    return result.outputFiles[0].contents;
  })());
}

/** Writes the bundle where the extension at `extension` ships it. */
export async function shipLockfileBundle(extension: string): Promise<void> {
  mkdirSync(path.join(extension, 'dist', 'web'), { recursive: true });
  writeFileSync(path.join(extension, 'dist', 'web', 'lockfiles.js'), await lockfileBundle());
}
