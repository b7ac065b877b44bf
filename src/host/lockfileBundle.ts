/**
 * The web worker's lockfile engine: `dist/web/lockfiles.js` (built from src/core/lockfiles/index.ts,
 * importing nothing) read through `workspace.fs` from the extension's folder and evaluated as VS
 * Code evaluates the `browser` entry itself. Loaded once, on first use: only a workspace with
 * lockfiles pays for its parsers.
 */
import * as vscode from 'vscode';
import type { LockfileEngine, LockfileEngineLoader } from '../core/lockfiles/engine';

export const LOCKFILE_BUNDLE = 'dist/web/lockfiles.js';

export function lockfileBundleLoader(extensionUri: vscode.Uri): LockfileEngineLoader {
  let loading: Promise<LockfileEngine> | undefined;
  return () => (loading ??= load(extensionUri));
}

async function load(extensionUri: vscode.Uri): Promise<LockfileEngine> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, LOCKFILE_BUNDLE));
  const module = { exports: {} as LockfileEngine };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own shipped file, evaluated as the host evaluates the entry
  const init = new Function('module', 'exports', new TextDecoder().decode(bytes)) as (m: typeof module, e: object) => void;
  init(module, module.exports);
  return module.exports;
}
