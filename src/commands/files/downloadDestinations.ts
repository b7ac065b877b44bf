/**
 * Where Download File… writes: on Node, one chosen folder on disk (each file under its own name,
 * asked before replacing); where there are no local files (a web worker), a save dialog per
 * file, written through workspace.fs once verified. Names come from the API's `file_name`, never
 * from a `Content-Disposition` header (which a browser cannot read anyway).
 */
import * as vscode from 'vscode';
import type { ChecksumAlgorithm } from '../../core/files/checksums';
import type { DownloadPlatform, Hasher } from '../../core/files/verifiedDownload';
import { workspaceDownloads } from '../../host/workspaceFiles';
import type { FileNode } from '../../tree/nodes';

export interface Destination {
  file: FileNode;
  uri: vscode.Uri;
  /** What the download's sink is handed (a path on disk, or the URI). */
  target: string;
  downloads: DownloadPlatform;
}

export async function* intoFolder(files: readonly FileNode[], downloads: DownloadPlatform): AsyncGenerator<Destination> {
  const folder = (
    await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Download Here'),
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    })
  )?.[0];
  if (!folder) return;
  if (folder.scheme !== 'file') throw new Error(vscode.l10n.t('Downloads need a folder on disk.'));
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, baseName(file.file.fileName));
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (exists) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', uri.fsPath), { modal: true }, replace);
      if (answer !== replace) continue;
    }
    yield { file, uri, target: uri.fsPath, downloads };
  }
}

export async function* savedOneByOne(files: readonly FileNode[], createHasher: (algorithm: ChecksumAlgorithm) => Hasher): AsyncGenerator<Destination> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  for (const file of files) {
    const name = baseName(file.file.fileName);
    // The dialog itself asks before replacing a file.
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      saveLabel: vscode.l10n.t('Download'),
      title: vscode.l10n.t('Download {0}', file.file.fileName),
    });
    if (!uri) return;
    yield { file, uri, target: uri.toString(), downloads: workspaceDownloads(uri, createHasher) };
  }
}

/** The last segment of a file name that may hold a path (`dist/app.tgz`). */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).filter(Boolean).pop() ?? fileName;
}
