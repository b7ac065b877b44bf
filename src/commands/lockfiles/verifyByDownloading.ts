/**
 * Verify by Downloading: for a lockfile entry whose hash GitLab does not list (npm's `sha512-`),
 * downloads the registry's file, hashes it in memory under the lockfile's algorithms and says
 * whether it matches; the answer is kept (DownloadVerdicts) for the lockfile's diagnostics until
 * Refresh. Nothing is written, nothing deleted. Run from a diagnostic or hover with the entry as
 * its argument (core/lockfiles/downloadRequest.ts). The checks, the work and its words are the
 * lockfile engine's (on the web a bundle of its own): this stays small.
 */
import * as vscode from 'vscode';
import { instanceUrls } from '../../core/config';
import { say } from '../../host/l10n';
import { humanSize } from '../../util/format';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCancellableProgress } from '../shared/progress';

export function verifyByDownloadingCommand(deps: CommandDeps): Handler {
  return async (arg?: unknown) => {
    if (!vscode.workspace.isTrusted) return void vscode.window.showWarningMessage(vscode.l10n.t('Verifying lockfiles needs a trusted workspace.'));
    const engine = await deps.lockfiles();
    const request = engine.downloadRequest(arg, instanceUrls(deps.config()));
    if (!request.ok) throw new Error(say(request.reason));
    const { args, target } = request;
    const check = await withCancellableProgress(vscode.l10n.t('Verifying {0} by downloading it', args.label), (signal, progress) => {
      let reported = 0;
      return engine.checkByDownload(deps.clients.get(args.instanceUrl), target, args.expected, {
        createHasher: deps.platform.createDigestHasher ?? engine.withSha512(deps.platform.createHasher),
        signal,
        onProgress: (bytes, total) => {
          const pct = total ? Math.floor((100 * bytes) / total) : 0;
          progress.report({ increment: pct - reported, message: humanSize(bytes) });
          reported = pct;
        },
      });
    });
    const said = say(engine.downloadCheckText(args.label, check));
    if (check.kind === 'failed') throw new Error(said);
    deps.downloadVerdicts.record(args.instanceUrl, args.file.id, args.expected, check);
    deps.log.info(said);
    if (check.kind === 'match') void vscode.window.showInformationMessage(said);
    else void vscode.window.showWarningMessage(said, { modal: true });
  };
}
