/**
 * Lists in a dialog, a message or a tooltip: the first LIST_CAP items, then "…and N more". One cap for every
 * list, so a user meets the same length everywhere.
 */
import * as vscode from 'vscode';

/**
 * A modal shows about 15 lines comfortably, and a list shares it with its question, the
 * "cannot be undone" line and what was set aside: 10 items and the "more" line leave them room.
 */
const LIST_CAP = 10;

/** One line per item (the first LIST_CAP), then "…and N more". */
export function cappedLines<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, LIST_CAP).map(line);
  if (items.length > LIST_CAP) lines.push(vscode.l10n.t('…and {0} more', items.length - LIST_CAP));
  return lines;
}

/** "• name" per item (the first LIST_CAP), then "…and N more". */
export function bulletLines<T>(items: readonly T[], name: (item: T) => string): string[] {
  return cappedLines(items, (item) => `• ${name(item)}`);
}

/** The same within a sentence: "a, b, c, …and N more". */
export function inlineList<T>(items: readonly T[], name: (item: T) => string): string {
  return cappedLines(items, name).join(', ');
}
