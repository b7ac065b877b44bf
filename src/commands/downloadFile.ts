/** Download File…: streamed into a chosen folder and verified against the registry's checksum (needs local files). */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL } from '../core/checksums';
import { owningProject } from '../core/packageOwner';
import { ChecksumMismatchError, downloadVerified } from '../core/verifiedDownload';
import { humanSize } from '../util/format';
import type { CommandDeps, Handler } from './deps';
import { fileTargets } from './fileTargets';
import { withCancellableProgress } from './progress';

export function downloadFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const files = fileTargets(deps, node, selected);
    const downloads = deps.platform.downloads;
    if (!files.length) return;
    if (!downloads) throw new Error(vscode.l10n.t('Downloads need a folder on disk.'));
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
      const name = baseName(f.file.fileName);
      const destination = vscode.Uri.joinPath(folder, name);
      const exists = await vscode.workspace.fs.stat(destination).then(
        () => true,
        () => false,
      );
      if (exists) {
        const replace = vscode.l10n.t('Replace');
        const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', destination.fsPath), { modal: true }, replace);
        if (answer !== replace) continue;
      }
      const client = deps.clients.get(f.parent.parent.ref.instanceUrl);
      try {
        const result = await withCancellableProgress(vscode.l10n.t('Downloading {0}', f.file.fileName), (signal, progress) => {
          let reported = 0;
          const target = { project: owningProject(f.parent.pkg, f.parent.parent), pkg: f.parent.pkg, file: f.file };
          return downloadVerified(client, downloads, target, destination.fsPath, {
            signal,
            onProgress: (bytes, total) => {
              const pct = total ? Math.floor((100 * bytes) / total) : 0;
              progress.report({ increment: pct - reported, message: humanSize(bytes) });
              reported = pct;
            },
          });
        });
        deps.log.info(
          `Downloaded ${f.file.fileName} to ${destination.fsPath} (${result.bytes} bytes${result.verified ? `, ${result.verified.algorithm} verified` : ', no checksum to verify'})`,
        );
        const open = vscode.l10n.t('Open');
        const what = result.verified
          ? vscode.l10n.t('{0} verified.', ALGORITHM_LABEL[result.verified.algorithm])
          : vscode.l10n.t('GitLab gave no checksum to verify it against.');
        // Not awaited: the next file does not wait for this toast.
        void vscode.window.showInformationMessage(vscode.l10n.t('Downloaded {0} ({1}). {2}', name, humanSize(result.bytes), what), open).then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('vscode.open', destination);
        });
      } catch (e) {
        if (e instanceof ChecksumMismatchError) deps.log.error(e.message);
        throw e;
      }
    }
  };
}

/** The last segment of a file name that may hold a path (`dist/app.tgz`). */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).filter(Boolean).pop() ?? fileName;
}
