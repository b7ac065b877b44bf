/**
 * The clean-up's one confirmation: a modal naming the project or group (a group's name row: its
 * project in the group), the count and the rule, with the button "Delete N Packages". Above 100
 * packages the user also types the path, as GitHub asks for destructive bulk actions.
 */
import * as vscode from 'vscode';
import { describeRule, type CleanUpRule } from '../../core/cleanUp/cleanUpRule';
import type { Evaluation } from '../../core/cleanUp/cleanUpEvaluate';
import type { SetAside } from '../../core/delete/deleteFlow';
import { say } from '../../host/l10n';
import { setAsideLines, type Named } from '../shared/deleteReport';

/** From this many packages on, the path must be typed too. */
export const TYPED_CONFIRMATION_ABOVE = 100;

/** How the clean-up is named (`where`), and what the user types to confirm a large one. */
export interface CleanUpNames {
  where: string;
  typed: string;
}

export async function confirmCleanUp<T extends Named>(
  names: CleanUpNames,
  rule: CleanUpRule,
  evaluation: Pick<Evaluation, 'notes' | 'applied'>,
  targets: readonly T[],
  setAside: SetAside<T>,
): Promise<boolean> {
  const { where, typed: source } = names;
  const n = targets.length;
  const button = n === 1 ? vscode.l10n.t('Delete 1 Package') : vscode.l10n.t('Delete {0} Packages', n);
  const message = vscode.l10n.t('Clean up {0}: delete {1} packages?', where, n);
  const lines = [
    vscode.l10n.t('Rule: {0}', say(describeRule(rule, evaluation.applied))),
    ...evaluation.notes.map((note) => say(note)),
    ...setAsideLines(setAside),
    '',
    vscode.l10n.t('Every file of these packages is removed from the registry. This cannot be undone.'),
  ];
  if ((await vscode.window.showWarningMessage(message, { modal: true, detail: lines.join('\n') }, button)) !== button) return false;
  if (n <= TYPED_CONFIRMATION_ABOVE) return true;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Delete {0} packages from {1}', n, where),
    prompt: vscode.l10n.t('To confirm, type {0}', source),
    placeHolder: source,
    ignoreFocusOut: true,
    validateInput: (v) => (v === source ? undefined : vscode.l10n.t('Type {0} exactly to confirm', source)),
  });
  return typed === source;
}
