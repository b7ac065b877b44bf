/** The one confirmation of Add, Edit and Delete Rule…: a modal whose button names the verb (never a bare "OK"). */
import * as vscode from 'vscode';

/** True to go ahead. */
export async function confirmRule(message: string, detail: string, verb: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, verb)) === verb;
}
