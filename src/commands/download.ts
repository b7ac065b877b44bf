/**
 * Download File… (streamed into a chosen folder, verified against the registry's checksum)
 * and Compare with Local File… (hash a local file, say match or mismatch with both digests).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChecksumMismatchError, downloadVerified } from '../core/verifiedDownload';
import type { FileNode, TreeNode } from '../tree/nodes';
import { ALGORITHM_LABEL, strongestChecksum } from '../core/checksums';
import { humanSize } from '../util/format';
import { hashFile } from '../platform/node/hashFile';
import { targetNodes, type CommandDeps, type Handler } from './deps';
import { abortOn } from './token';

function fileTargets(deps: CommandDeps, node: unknown, selected: unknown): FileNode[] {
  return targetNodes(deps, node, selected).filter((n: TreeNode): n is FileNode => n.kind === 'packageFile');
}

export function downloadFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const files = fileTargets(deps, node, selected);
    if (!files.length) return;
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
    for (const f of files) {
      const destination = path.join(folder.fsPath, path.basename(f.file.fileName));
      const exists = await vscode.workspace.fs.stat(vscode.Uri.file(destination)).then(
        () => true,
        () => false,
      );
      if (exists) {
        const replace = vscode.l10n.t('Replace');
        if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', destination), { modal: true }, replace)) !== replace)
          continue;
      }
      const project = f.parent.parent;
      const client = deps.clients.get(project.ref.instanceUrl);
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}', f.file.fileName), cancellable: true },
          (progress, cancel) => {
            let reported = 0;
            return downloadVerified(
              client,
              { project: f.parent.pkg.projectId ?? project.project?.id ?? project.ref.key, pkg: f.parent.pkg, file: f.file },
              destination,
              {
                signal: abortOn(cancel),
                onProgress: (bytes, total) => {
                  const pct = total ? Math.floor((100 * bytes) / total) : 0;
                  progress.report({ increment: pct - reported, message: humanSize(bytes) });
                  reported = pct;
                },
              },
            );
          },
        );
        deps.log.info(
          `Downloaded ${f.file.fileName} to ${destination} (${result.bytes} bytes${result.verified ? `, ${result.verified.algorithm} verified` : ', no checksum to verify'})`,
        );
        const open = vscode.l10n.t('Open');
        const what = result.verified
          ? vscode.l10n.t('{0} verified.', ALGORITHM_LABEL[result.verified.algorithm])
          : vscode.l10n.t('GitLab gave no checksum to verify it against.');
        const choice = await vscode.window.showInformationMessage(
          vscode.l10n.t('Downloaded {0} ({1}). {2}', path.basename(destination), humanSize(result.bytes), what),
          open,
        );
        if (choice === open) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(destination));
      } catch (e) {
        if (e instanceof ChecksumMismatchError) deps.log.error(e.message);
        throw e;
      }
    }
  };
}

export function compareFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const f = fileTargets(deps, node, selected)[0];
    if (!f) return;
    const expected = strongestChecksum(f.file);
    if (!expected) throw new Error(vscode.l10n.t('GitLab has no checksum for {0} to compare with.', f.file.fileName));
    const active = vscode.window.activeTextEditor?.document.uri;
    const choose = vscode.l10n.t('Choose a File…');
    let local: vscode.Uri | undefined;
    if (active?.scheme === 'file') {
      const pick = await vscode.window.showQuickPick([path.basename(active.fsPath), choose], {
        placeHolder: vscode.l10n.t('Compare {0} with which local file?', f.file.fileName),
      });
      if (!pick) return;
      local = pick === choose ? undefined : active;
    }
    local ??= (
      await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Compare'), defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri })
    )?.[0];
    if (!local) return;
    if (local.scheme !== 'file') throw new Error(vscode.l10n.t('Only files on disk can be compared.'));
    const actual = await hashFile(local.fsPath, expected.algorithm);
    const label = ALGORITHM_LABEL[expected.algorithm];
    if (actual === expected.hex) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Match: {0} has the same {1} as {2} in the registry ({3}).', path.basename(local.fsPath), label, f.file.fileName, actual),
      );
    } else {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Mismatch: {0} is not {1}. {2}: local {3}, registry {4}.', path.basename(local.fsPath), f.file.fileName, label, actual, expected.hex),
        { modal: true },
      );
    }
  };
}
