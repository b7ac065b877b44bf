/**
 * The clean-up preview: every candidate in one multi-select list, all checked, each with its
 * reason; the title counts what will go (N of M packages). The user unchecks what to keep and
 * accepts. Title buttons write the full preview (candidates and kept, with reasons) to a
 * read-only document, or copy it.
 */
import * as vscode from 'vscode';
import type { JudgedPackage } from '../../core/cleanUp/cleanUpEvaluate';
import { previewLines, reasonsText, type PreviewInput } from '../../core/cleanUp/cleanUpPreview';
import { displayName } from '../../gitlab/models';
import { say } from '../../host/l10n';
import { packageDescription } from '../../tree/presentation';
import { copied } from '../shared/clipboard';
import type { CommandDeps } from '../shared/deps';
import { literalIcons } from '../../util/literalText';

type Item = vscode.QuickPickItem & { judged: JudgedPackage };

/** The plain text of a preview, as the document and the clipboard get it. */
export function previewText(input: PreviewInput): string {
  return previewLines(input).map(say).join('\n') + '\n';
}

export function showPreviewDocument(deps: CommandDeps, input: PreviewInput): Promise<void> {
  return deps.details.show(`/${input.source}/clean-up-preview.txt`, `at=${Date.now()}`, previewText(input));
}

/** Resolves with the candidates still checked when the user accepts, or undefined (Escape). */
export function pickCandidates(deps: CommandDeps, input: PreviewInput): Promise<JudgedPackage[] | undefined> {
  const { evaluation } = input;
  const qp = vscode.window.createQuickPick<Item>();
  const items: Item[] = evaluation.candidates.map((judged) => ({
    label: literalIcons(displayName(judged.pkg)),
    description: literalIcons(packageDescription(judged.pkg)),
    detail: literalIcons(say(reasonsText(judged.reasons))),
    picked: true,
    judged,
  }));
  const showDocument: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Show the Preview in a Document') };
  const copy: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy Clean-Up Preview') };
  const unchecked = (): Set<number> => {
    const selected = new Set(qp.selectedItems.map((i) => i.judged.pkg.id));
    return new Set(items.filter((i) => !selected.has(i.judged.pkg.id)).map((i) => i.judged.pkg.id));
  };
  const summarize = (): void => {
    qp.title = vscode.l10n.t('Clean Up {0}: {1} of {2} packages will be deleted', input.source, qp.selectedItems.length, evaluation.listed);
  };
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  // What the rule covers, and what of it was not applied, is said where the choice is made.
  const scope = input.scope ? [vscode.l10n.t('Scope: {0}', say(input.scope))] : [];
  qp.placeholder = [
    vscode.l10n.t('Uncheck what to keep, then press Enter ({0} kept by the rule)', evaluation.kept.length),
    ...scope,
    ...evaluation.notes.map(say),
  ].join(' — ');
  qp.buttons = [showDocument, copy];
  qp.items = items;
  qp.selectedItems = items;
  summarize();
  return new Promise((resolve) => {
    qp.onDidChangeSelection(summarize);
    qp.onDidTriggerButton((b) => {
      const now = { ...input, unchecked: unchecked() };
      if (b === showDocument) void showPreviewDocument(deps, now);
      else void copied(previewText(now), vscode.l10n.t('Copied the clean-up preview of {0}', input.source));
    });
    qp.onDidAccept(() => {
      resolve(qp.selectedItems.map((i) => i.judged));
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
