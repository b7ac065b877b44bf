/** Copying: the text goes to the clipboard, and the status bar says what was copied for a few seconds (no toast to dismiss). */
import * as vscode from 'vscode';

export async function copied(text: string, message: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 4000);
}
