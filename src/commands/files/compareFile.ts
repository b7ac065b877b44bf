/**
 * Compare with Local File…: hashes a file and says match or mismatch, with both digests. A file
 * on this machine's disk is streamed; any other (a web worker's, a remote or virtual one) is read
 * through workspace.fs.
 */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL, strongestChecksum } from '../../core/files/checksums';
import { hashWorkspaceFile, isReadableFile } from '../../host/workspaceFiles';
import type { CommandDeps, Handler } from '../shared/deps';
import { fileTargets } from './fileTargets';

export function compareFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const f = fileTargets(deps, node, selected)[0];
    if (!f) return;
    const expected = strongestChecksum(f.file);
    if (!expected) throw new Error(vscode.l10n.t('GitLab has no checksum for {0} to compare with.', f.file.fileName));
    const active = vscode.window.activeTextEditor?.document.uri;
    const choose = vscode.l10n.t('Choose a File…');
    let local: vscode.Uri | undefined;
    if (active && isReadableFile(active)) {
      const pick = await vscode.window.showQuickPick([baseName(active.path), choose], {
        placeHolder: vscode.l10n.t('Compare {0} with which local file?', f.file.fileName),
      });
      if (!pick) return;
      local = pick === choose ? undefined : active;
    }
    local ??= (
      await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Compare'), defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri })
    )?.[0];
    if (!local) return;
    const { hashLocalFile, createHasher } = deps.platform;
    const actual =
      local.scheme === 'file' && hashLocalFile
        ? await hashLocalFile(local.fsPath, expected.algorithm)
        : await hashWorkspaceFile(local, createHasher(expected.algorithm));
    const label = ALGORITHM_LABEL[expected.algorithm];
    if (actual === expected.hex) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Match: {0} has the same {1} as {2} in the registry ({3}).', baseName(local.path), label, f.file.fileName, actual),
      );
    } else {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Mismatch: {0} is not {1}. {2}: local {3}, registry {4}.', baseName(local.path), f.file.fileName, label, actual, expected.hex),
        { modal: true },
      );
    }
  };
}

function baseName(uriPath: string): string {
  return uriPath.split('/').filter(Boolean).pop() ?? uriPath;
}
