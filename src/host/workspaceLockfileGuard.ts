/**
 * The workspace's lockfiles as deletes and clean-ups consult them: every lockfile found (an open
 * document's unsaved text over the file's), parsed by the lockfile engine and kept by stamp (the
 * file's mtime and size, an open document's version), so a delete after a delete parses nothing
 * again. A workspace without lockfiles never loads the engine.
 */
import * as vscode from 'vscode';
import type { LockfileEngineLoader } from '../core/lockfiles/engine';
import type { LockfileGuard } from '../core/lockfiles/lockfileGuard';
import type { LockfileGuardCache, LockfileSource } from '../core/lockfiles/lockfileGuardCache';
import { findLockfiles, lockfileLabel, readLockfile } from './workspaceLockfiles';

/** Undefined when the workspace has no lockfile. */
export function workspaceLockfileGuard(engine: LockfileEngineLoader, instanceUrls: () => string[]): () => Promise<LockfileGuard | undefined> {
  let cache: LockfileGuardCache | undefined;
  return async () => {
    const uris = await findLockfiles();
    if (!uris.length) return undefined;
    cache ??= new (await engine()).LockfileGuardCache();
    const edited = vscode.workspace.textDocuments.filter((d) => d.isDirty);
    return cache.guard(
      uris.map((uri) =>
        source(
          uri,
          edited.find((d) => d.uri.toString() === uri.toString()),
        ),
      ),
      instanceUrls(),
    );
  };
}

function source(uri: vscode.Uri, edited: vscode.TextDocument | undefined): LockfileSource {
  return {
    key: uri.toString(),
    label: lockfileLabel(uri),
    path: uri.path,
    // A reopened document counts its versions from 1 again: the length tells two such texts apart too.
    stamp: edited ? `edited ${edited.version} ${edited.getText().length}` : vscode.workspace.fs.stat(uri).then((s) => `${s.mtime} ${s.size}`),
    read: async () => edited?.getText() ?? (await readLockfile(uri)).text,
  };
}
