/**
 * The workspace's lockfiles, found and read through VS Code's file system (`workspace.fs`), so
 * they are read where the workspace is: on disk, on a remote, in a virtual workspace in the
 * browser. (A file larger than a lockfile reader takes is refused by the parser.)
 */
import * as vscode from 'vscode';
import { LOCKFILE_GLOB } from '../core/lockfiles/lockfileFormat';
import type { LockfileText } from '../core/lockfiles/verifyLockfiles';

/** Installed packages carry lockfiles of their own; they are not the workspace's. Bounded: more than any real workspace holds. */
export function findLockfiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(LOCKFILE_GLOB, '**/node_modules/**', 500);
}

/** The text, with the path people see. */
export async function readLockfile(uri: vscode.Uri): Promise<LockfileText> {
  return { label: lockfileLabel(uri), path: uri.path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
}

/** The path people see: relative to its workspace folder, named when there are several. */
export function lockfileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** A file of an installed package (its lockfile is not the workspace's): what a watcher reports there is ignored. */
export function isInstalledPackage(uri: vscode.Uri): boolean {
  return uri.path.includes('/node_modules/');
}
