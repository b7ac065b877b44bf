/** Download File…: streamed, verified against the registry's checksum, then kept (see downloadDestinations.ts for where). */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL } from '../../core/files/checksums';
import { owningProject } from '../../core/browse/packageOwner';
import { ChecksumMismatchError, downloadVerified } from '../../core/files/verifiedDownload';
import { BadResponseError } from '../../gitlab/errors';
import { sayError } from '../../host/l10n';
import { humanSize } from '../../util/format';
import type { CommandDeps, Handler } from '../shared/deps';
import { baseName, intoFolder, savedOneByOne, type Destination } from './downloadDestinations';
import { fileTargets } from './fileTargets';
import { withCancellableProgress } from '../shared/progress';

export function downloadFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const files = fileTargets(deps, node, selected);
    if (!files.length) return;
    const { downloads, createHasher } = deps.platform;
    for await (const destination of downloads ? intoFolder(files, downloads) : savedOneByOne(files, createHasher)) await download(deps, destination);
  };
}

async function download(deps: CommandDeps, { file: f, uri, target: where, downloads }: Destination): Promise<void> {
  const client = deps.clients.get(f.parent.parent.ref.instanceUrl);
  try {
    const result = await withCancellableProgress(vscode.l10n.t('Downloading {0}', f.file.fileName), (signal, progress) => {
      let reported = 0;
      const target = { project: owningProject(f.parent.pkg, f.parent.parent), pkg: f.parent.pkg, file: f.file };
      return downloadVerified(client, downloads, target, where, {
        signal,
        onProgress: (bytes, total) => {
          const pct = total ? Math.floor((100 * bytes) / total) : 0;
          progress.report({ increment: pct - reported, message: humanSize(bytes) });
          reported = pct;
        },
      });
    });
    const shown = uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
    deps.log.info(
      `Downloaded ${f.file.fileName} to ${shown} (${result.bytes} bytes${result.verified ? `, ${result.verified.algorithm} verified` : ', no checksum to verify'})`,
    );
    const open = vscode.l10n.t('Open');
    const what = result.verified
      ? vscode.l10n.t('{0} verified.', ALGORITHM_LABEL[result.verified.algorithm])
      : vscode.l10n.t('GitLab gave no checksum to verify it against.');
    // Not awaited: the next file does not wait for this toast.
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Downloaded {0} ({1}). {2}', baseName(uri.path), humanSize(result.bytes), what), open)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('vscode.open', uri);
      });
  } catch (e) {
    if (e instanceof ChecksumMismatchError) deps.log.error(e.message);
    if (e instanceof BadResponseError && e.problem === 'hiddenRedirect' && e.detail) return offerBrowser(deps, e, e.detail);
    throw e;
  }
}

/** A redirect the browser hides (object storage): the browser tab, signed in to GitLab, can follow it. */
function offerBrowser(deps: CommandDeps, e: BadResponseError, url: string): void {
  const text = sayError(e);
  deps.log.warn(`${text} [${e.message}]`);
  const openInBrowser = vscode.l10n.t('Open in Browser');
  void vscode.window.showErrorMessage(text, openInBrowser).then((choice) => {
    if (choice === openInBrowser) void vscode.env.openExternal(vscode.Uri.parse(url));
  });
}
