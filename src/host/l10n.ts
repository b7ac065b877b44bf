/** Words the pure layers' Texts in the user's language (VS Code's l10n bundle; English without one). */
import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import { word, type Text } from '../util/text';

export function say(t: Text): string {
  return word(t, (message, ...args) => vscode.l10n.t(message, ...args));
}

/** What to tell the user about anything thrown. */
export function sayError(e: unknown): string {
  return say(errorText(e));
}
