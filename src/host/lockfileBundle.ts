/**
 * The web worker's lockfile module: `dist/web/lockfiles.js` (built from src/lockfiles.ts, importing
 * nothing but `vscode`) read through `workspace.fs` from the extension's folder and evaluated as
 * VS Code evaluates the `browser` entry itself, its `require` giving this bundle's own `vscode`.
 * Loaded once, on first use: only a workspace with lockfiles pays for its parsers and editor feature.
 */
import * as vscode from 'vscode';
import type { LockfileModule, LockfileModuleLoader } from './lockfileModule';

export const LOCKFILE_BUNDLE = 'dist/web/lockfiles.js';

export function lockfileBundleLoader(extensionUri: vscode.Uri): LockfileModuleLoader {
  let loading: Promise<LockfileModule> | undefined;
  return () => (loading ??= load(extensionUri));
}

async function load(extensionUri: vscode.Uri): Promise<LockfileModule> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, LOCKFILE_BUNDLE));
  const module = { exports: {} as LockfileModule };
  const require = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`${LOCKFILE_BUNDLE} may require only vscode, not ${id}`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own shipped file, evaluated as the host evaluates the entry
  const init = new Function('module', 'exports', 'require', new TextDecoder().decode(bytes)) as (m: typeof module, e: object, r: typeof require) => void;
  init(module, module.exports, require);
  return module.exports;
}
