/** The person at the keyboard: answers the test scripts, and the record of everything shown. */
import type * as vscode from 'vscode';
import type { FakeQuickPick } from './quickPick';
import type { FakeTextDocument } from './documents';
import type { Uri } from './uri';

export type Level = 'info' | 'warning' | 'error';

/** One showInformation/Warning/ErrorMessage call. */
export class Message {
  state: 'open' | 'clicked' | 'dismissed' = 'open';
  /** The button label chosen (undefined: dismissed or cancelled). */
  answer?: string;
  private resolve!: (v: unknown) => void;
  readonly result: Promise<unknown>;

  constructor(
    readonly level: Level,
    readonly text: string,
    readonly modal: boolean,
    readonly detail: string | undefined,
    readonly items: (string | vscode.MessageItem)[],
  ) {
    this.result = new Promise((r) => (this.resolve = r));
  }

  get buttons(): string[] {
    return this.items.map((i) => (typeof i === 'string' ? i : i.title));
  }

  /** The user clicks a button of this (non-modal) toast. */
  click(label: string): void {
    if (this.modal) throw new Error('a modal is answered with ui.answer(), before it shows');
    this.close(label);
  }

  /** The user closes the toast (×, or it is cleared from the notification centre). */
  dismiss(): void {
    this.close(undefined);
  }

  close(label: string | undefined): void {
    if (this.state !== 'open') throw new Error(`message "${this.text}" is already ${this.state}`);
    const index = label === undefined ? -1 : this.buttons.indexOf(label);
    if (label !== undefined && index < 0) throw new Error(`message "${this.text}" has no button "${label}" (it has: ${this.buttons.join(', ') || 'none'})`);
    this.state = label === undefined ? 'dismissed' : 'clicked';
    this.answer = label;
    this.resolve(index < 0 ? undefined : this.items[index]);
  }
}

export interface InputBoxRecord {
  options: vscode.InputBoxOptions;
  /** Each value the user typed, with the validator's verdict (undefined: accepted). */
  attempts: { value: string; verdict?: string }[];
  result?: string;
}

export type PickAnswer = string | string[] | ((item: vscode.QuickPickItem | string) => boolean) | undefined;

export interface QuickPickRecord {
  items: (vscode.QuickPickItem | string)[];
  options: vscode.QuickPickOptions;
  result?: unknown;
}

export interface ProgressRecord {
  location: unknown;
  title?: string;
  cancellable: boolean;
  reports: { message?: string; increment?: number }[];
  state: 'running' | 'done' | 'failed';
  /** VS Code shows a Cancel button only for cancellable Notification progress. */
  readonly hasCancelButton: boolean;
  cancelled: boolean;
  cancel(): void;
}

export interface LogLine {
  channel: string;
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'text';
  text: string;
}

/** The person at the keyboard: scripted answers in, everything shown recorded. */
export class User {
  readonly messages: Message[] = [];
  readonly inputBoxes: InputBoxRecord[] = [];
  readonly quickPicks: QuickPickRecord[] = [];
  readonly quickPickWidgets: FakeQuickPick<vscode.QuickPickItem>[] = [];
  readonly openDialogs: { options?: vscode.OpenDialogOptions; result?: Uri[] }[] = [];
  readonly saveDialogs: { options?: vscode.SaveDialogOptions; result?: Uri }[] = [];
  readonly progress: ProgressRecord[] = [];
  readonly cancelAttempts: { cancelled: boolean }[] = [];
  readonly statusBar: { text: string; hideAfter?: number }[] = [];
  readonly clipboardWrites: string[] = [];
  clipboard = '';
  readonly openedExternally: Uri[] = [];
  readonly documentsShown: { document: FakeTextDocument; options?: unknown }[] = [];
  readonly log: LogLine[] = [];
  readonly logShown: string[] = [];
  private readonly modalAnswers: (string | undefined)[] = [];
  private readonly inputs: (string | undefined)[] = [];
  private readonly picks: PickAnswer[] = [];
  private readonly dialogs: (Uri[] | undefined)[] = [];

  get toasts(): Message[] {
    return this.messages.filter((m) => !m.modal);
  }

  get modals(): Message[] {
    return this.messages.filter((m) => m.modal);
  }

  get errors(): Message[] {
    return this.messages.filter((m) => m.level === 'error');
  }

  /** Answers for the next modals, in order (undefined = Cancel / Escape). */
  answer(...labels: (string | undefined)[]): this {
    this.modalAnswers.push(...labels);
    return this;
  }

  /** What the user types into the next input boxes, in order (undefined = Escape). */
  type(...values: (string | undefined)[]): this {
    this.inputs.push(...values);
    return this;
  }

  /** The next quick picks' choices: a label (codicons like `$(check) ` may be left out), labels for canPickMany, or a predicate. */
  pick(...answers: PickAnswer[]): this {
    this.picks.push(...answers);
    return this;
  }

  /** The next open (or save) dialogs' choices (undefined = cancelled; a save dialog takes the first URI). */
  chooseInDialog(...results: (Uri[] | undefined)[]): this {
    this.dialogs.push(...results);
    return this;
  }

  /** Clicks Cancel on the newest running progress that has one; false when none shows a Cancel button. */
  cancelProgress(): boolean {
    const running = this.progress.filter((p) => p.state === 'running' && p.hasCancelButton).pop();
    running?.cancel();
    this.cancelAttempts.push({ cancelled: !!running });
    return !!running;
  }

  // -- used by the window double --

  takeModalAnswer(): string | undefined {
    return this.modalAnswers.shift();
  }

  takeInput(): { value: string | undefined; scripted: boolean } {
    const scripted = this.inputs.length > 0;
    return { value: this.inputs.shift(), scripted };
  }

  takePick(): PickAnswer {
    return this.picks.shift();
  }

  takeDialog(): Uri[] | undefined {
    return this.dialogs.shift();
  }
}
