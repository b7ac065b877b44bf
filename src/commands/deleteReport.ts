/**
 * The words around a deletion, shared by package and file deletes: what the confirmation says
 * was set aside, and ONE message afterwards for everything (deleted, already gone, refused,
 * read-only, not allowed) — never a burst of toasts.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { DeleteReport, DeleteRequest, SetAside } from '../core/deleteFlow';
import { deleteFailureText } from '../core/errorText';
import { say } from '../host/words';

const SHOWN = 5;

export interface Named extends DeleteRequest {
  /** How the user knows it: `name version`, or `file (name version)`. */
  label: string;
  projectPath: string;
}

function list(items: Named[]): string {
  const names = items.slice(0, SHOWN).map((i) => i.label);
  if (items.length > SHOWN) names.push(vscode.l10n.t('…and {0} more', items.length - SHOWN));
  return names.join(', ');
}

/** Lines for the confirmation's detail about what will not be deleted, and why. */
export function setAsideLines<T extends Named>(setAside: SetAside<T>): string[] {
  const lines: string[] = [];
  if (setAside.readOnly.length) lines.push(vscode.l10n.t('Not deleted (the access token can only read): {0}', list(setAside.readOnly)));
  if (setAside.notAllowed.length)
    lines.push(vscode.l10n.t('Not deleted (GitLab offers no delete for it: Maintainer role and the "api" scope are needed): {0}', list(setAside.notAllowed)));
  // Each with its own rule: "Not deleted: protected-release 1.0.0 — protected by the rule protected-* (generic): only admin+ may delete it".
  for (const p of setAside.protected.slice(0, SHOWN))
    lines.push(vscode.l10n.t('Not deleted: {0} — {1}', p.label, p.deletion.refusedBy ? say(p.deletion.refusedBy) : ''));
  if (setAside.protected.length > SHOWN) lines.push(vscode.l10n.t('…and {0} more', setAside.protected.length - SHOWN));
  if (setAside.busy.length) lines.push(vscode.l10n.t('Already being deleted: {0}', list(setAside.busy)));
  return lines;
}

/** The one message after a delete (nothing when the user declined and nothing was set aside). */
export function reportDeletion<T extends Named>(report: DeleteReport<T>, deletedMany: (n: number) => string): void {
  const ok = report.outcomes.filter((o) => o.ok).map((o) => o.target.request);
  const failed = report.outcomes.flatMap((o) => (o.ok ? [] : [{ request: o.target.request, error: o.error }]));
  const gone = failed.filter((f) => f.error.kind === 'notFound');
  // Cancel stopped the sending: these were never sent.
  const notSent = failed.filter((f) => f.error.kind === 'cancelled');
  const errors = failed.filter((f) => f.error.kind !== 'notFound' && f.error.kind !== 'cancelled');
  const parts: string[] = [];
  if (ok.length === 1 && report.outcomes.length === 1) parts.push(vscode.l10n.t('Deleted {0}.', ok[0].label));
  else if (ok.length) parts.push(deletedMany(ok.length));
  if (gone.length) parts.push(vscode.l10n.t('Already deleted: {0}.', list(gone.map((g) => g.request))));
  if (errors.length) parts.push(vscode.l10n.t('Not deleted:'));
  for (const e of errors.slice(0, SHOWN)) parts.push(`${e.request.label}: ${say(deleteFailureText(e.error, e.request.projectPath))}.`);
  if (errors.length > SHOWN) parts.push(vscode.l10n.t('…and {0} more', errors.length - SHOWN));
  if (notSent.length) parts.push(vscode.l10n.t('Not sent (cancelled): {0}.', notSent.length));
  // Set-aside rows were named in the confirmation; said here only when there was none.
  const unconfirmed = report.outcomes.length === 0 && !report.declined;
  if (unconfirmed) parts.push(...setAsideLines(report));
  if (!parts.length) return;
  const replace = vscode.l10n.t('Replace Token…');
  const offerReplace = report.readOnly.length > 0 && unconfirmed;
  const buttons = offerReplace ? [replace] : [];
  const show = errors.length
    ? vscode.window.showErrorMessage
    : unconfirmed || notSent.length
      ? vscode.window.showWarningMessage
      : vscode.window.showInformationMessage;
  void show(parts.join(' '), ...buttons).then((choice) => {
    if (choice === replace) void vscode.commands.executeCommand(COMMANDS.setToken, report.readOnly[0].deletion.origin);
  });
}
