/**
 * The workspace's lockfiles, found and read through VS Code's file system (`workspace.fs`), so
 * they are read where the workspace is: on disk, on a remote, in a virtual workspace in the browser.
 */
import * as vscode from 'vscode';
import { lockfileFormat, LOCKFILE_GLOB } from '../core/lockfiles/lockfileFormat';
import { MAX_LOCKFILE_CHARS, type LockfileFormat } from '../core/lockfiles/lockEntry';

export interface WorkspaceLockfile {
  uri: vscode.Uri;
  /** The path shown to people: relative to its workspace folder (with the folder's name when there are several). */
  label: string;
  format: LockfileFormat;
}

/** Installed packages carry lockfiles of their own; they are not the workspace's. */
const EXCLUDE = '**/node_modules/**';
/** More than any real workspace holds; a bound on what one run reads. */
const MAX_LOCKFILES = 500;

export async function findLockfiles(token?: vscode.CancellationToken): Promise<WorkspaceLockfile[]> {
  const uris = await vscode.workspace.findFiles(LOCKFILE_GLOB, EXCLUDE, MAX_LOCKFILES, token);
  return uris
    .flatMap((uri) => {
      const format = lockfileFormat(uri.path);
      return format ? [{ uri, label: vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), format }] : [];
    })
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The file's text; undefined when it is larger than a lockfile reader takes (it is not read at all). */
export async function readLockfile(uri: vscode.Uri): Promise<string | undefined> {
  // UTF-8 takes at most 4 bytes a character: a file above this cannot fit in the reader's limit.
  if ((await vscode.workspace.fs.stat(uri)).size > MAX_LOCKFILE_CHARS * 4) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
