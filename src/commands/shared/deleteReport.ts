/**
 * The words around a deletion, shared by package and file deletes: what the confirmation says
 * was set aside, and ONE message afterwards for everything (deleted, already gone, may have been
 * deleted — its answer lost —, refused, read-only, not allowed, kept for a lockfile) — never a
 * burst of toasts.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import { STOP_AFTER } from '../../core/delete/bulkDelete';
import type { DeleteReport, DeleteRequest, SetAside } from '../../core/delete/deleteFlow';
import { rereadText, verdictOf, type DeleteVerdict } from '../../core/delete/deleteVerdict';
import { deleteFailureText, gitLabErrorText } from '../../core/errorText';
import { say } from '../../host/l10n';
import { cappedLines, inlineList } from '../../host/bulletList';

export interface Named extends DeleteRequest {
  /** How the user knows it: `name version`, or `file (name version)`. */
  label: string;
  projectPath: string;
}

function list(items: Named[]): string {
  return inlineList(items, (i) => i.label);
}

/** Lines for the confirmation's detail about what will not be deleted, and why. */
export function setAsideLines<T extends Named>(setAside: SetAside<T>): string[] {
  const lines: string[] = [];
  if (setAside.readOnly.length) lines.push(vscode.l10n.t('Not deleted (the access token can only read): {0}', list(setAside.readOnly)));
  if (setAside.notAllowed.length)
    lines.push(vscode.l10n.t('Not deleted (GitLab offers no delete for it: Maintainer role and the "api" scope are needed): {0}', list(setAside.notAllowed)));
  // Each with its own rule: "Not deleted: protected-release 1.0.0 — protected by the rule protected-* (generic): only admin+ may delete it".
  lines.push(
    ...cappedLines(setAside.protected, (p) => vscode.l10n.t('Not deleted: {0} — {1}', p.label, p.deletion.refusedBy ? say(p.deletion.refusedBy) : '')),
  );
  if (setAside.busy.length) lines.push(vscode.l10n.t('Already being deleted: {0}', list(setAside.busy)));
  return lines;
}

type Failed<T extends Named> = Extract<DeleteReport<T>['outcomes'][number], { ok: false }>;

/** Why one was not (or may not have been) deleted, with what reading it again found. */
function reason<T extends Named>(f: Failed<T>): string {
  const why = say(deleteFailureText(f.error, f.target.request.projectPath, f.target.request.deletion.adminModeDecides));
  const reread = rereadText(f);
  return reread ? vscode.l10n.t('{0}; {1}', why, say(reread)) : why;
}

/** A heading, then each (up to the list cap) with its reason. */
function explained<T extends Named>(heading: string, failed: Failed<T>[]): string[] {
  if (!failed.length) return [];
  return [heading, ...cappedLines(failed, (f) => `${f.target.request.label}: ${reason(f)}.`)];
}

/**
 * The one message after a delete (nothing when the user declined and nothing was set aside).
 * `refresh` is offered when some may have been deleted (GitLab may still be at work); `keptWords`
 * say why the confirmed ones a workspace lockfile holds back were kept.
 */
export function reportDeletion<T extends Named>(
  report: DeleteReport<T>,
  deletedMany: (n: number) => string,
  refresh?: () => void,
  keptWords = (names: string) => vscode.l10n.t('Kept (a workspace lockfile uses them): {0}.', names),
): void {
  const ok = report.outcomes.filter((o) => o.ok).map((o) => o.target.request);
  const failed = report.outcomes.filter((o): o is Failed<T> => !o.ok);
  const by = (v: DeleteVerdict) => failed.filter((f) => verdictOf(f) === v);
  const gone = by('alreadyDeleted');
  // Cancel stopped the sending: these were never sent.
  const notSent = by('notSent');
  // The deletes before them and the reads after those kept failing: never sent either.
  const stopped = by('stopped');
  // The answer was lost and reading again could not tell.
  const maybe = by('mayHaveBeenDeleted');
  const errors = by('notDeleted');
  const parts: string[] = [];
  if (ok.length === 1 && report.outcomes.length === 1) parts.push(vscode.l10n.t('Deleted {0}.', ok[0].label));
  else if (ok.length) parts.push(deletedMany(ok.length));
  if (report.kept.length) parts.push(keptWords(list(report.kept)));
  if (gone.length) parts.push(vscode.l10n.t('Already deleted: {0}.', list(gone.map((g) => g.target.request))));
  parts.push(...explained(vscode.l10n.t("May have been deleted (GitLab's answer was lost; refresh to see):"), maybe));
  parts.push(...explained(vscode.l10n.t('Not deleted:'), errors));
  if (notSent.length) parts.push(vscode.l10n.t('Not sent (cancelled): {0}.', notSent.length));
  if (stopped.length)
    parts.push(
      vscode.l10n.t(
        'Not sent: {0} — the last {1} deletes and the reads after them failed ({2}); GitLab may be down.',
        stopped.length,
        STOP_AFTER,
        say(gitLabErrorText(stopped[0].error)),
      ),
    );
  // Set-aside rows were named in the confirmation; said here only when there was none.
  const unconfirmed = report.outcomes.length === 0 && !report.declined;
  if (unconfirmed) parts.push(...setAsideLines(report));
  if (!parts.length) return;
  const replace = vscode.l10n.t('Replace Token…');
  const refreshButton = vscode.l10n.t('Refresh');
  const offerReplace = report.readOnly.length > 0 && unconfirmed;
  const buttons = [...(offerReplace ? [replace] : []), ...(maybe.length && refresh ? [refreshButton] : [])];
  const show =
    errors.length || stopped.length
      ? vscode.window.showErrorMessage
      : unconfirmed || notSent.length || maybe.length
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  void show(parts.join(' '), ...buttons).then((choice) => {
    if (choice === replace) void vscode.commands.executeCommand(COMMANDS.setToken, report.readOnly[0].deletion.origin);
    if (choice === refreshButton) refresh?.();
  });
}
