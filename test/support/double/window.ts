/**
 * `vscode.window`: messages (toasts stay open until clicked or dismissed, modals take the scripted
 * answer), input boxes, quick picks, dialogs, progress (only Notification progress has Cancel), the
 * tree view, output channels and editors. Everything shown is recorded on the user.
 */
import type * as vscode from 'vscode';
import type { FakeTextDocument } from './documents';
import { InputBoxValidationSeverity, ProgressLocation } from './enums';
import { CancellationTokenSource, Disposable, EventEmitter } from './events';
import { FakeOutputChannel } from './outputChannel';
import { FakeQuickPick, labelOf, matchesAnswer } from './quickPick';
import type { WindowState } from './state';
import { FakeStatusBarItem } from './statusBar';
import { FakeTreeView } from './treeView';
import { Uri } from './uri';
import { Message, type InputBoxRecord, type Level, type ProgressRecord, type QuickPickRecord } from './user';

export function createWindow(s: WindowState, openTextDocument: (uri: Uri) => Promise<FakeTextDocument>) {
  const user = s.user;
  const message =
    (level: Level) =>
    (text: string, ...rest: unknown[]): Promise<unknown> => {
      const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
      const m = new Message(level, text, !!options?.modal, options?.detail, rest as (string | vscode.MessageItem)[]);
      user.messages.push(m);
      // A modal blocks the window until answered: take the scripted answer now (none = Cancel).
      if (m.modal) m.close(matchButton(m, user.takeModalAnswer()));
      return m.result;
    };

  return {
    showInformationMessage: message('info'),
    showWarningMessage: message('warning'),
    showErrorMessage: message('error'),
    showInputBox: async (options: vscode.InputBoxOptions = {}): Promise<string | undefined> => {
      const record: InputBoxRecord = { options, attempts: [] };
      user.inputBoxes.push(record);
      // Enter is refused while the validator reports an error: the user types the next scripted value.
      for (;;) {
        const { value, scripted } = user.takeInput();
        if (!scripted || value === undefined) return undefined;
        const verdict = await validationError(options, value);
        record.attempts.push({ value, verdict });
        if (verdict === undefined) {
          record.result = value;
          return value;
        }
      }
    },
    showQuickPick: async (itemsOrPromise: unknown, options: vscode.QuickPickOptions = {}): Promise<unknown> => {
      const items = (await itemsOrPromise) as (vscode.QuickPickItem | string)[];
      const record: QuickPickRecord = { items, options };
      user.quickPicks.push(record);
      const answer = user.takePick();
      if (answer === undefined) return undefined;
      // OK with nothing checked.
      if (options.canPickMany && Array.isArray(answer) && answer.length === 0) return (record.result = []);
      const chosen = items.filter((i) => (Array.isArray(answer) ? answer.some((a) => matchesAnswer(i, a)) : matchesAnswer(i, answer)));
      // A scripted answer that matches nothing is a broken test script: say so loudly.
      if (!chosen.length) throw new Error(`no quick pick item matches ${String(answer)} (items: ${items.map(labelOf).join(', ')})`);
      record.result = options.canPickMany ? chosen : chosen[0];
      return record.result;
    },
    createQuickPick: () => {
      const qp = new FakeQuickPick<vscode.QuickPickItem>();
      user.quickPickWidgets.push(qp);
      return qp;
    },
    showOpenDialog: (options?: vscode.OpenDialogOptions): Promise<Uri[] | undefined> => {
      const result = user.takeDialog();
      user.openDialogs.push({ options, result });
      return Promise.resolve(result);
    },
    showSaveDialog: (options?: vscode.SaveDialogOptions): Promise<Uri | undefined> => {
      const result = user.takeDialog()?.[0];
      user.saveDialogs.push({ options, result });
      return Promise.resolve(result);
    },
    withProgress: <R>(
      options: vscode.ProgressOptions,
      task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
    ): Promise<R> => {
      const cts = new CancellationTokenSource();
      const record: ProgressRecord = {
        location: options.location,
        title: options.title,
        cancellable: !!options.cancellable,
        reports: [],
        state: 'running',
        hasCancelButton: (options.location as number) === ProgressLocation.Notification && !!options.cancellable,
        cancelled: false,
        cancel: () => {
          record.cancelled = true;
          cts.cancel();
        },
      };
      user.progress.push(record);
      // Like VS Code: the task starts at once, and its token is cancelled only through the Cancel button.
      let run: Promise<R>;
      try {
        run = Promise.resolve(task({ report: (v) => record.reports.push(v) }, cts.token));
      } catch (e) {
        record.state = 'failed';
        throw e;
      }
      run.then(
        () => (record.state = 'done'),
        () => (record.state = 'failed'),
      );
      return run;
    },
    createStatusBarItem: (id: string, alignment?: number, priority?: number) => {
      const item = new FakeStatusBarItem(id, alignment, priority);
      s.statusBarItems.push(item);
      return item;
    },
    setStatusBarMessage: (text: string, hideAfter?: number | Thenable<unknown>) => {
      user.statusBar.push({ text, hideAfter: typeof hideAfter === 'number' ? hideAfter : undefined });
      return new Disposable(() => undefined);
    },
    createTreeView: <T>(viewId: string, options: vscode.TreeViewOptions<T>) => {
      if (!s.contributedViews().includes(viewId)) throw new Error(`No view is registered with id: ${viewId}`);
      const view = new FakeTreeView<T>(viewId, options);
      s.treeViews.push(view as FakeTreeView<unknown>);
      return view;
    },
    registerTreeDataProvider: <T>(viewId: string, provider: vscode.TreeDataProvider<T>) => {
      s.treeDataProviders.set(viewId, provider);
      return new Disposable(() => s.treeDataProviders.delete(viewId));
    },
    createOutputChannel: (name: string) => new FakeOutputChannel(name, user),
    showTextDocument: async (docOrUri: FakeTextDocument | Uri, options?: unknown) => {
      const document = docOrUri instanceof Uri ? await openTextDocument(docOrUri) : docOrUri;
      user.documentsShown.push({ document, options });
      s.activeEditor = { document };
      return s.activeEditor;
    },
    get activeTextEditor() {
      return s.activeEditor;
    },
    set activeTextEditor(editor: { document: FakeTextDocument } | undefined) {
      s.activeEditor = editor;
    },
    get visibleTextEditors() {
      return s.activeEditor ? [s.activeEditor] : [];
    },
    onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
    state: { focused: true, active: true },
  };
}

function matchButton(m: Message, answer: string | undefined): string | undefined {
  // "Cancel" is the close affordance VS Code adds to every modal; it answers undefined.
  if (answer === undefined || answer === 'Cancel') return undefined;
  if (!m.buttons.includes(answer)) throw new Error(`modal "${m.text}" has no button "${answer}" (it has: ${m.buttons.join(', ') || 'none'})`);
  return answer;
}

async function validationError(options: vscode.InputBoxOptions, value: string): Promise<string | undefined> {
  const v = await options.validateInput?.(value);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  return (v.severity as number) === InputBoxValidationSeverity.Error ? v.message : undefined;
}
