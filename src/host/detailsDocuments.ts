/** The read-only Package Details documents (scheme `gitlab-package`): VS Code asks for their text by URI. */
import * as vscode from 'vscode';
import { DETAILS_SCHEME } from '../constants';

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  /** Opens (or refreshes) the document at `path` with `text`, in a preview tab. */
  async show(path: string, query: string, text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path, query });
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
