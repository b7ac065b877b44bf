/**
 * An in-memory `vscode` module for running the extension in plain Node, with a user the test
 * controls. Only the API surface the extension touches, but where a test depends on VS Code's
 * behaviour it behaves like VS Code: toasts stay open until clicked or dismissed, modals wait
 * for an answer, settings are layered (defaults from package.json < user < workspace <
 * folder), only Notification progress has a Cancel button, unknown commands reject.
 *
 * One `FakeVscode` is one window; `createVscodeModule` builds the object `require('vscode')`
 * returns, which forwards to whichever window is current (so a module loaded once serves many
 * tests).
 */
import { promises as fsp } from 'node:fs';
import * as posix from 'node:path/posix';
import type * as vscode from 'vscode';

// ---- events, disposables, cancellation -------------------------------------------------------

/** Errors thrown by event listeners: VS Code logs them instead of failing the firer. */
export const listenerErrors: unknown[] = [];

export class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }

  private disposed = false;

  constructor(private readonly callOnDispose: () => unknown) {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.callOnDispose();
  }
}

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: { fn: Listener<T>; thisArg: unknown }[] = [];
  private disposed = false;

  readonly event = (fn: Listener<T>, thisArg?: unknown, disposables?: { dispose(): unknown }[]): Disposable => {
    const entry = { fn, thisArg };
    if (!this.disposed) this.listeners.push(entry);
    const d = new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== entry)));
    disposables?.push(d);
    return d;
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l.fn.call(l.thisArg, e);
      } catch (err) {
        listenerErrors.push(err);
      }
    }
  }

  /** For tests: how many listeners are subscribed (to prove disposal). */
  get listenerCount(): number {
    return this.listeners.length;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}

export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  private cancelled = false;
  readonly token: vscode.CancellationToken;

  constructor() {
    const cancelled = (): boolean => this.cancelled;
    this.token = {
      get isCancellationRequested() {
        return cancelled();
      },
      onCancellationRequested: (fn: Listener<unknown>, thisArg?: unknown, ds?: { dispose(): unknown }[]) => {
        // VS Code calls a listener added after cancellation at once.
        if (this.cancelled) {
          fn.call(thisArg, undefined);
          return new Disposable(() => undefined);
        }
        return this.emitter.event(fn, thisArg, ds);
      },
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

// ---- enums -----------------------------------------------------------------------------------

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;
export const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;
export const InputBoxValidationSeverity = { Info: 1, Warning: 2, Error: 3 } as const;
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 } as const;
export const UIKind = { Desktop: 1, Web: 2 } as const;

// ---- Uri -------------------------------------------------------------------------------------

const URI_RE = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Like VS Code's encoder: unreserved characters stay, `/` in paths, `:` `[` `]` in authorities. */
function encode(s: string, keep: string): string {
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9\-._~]/.test(ch) || keep.includes(ch)) out += ch;
    else if (ch.charCodeAt(0) < 128) out += '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    else out += encodeURIComponent(ch);
  }
  return out;
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}

  static parse(value: string, strict = false): Uri {
    const m = URI_RE.exec(value) ?? [];
    if (!m[2] && strict) throw new Error(`[UriError]: Scheme is missing: {scheme: "", authority: "", path: "${value}"}`);
    return Uri.create(m[2] || 'file', decode(m[4] ?? ''), decode(m[5] ?? ''), decode(m[7] ?? ''), decode(m[9] ?? ''));
  }

  static file(fsPath: string): Uri {
    let p = fsPath.replace(/\\/g, '/');
    let authority = '';
    if (p.startsWith('//')) {
      const i = p.indexOf('/', 2);
      authority = i < 0 ? p.slice(2) : p.slice(2, i);
      p = i < 0 ? '/' : p.slice(i);
    }
    return Uri.create('file', authority, p, '', '');
  }

  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return Uri.create(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }

  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: posix.join(base.path || '/', ...segments) });
  }

  private static create(scheme: string, authority: string, path: string, query: string, fragment: string): Uri {
    // VS Code's reference resolution: http(s) and file paths are absolute.
    if (['http', 'https', 'file'].includes(scheme)) path = !path ? '/' : path.startsWith('/') ? path : '/' + path;
    else if (authority && path && !path.startsWith('/')) path = '/' + path;
    return new Uri(scheme, authority, path, query, fragment);
  }

  with(change: { scheme?: string; authority?: string | null; path?: string | null; query?: string | null; fragment?: string | null }): Uri {
    const pick = (v: string | null | undefined, old: string): string => (v === undefined ? old : (v ?? ''));
    return Uri.create(
      change.scheme ?? this.scheme,
      pick(change.authority, this.authority),
      pick(change.path, this.path),
      pick(change.query, this.query),
      pick(change.fragment, this.fragment),
    );
  }

  get fsPath(): string {
    return this.authority && this.path.length > 1 && this.scheme === 'file' ? `//${this.authority}${this.path}` : this.path;
  }

  toString(skipEncoding = false): string {
    const enc = skipEncoding ? (s: string) => s : encode;
    let out = this.scheme ? `${this.scheme}:` : '';
    if (this.authority || this.scheme === 'file') out += '//';
    if (this.authority) out += enc(this.authority.toLowerCase(), ':[]@');
    if (this.path) out += enc(this.path, '/');
    if (this.query) out += '?' + enc(this.query, '');
    if (this.fragment) out += '#' + enc(this.fragment, '');
    return out;
  }

  toJSON(): object {
    return { $mid: 1, scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

// ---- tree items, icons, markdown -------------------------------------------------------------

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class TreeItem {
  label?: string | vscode.TreeItemLabel;
  id?: string;
  iconPath?: unknown;
  description?: string | boolean;
  resourceUri?: Uri;
  tooltip?: string | MarkdownString;
  command?: vscode.Command;
  contextValue?: string;
  accessibilityInformation?: vscode.AccessibilityInformation;
  collapsibleState?: number;

  constructor(labelOrUri: string | vscode.TreeItemLabel | Uri, collapsibleState: number = TreeItemCollapsibleState.None) {
    if (labelOrUri instanceof Uri) this.resourceUri = labelOrUri;
    else this.label = labelOrUri;
    this.collapsibleState = collapsibleState;
  }
}

export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: string[] };
  supportHtml?: boolean;
  baseUri?: Uri;

  constructor(
    public value = '',
    public supportThemeIcons = false,
  ) {}

  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&').replace(/\n/g, '\n\n');
    return this;
  }

  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }

  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class FileSystemError extends Error {
  static FileNotFound(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`${String(uri)} not found`, 'FileNotFound');
  }

  constructor(
    message: string,
    readonly code = 'Unknown',
  ) {
    super(message);
  }
}

// ---- l10n ------------------------------------------------------------------------------------

/** `l10n.t` as VS Code formats it without a bundle: `{0}` by position, `{name}` from an object. */
export function l10nT(...params: unknown[]): string {
  const first = params[0];
  let message: string;
  let args: unknown[] | Record<string, unknown>;
  if (typeof first === 'object' && first !== null) {
    const o = first as { message: string; args?: unknown[] | Record<string, unknown> };
    message = o.message;
    args = o.args ?? [];
  } else {
    message = String(first);
    const rest = params.slice(1);
    args = rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null && !Array.isArray(rest[0]) ? (rest[0] as Record<string, unknown>) : rest;
  }
  return message.replace(/\{([^}]+)\}/g, (whole, key: string) => {
    const v = Array.isArray(args) ? args[Number(key)] : args[key];
    return v === undefined ? whole : typeof v === 'string' ? v : JSON.stringify(v);
  });
}

// ---- what the user sees and does -------------------------------------------------------------

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

/** A label without leading codicons, as a person reads it. */
export function plainLabel(label: string): string {
  return label.replace(/\$\([\w-]+(~[\w-]+)?\)\s*/g, '').trim();
}

function labelOf(item: vscode.QuickPickItem | string): string {
  return typeof item === 'string' ? item : item.label;
}

function matchesAnswer(item: vscode.QuickPickItem | string, answer: string | ((item: vscode.QuickPickItem | string) => boolean)): boolean {
  if (typeof answer === 'function') return answer(item);
  return labelOf(item) === answer || plainLabel(labelOf(item)) === answer;
}

// ---- createQuickPick -------------------------------------------------------------------------

/** `window.createQuickPick()`: the extension drives it through events, the test through type()/accept()/escape(). */
export class FakeQuickPick<T extends vscode.QuickPickItem> {
  title?: string;
  placeholder?: string;
  busy = false;
  enabled = true;
  canSelectMany = false;
  matchOnDescription = false;
  matchOnDetail = false;
  ignoreFocusOut = false;
  keepScrollPosition = false;
  step?: number;
  totalSteps?: number;
  buttons: vscode.QuickInputButton[] = [];
  visible = false;
  disposed = false;
  private _value = '';
  private _items: readonly T[] = [];
  private _active: readonly T[] = [];
  private _selected: readonly T[] = [];
  private readonly valueEmitter = new EventEmitter<string>();
  private readonly acceptEmitter = new EventEmitter<void>();
  private readonly hideEmitter = new EventEmitter<void>();
  private readonly activeEmitter = new EventEmitter<readonly T[]>();
  private readonly selectionEmitter = new EventEmitter<readonly T[]>();
  private readonly buttonEmitter = new EventEmitter<vscode.QuickInputButton>();
  readonly onDidChangeValue = this.valueEmitter.event;
  readonly onDidAccept = this.acceptEmitter.event;
  readonly onDidHide = this.hideEmitter.event;
  readonly onDidChangeActive = this.activeEmitter.event;
  readonly onDidChangeSelection = this.selectionEmitter.event;
  readonly onDidTriggerButton = this.buttonEmitter.event;
  readonly onDidTriggerItemButton = new EventEmitter<unknown>().event;

  get value(): string {
    return this._value;
  }

  set value(v: string) {
    this._value = v;
  }

  get items(): readonly T[] {
    return this._items;
  }

  /** Like VS Code: new items make the first visible one active. */
  set items(items: readonly T[]) {
    this._items = items;
    const first = this.visibleItems()[0];
    this._active = first ? [first] : [];
  }

  get activeItems(): readonly T[] {
    return this._active;
  }

  set activeItems(v: readonly T[]) {
    this._active = v;
  }

  get selectedItems(): readonly T[] {
    return this._selected;
  }

  set selectedItems(v: readonly T[]) {
    this._selected = v;
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.hideEmitter.fire();
  }

  dispose(): void {
    this.visible = false;
    this.disposed = true;
  }

  /** Items that survive VS Code's filtering on what was typed (a fuzzy in-order match). */
  visibleItems(): T[] {
    const needle = this._value.toLowerCase().replace(/\s+/g, '');
    if (!needle) return [...this._items];
    const fuzzy = (s: string | undefined): boolean => {
      let i = 0;
      for (const ch of (s ?? '').toLowerCase()) if (ch === needle[i]) i++;
      return i >= needle.length;
    };
    return this._items.filter(
      (it) => fuzzy(plainLabel(it.label)) || (this.matchOnDescription && fuzzy(it.description)) || (this.matchOnDetail && fuzzy(it.detail)),
    );
  }

  // -- the user --

  /** Types (replaces the value), as a person in the box would. */
  type(value: string): void {
    if (!this.visible) throw new Error('the quick pick is not shown');
    this._value = value;
    this.valueEmitter.fire(value);
    const first = this.visibleItems()[0];
    this._active = first ? [first] : [];
  }

  /** Enter: on the item matching `answer` (clicked), or on the active item. */
  accept(answer?: string | ((item: T) => boolean)): void {
    if (!this.visible) throw new Error('the quick pick is not shown');
    if (answer !== undefined) {
      const item = this.visibleItems().find((i) => matchesAnswer(i, answer as (item: vscode.QuickPickItem | string) => boolean));
      if (!item)
        throw new Error(
          `no visible item matches ${String(answer)} (visible: ${this.visibleItems()
            .map((i) => i.label)
            .join(', ')})`,
        );
      this._active = [item];
      this._selected = [item];
      this.selectionEmitter.fire(this._selected);
    }
    this.acceptEmitter.fire();
  }

  /** Escape. */
  escape(): void {
    this.hide();
  }

  /** Clicks the checkbox of the item matching `answer` (canSelectMany): checked becomes unchecked and back. */
  toggle(answer: string | ((item: T) => boolean)): void {
    if (!this.visible) throw new Error('the quick pick is not shown');
    if (!this.canSelectMany) throw new Error('toggle() is for a quick pick with canSelectMany');
    const item = this.visibleItems().find((i) => matchesAnswer(i, answer as (item: vscode.QuickPickItem | string) => boolean));
    if (!item) throw new Error(`no visible item matches ${String(answer)}`);
    this._selected = this._selected.includes(item) ? this._selected.filter((i) => i !== item) : [...this._selected, item];
    this.selectionEmitter.fire(this._selected);
  }

  /** Clicks a title button, found by its tooltip. */
  triggerButton(tooltip: string): void {
    if (!this.visible) throw new Error('the quick pick is not shown');
    const button = this.buttons.find((b) => b.tooltip === tooltip);
    if (!button) throw new Error(`no button "${tooltip}" (buttons: ${this.buttons.map((b) => b.tooltip).join(', ')})`);
    this.buttonEmitter.fire(button);
  }
}

// ---- documents -------------------------------------------------------------------------------

const LANGUAGES: Record<string, string> = { '.md': 'markdown', '.json': 'json', '.txt': 'plaintext', '.ts': 'typescript', '.xml': 'xml' };

export class FakeTextDocument {
  readonly version = 1;
  readonly isDirty = false;
  readonly isClosed = false;
  readonly eol = 1;

  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = LANGUAGES[posix.extname(uri.path).toLowerCase()] ?? 'plaintext',
  ) {}

  get fileName(): string {
    return this.uri.fsPath;
  }

  get isUntitled(): boolean {
    return this.uri.scheme === 'untitled';
  }

  get lineCount(): number {
    return this.text.split('\n').length;
  }

  getText(): string {
    return this.text;
  }

  setText(text: string): void {
    this.text = text;
  }
}

// ---- output channels -------------------------------------------------------------------------

class FakeOutputChannel {
  logLevel: number = LogLevel.Info;
  readonly onDidChangeLogLevel = new EventEmitter<number>().event;
  disposed = false;

  constructor(
    readonly name: string,
    private readonly user: User,
  ) {}

  private write(level: LogLine['level'], message: unknown, args: unknown[]): void {
    const text = [message, ...args].map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    this.user.log.push({ channel: this.name, level, text });
  }

  trace(m: string, ...a: unknown[]): void {
    this.write('trace', m, a);
  }
  debug(m: string, ...a: unknown[]): void {
    this.write('debug', m, a);
  }
  info(m: string, ...a: unknown[]): void {
    this.write('info', m, a);
  }
  warn(m: string, ...a: unknown[]): void {
    this.write('warn', m, a);
  }
  error(m: string | Error, ...a: unknown[]): void {
    this.write('error', m, a);
  }
  append(v: string): void {
    this.write('text', v, []);
  }
  appendLine(v: string): void {
    this.write('text', v, []);
  }
  replace(v: string): void {
    this.write('text', v, []);
  }
  clear(): void {
    // The record keeps what was written: tests assert on the history.
  }
  show(): void {
    this.user.logShown.push(this.name);
  }
  hide(): void {}
  dispose(): void {
    this.disposed = true;
  }
}

// ---- tree views ------------------------------------------------------------------------------

export class FakeTreeView<T> {
  title?: string;
  description?: string;
  message?: string;
  badge?: vscode.ViewBadge;
  visible = true;
  disposed = false;
  /** Every onDidChangeTreeData the provider fired (undefined = the whole tree). */
  readonly changes: (T | T[] | undefined | null | void)[] = [];
  readonly reveals: { element: T; options?: unknown }[] = [];
  private _selection: readonly T[] = [];
  private readonly selectionEmitter = new EventEmitter<{ selection: readonly T[] }>();
  readonly onDidChangeSelection = this.selectionEmitter.event;
  readonly onDidChangeVisibility = new EventEmitter<{ visible: boolean }>().event;
  readonly onDidExpandElement = new EventEmitter<{ element: T }>().event;
  readonly onDidCollapseElement = new EventEmitter<{ element: T }>().event;
  readonly onDidChangeCheckboxState = new EventEmitter<unknown>().event;
  private readonly subscription?: { dispose(): unknown };

  constructor(
    readonly viewId: string,
    readonly options: vscode.TreeViewOptions<T>,
  ) {
    this.title = undefined;
    this.subscription = options.treeDataProvider.onDidChangeTreeData?.((e) => this.changes.push(e));
  }

  get provider(): vscode.TreeDataProvider<T> {
    return this.options.treeDataProvider;
  }

  get selection(): readonly T[] {
    return this._selection;
  }

  /** The user selects rows (several only when the view allows it). */
  select(...nodes: T[]): void {
    if (nodes.length > 1 && !this.options.canSelectMany) throw new Error(`${this.viewId} does not allow selecting several rows`);
    this._selection = nodes;
    this.selectionEmitter.fire({ selection: nodes });
  }

  reveal(element: T, options?: unknown): Promise<void> {
    this.reveals.push({ element, options });
    return Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
  }
}

// ---- settings --------------------------------------------------------------------------------

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes?: {
    configuration?:
      { properties?: Record<string, { default?: unknown; scope?: string }> } | { properties?: Record<string, { default?: unknown; scope?: string }> }[];
    views?: Record<string, { id: string }[]>;
    commands?: { command: string }[];
  };
}

type LayerName = 'global' | 'workspace' | 'workspaceFolder';

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects are merged across layers (as VS Code merges e.g. `files.exclude`); anything else is replaced. */
function merge(lower: unknown, higher: unknown): unknown {
  if (higher === undefined) return lower;
  if (isPlainObject(lower) && isPlainObject(higher)) {
    const out: Record<string, unknown> = { ...lower };
    for (const [k, v] of Object.entries(higher)) out[k] = merge(lower[k], v);
    return out;
  }
  return higher;
}

export class Settings {
  readonly defaults = new Map<string, { value: unknown; scope: string }>();
  readonly layers: Record<LayerName, Map<string, unknown>> = { global: new Map(), workspace: new Map(), workspaceFolder: new Map() };
  private readonly changed = new EventEmitter<vscode.ConfigurationChangeEvent>();
  readonly onDidChange = this.changed.event;

  get listenerCount(): number {
    return this.changed.listenerCount;
  }

  /** Settings VS Code reads from user settings only while the workspace is untrusted (restricted mode). */
  private readonly restricted: Set<string>;

  constructor(
    manifest: Manifest,
    private readonly hasWorkspace: () => boolean,
    private readonly isTrusted: () => boolean = () => true,
  ) {
    this.restricted = new Set(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? []);
    const conf = manifest.contributes?.configuration;
    for (const block of Array.isArray(conf) ? conf : conf ? [conf] : []) {
      for (const [key, p] of Object.entries(block.properties ?? {})) this.defaults.set(key, { value: p.default, scope: p.scope ?? 'window' });
    }
  }

  /** Machine-scoped settings are read from user settings only; window-scoped ones not per folder. */
  private applies(key: string, layer: LayerName, reading = true): boolean {
    const scope = this.defaults.get(key)?.scope ?? 'window';
    if (layer === 'global') return true;
    if (scope === 'machine' || scope === 'application') return false;
    // Restricted mode ignores the workspace's value when reading; the file itself may still hold one.
    if (reading && this.restricted.has(key) && !this.isTrusted()) return false;
    return layer === 'workspace' || scope === 'resource' || scope === 'language-overridable' || scope === 'machine-overridable';
  }

  effective(key: string, withFolder: boolean): unknown {
    let value = this.defaults.get(key)?.value;
    for (const layer of ['global', 'workspace', 'workspaceFolder'] as const) {
      if (layer === 'workspaceFolder' && !withFolder) continue;
      if (this.layers[layer].has(key) && this.applies(key, layer)) value = merge(value, this.layers[layer].get(key));
    }
    return value;
  }

  inspect(key: string): { key: string; defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } {
    return {
      key,
      defaultValue: clone(this.defaults.get(key)?.value),
      globalValue: clone(this.layers.global.get(key)),
      workspaceValue: clone(this.layers.workspace.get(key)),
      workspaceFolderValue: clone(this.layers.workspaceFolder.get(key)),
    };
  }

  /** Writes one layer like ConfigurationEditing does (same refusals), then fires the change event. */
  write(key: string, value: unknown, layer: LayerName): Promise<void> {
    const where = layer === 'global' ? 'User Settings' : layer === 'workspace' ? 'Workspace Settings' : 'Folder Settings';
    const def = this.defaults.get(key);
    if (!def) return Promise.reject(new Error(`Unable to write to ${where} because ${key} is not a registered configuration.`));
    if (layer !== 'global' && !this.hasWorkspace())
      return Promise.reject(new Error(`Unable to write to ${where} because no workspace is opened. Please open a workspace first and try again.`));
    if (layer !== 'global' && !this.applies(key, layer, false))
      return Promise.reject(
        new Error(`Unable to write to ${where} because ${key} does not support the ${layer === 'workspace' ? 'workspace' : 'folder resource'} scope.`),
      );
    const map = this.layers[layer];
    const before = JSON.stringify(map.get(key));
    if (value === undefined) map.delete(key);
    else map.set(key, clone(value));
    if (JSON.stringify(map.get(key)) !== before) this.fire([key]);
    return Promise.resolve();
  }

  fire(keys: string[]): void {
    const affects = (section: string): boolean => keys.some((k) => k === section || k.startsWith(section + '.') || section.startsWith(k + '.'));
    this.changed.fire({ affectsConfiguration: (section: string) => affects(section) });
  }

  /** `workspace.getConfiguration(section, scope)`: values are a snapshot taken now, and read-only. */
  configuration(section: string | undefined, scope: unknown): vscode.WorkspaceConfiguration {
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    const withFolder = scope !== undefined && scope !== null;
    const snapshot = new Map<string, unknown>();
    for (const key of new Set([...this.defaults.keys(), ...Object.values(this.layers).flatMap((m) => [...m.keys()])])) {
      if (!section || key.startsWith(section + '.')) snapshot.set(key, deepFreeze(clone(this.effective(key, withFolder))));
    }
    const config = {
      get: <T>(key: string, defaultValue?: T): T | undefined => {
        const v = snapshot.get(full(key)) as T | undefined;
        return v === undefined ? defaultValue : v;
      },
      has: (key: string) => snapshot.get(full(key)) !== undefined,
      inspect: (key: string) => this.inspect(full(key)),
      update: (key: string, value: unknown, target?: number | boolean | null): Promise<void> => {
        // true → user, false → workspace, undefined → folder for a resource-scoped configuration, else workspace.
        const t =
          target === true
            ? ConfigurationTarget.Global
            : target === false
              ? ConfigurationTarget.Workspace
              : (target ?? (withFolder ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace));
        if (t === ConfigurationTarget.WorkspaceFolder && !withFolder)
          return Promise.reject(new Error('Unable to write to Folder Settings because no resource is provided.'));
        return this.write(
          full(key),
          value,
          t === ConfigurationTarget.Global ? 'global' : t === ConfigurationTarget.Workspace ? 'workspace' : 'workspaceFolder',
        );
      },
    };
    return config as unknown as vscode.WorkspaceConfiguration;
  }
}

// ---- secrets and mementos --------------------------------------------------------------------

export class FakeSecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;

  get listenerCount(): number {
    return this.changed.listenerCount;
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }

  store(key: string, value: string): Promise<void> {
    if (typeof value !== 'string') return Promise.reject(new Error('value must be a string'));
    this.values.set(key, value);
    return this.fireSoon(key);
  }

  delete(key: string): Promise<void> {
    this.values.delete(key);
    return this.fireSoon(key);
  }

  /** The change arrives from the main process: after the write, before the caller resumes. */
  private fireSoon(key: string): Promise<void> {
    return Promise.resolve().then(() => this.changed.fire({ key }));
  }
}

export class FakeMemento {
  readonly values = new Map<string, string>();
  readonly syncedKeys: string[] = [];

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? defaultValue : (JSON.parse(raw) as T);
  }

  /** Stored as JSON, as VS Code does: later mutation of the object does not leak in. */
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  setKeysForSync(keys: readonly string[]): void {
    this.syncedKeys.splice(0, this.syncedKeys.length, ...keys);
  }
}

// ---- git extension ---------------------------------------------------------------------------

export interface FakeRemote {
  name: string;
  fetchUrl?: string;
  pushUrl?: string;
  isReadOnly?: boolean;
}

export class FakeRepository {
  private readonly changed = new EventEmitter<void>();
  readonly state: { remotes: FakeRemote[]; onDidChange: vscode.Event<void> };

  constructor(
    readonly rootUri: Uri,
    remotes: FakeRemote[],
  ) {
    this.state = { remotes, onDidChange: this.changed.event };
  }

  setRemotes(remotes: FakeRemote[]): void {
    this.state.remotes = remotes;
    this.changed.fire();
  }
}

/** The built-in git extension's API (v1), just what is read of it. */
export class FakeGitApi {
  readonly repositories: FakeRepository[] = [];
  private readonly opened = new EventEmitter<FakeRepository>();
  private readonly closed = new EventEmitter<FakeRepository>();
  readonly onDidOpenRepository = this.opened.event;
  readonly onDidCloseRepository = this.closed.event;

  openRepository(folder: string, remotes: FakeRemote[]): FakeRepository {
    const repo = new FakeRepository(Uri.file(folder), remotes);
    this.repositories.push(repo);
    this.opened.fire(repo);
    return repo;
  }

  closeRepository(repo: FakeRepository): void {
    this.repositories.splice(this.repositories.indexOf(repo), 1);
    this.closed.fire(repo);
  }
}

// ---- the window ------------------------------------------------------------------------------

/** Commands VS Code itself provides that the extension may call (anything else unknown rejects). */
const BUILTIN_COMMANDS = [
  'vscode.open',
  'vscode.diff',
  'workbench.action.openSettings',
  'markdown.showPreview',
  'markdown.showPreviewToSide',
  'workbench.action.focusSideBar',
  'revealFileInOS',
];

export interface FakeVscodeOptions {
  manifest: Manifest;
  workspaceFolders?: string[];
  isTrusted?: boolean;
}

export class FakeVscode {
  readonly user = new User();
  readonly settings: Settings;
  readonly commandHandlers = new Map<string, { fn: (...args: unknown[]) => unknown; thisArg: unknown }>();
  readonly executed: { id: string; args: unknown[] }[] = [];
  /** `setContext` keys as the workbench would hold them. */
  readonly contextKeys = new Map<string, unknown>();
  readonly treeViews: FakeTreeView<unknown>[] = [];
  readonly treeDataProviders = new Map<string, vscode.TreeDataProvider<unknown>>();
  readonly contentProviders = new Map<string, vscode.TextDocumentContentProvider>();
  readonly documents = new Map<string, FakeTextDocument>();
  readonly extensionsById = new Map<string, unknown>();
  readonly version = '1.139.1';
  private folders: { uri: Uri; name: string; index: number }[] | undefined;
  private trusted: boolean;
  private readonly trustEmitter = new EventEmitter<void>();
  private readonly foldersEmitter = new EventEmitter<unknown>();
  private activeEditor: { document: FakeTextDocument } | undefined;

  readonly window;
  readonly commands;
  readonly workspace;
  readonly env;
  readonly extensions;
  readonly l10n = { t: l10nT, bundle: undefined, uri: undefined };

  constructor(private readonly opts: FakeVscodeOptions) {
    this.settings = new Settings(
      opts.manifest,
      () => this.folders !== undefined,
      () => this.trusted,
    );
    this.setWorkspaceFolders(opts.workspaceFolders);
    this.trusted = opts.isTrusted ?? true;
    // Getters in the namespace literals below have their own `this`.
    const me = (): this => this;
    const user = this.user;

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

    this.window = {
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
      setStatusBarMessage: (text: string, hideAfter?: number | Thenable<unknown>) => {
        user.statusBar.push({ text, hideAfter: typeof hideAfter === 'number' ? hideAfter : undefined });
        return new Disposable(() => undefined);
      },
      createTreeView: <T>(viewId: string, options: vscode.TreeViewOptions<T>) => {
        if (!this.contributedViews().includes(viewId)) throw new Error(`No view is registered with id: ${viewId}`);
        const view = new FakeTreeView<T>(viewId, options);
        this.treeViews.push(view as FakeTreeView<unknown>);
        return view;
      },
      registerTreeDataProvider: <T>(viewId: string, provider: vscode.TreeDataProvider<T>) => {
        this.treeDataProviders.set(viewId, provider);
        return new Disposable(() => this.treeDataProviders.delete(viewId));
      },
      createOutputChannel: (name: string) => new FakeOutputChannel(name, user),
      createStatusBarItem: () => ({ text: '', tooltip: undefined, command: undefined, show() {}, hide() {}, dispose() {} }),
      showTextDocument: async (docOrUri: FakeTextDocument | Uri, options?: unknown) => {
        const document = docOrUri instanceof Uri ? await this.workspace.openTextDocument(docOrUri) : docOrUri;
        user.documentsShown.push({ document, options });
        this.activeEditor = { document };
        return this.activeEditor;
      },
      get activeTextEditor() {
        return me().activeEditor;
      },
      set activeTextEditor(editor: { document: FakeTextDocument } | undefined) {
        me().activeEditor = editor;
      },
      get visibleTextEditors() {
        return me().activeEditor ? [me().activeEditor] : [];
      },
      onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
      state: { focused: true, active: true },
    };

    this.commands = {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown, thisArg?: unknown) => {
        if (this.commandHandlers.has(id)) throw new Error(`command '${id}' already exists`);
        this.commandHandlers.set(id, { fn, thisArg });
        return new Disposable(() => this.commandHandlers.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]): Promise<unknown> => {
        this.executed.push({ id, args });
        const handler = this.commandHandlers.get(id);
        if (handler) return await handler.fn.apply(handler.thisArg, args);
        if (id === 'setContext') {
          this.contextKeys.set(String(args[0]), args[1]);
          return undefined;
        }
        if (BUILTIN_COMMANDS.includes(id) || this.contributedViews().some((v) => id === `${v}.focus`)) return undefined;
        throw new Error(`command '${id}' not found`);
      },
      getCommands: (filterInternal = false): Promise<string[]> =>
        Promise.resolve([...this.commandHandlers.keys(), ...(filterInternal ? [] : ['setContext']), ...BUILTIN_COMMANDS]),
    };

    this.workspace = {
      getConfiguration: (section?: string, scope?: unknown) => this.settings.configuration(section, scope),
      onDidChangeConfiguration: this.settings.onDidChange,
      get workspaceFolders() {
        return me().folders;
      },
      get name() {
        return me().folders?.[0]?.name;
      },
      onDidChangeWorkspaceFolders: this.foldersEmitter.event,
      getWorkspaceFolder: (uri: Uri) => this.folders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(f.uri.path + '/')),
      get isTrusted() {
        return me().trusted;
      },
      onDidGrantWorkspaceTrust: this.trustEmitter.event,
      registerTextDocumentContentProvider: (scheme: string, provider: vscode.TextDocumentContentProvider) => {
        if (this.contentProviders.has(scheme)) throw new Error(`a content provider for '${scheme}' is already registered`);
        this.contentProviders.set(scheme, provider);
        // An open document follows its provider's changes, as VS Code re-reads it.
        const sub = provider.onDidChange?.(async (uri) => {
          const doc = this.documents.get(uri.toString());
          if (doc) doc.setText((await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '');
        });
        return new Disposable(() => {
          sub?.dispose();
          this.contentProviders.delete(scheme);
        });
      },
      openTextDocument: async (arg?: Uri | string | { content?: string; language?: string }): Promise<FakeTextDocument> => {
        if (arg === undefined || (!(arg instanceof Uri) && typeof arg === 'object')) {
          const o = arg ?? {};
          return new FakeTextDocument(
            Uri.from({ scheme: 'untitled', path: `Untitled-${this.documents.size + 1}` }),
            o.content ?? '',
            o.language ?? 'plaintext',
          );
        }
        const uri = typeof arg === 'string' ? Uri.file(arg) : arg;
        const open = this.documents.get(uri.toString());
        if (open) return open;
        let text: string;
        if (uri.scheme === 'file') {
          text = await fsp.readFile(uri.fsPath, 'utf8').catch(() => {
            throw FileSystemError.FileNotFound(uri);
          });
        } else {
          const provider = this.contentProviders.get(uri.scheme);
          if (!provider) throw new Error(`cannot open ${uri.toString()}. Detail: No file system provider found for resource '${uri.toString()}'`);
          text = (await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '';
        }
        const doc = new FakeTextDocument(uri, text);
        this.documents.set(uri.toString(), doc);
        return doc;
      },
      get textDocuments() {
        return [...me().documents.values()];
      },
      fs: {
        stat: async (uri: Uri) => {
          if (uri.scheme !== 'file') throw FileSystemError.FileNotFound(uri);
          const s = await fsp.stat(uri.fsPath).catch(() => {
            throw FileSystemError.FileNotFound(uri);
          });
          return { type: s.isDirectory() ? FileType.Directory : FileType.File, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
        },
        readFile: async (uri: Uri) => new Uint8Array(await fsp.readFile(uri.fsPath)),
        isWritableFileSystem: (scheme: string) => (scheme === 'file' ? true : undefined),
        writeFile: (uri: Uri, content: Uint8Array) => fsp.writeFile(uri.fsPath, content),
        createDirectory: async (uri: Uri) => {
          await fsp.mkdir(uri.fsPath, { recursive: true });
        },
        delete: (uri: Uri, options?: { recursive?: boolean }) => fsp.rm(uri.fsPath, { recursive: !!options?.recursive }),
      },
    };

    this.env = {
      clipboard: {
        readText: () => Promise.resolve(user.clipboard),
        writeText: (text: string) => {
          user.clipboard = text;
          user.clipboardWrites.push(text);
          return Promise.resolve();
        },
      },
      openExternal: (uri: Uri) => {
        user.openedExternally.push(uri);
        return Promise.resolve(true);
      },
      asExternalUri: (uri: Uri) => Promise.resolve(uri),
      uriScheme: 'vscode',
      appName: 'Visual Studio Code',
      appHost: 'desktop',
      language: 'en',
      machineId: 'someValue.machineId',
      sessionId: 'someValue.sessionId',
      remoteName: undefined,
      shell: '/bin/bash',
      uiKind: UIKind.Desktop,
      isTelemetryEnabled: false,
      logLevel: LogLevel.Info,
    };

    this.extensions = {
      getExtension: (id: string) => this.extensionsById.get(id),
      get all() {
        return [...me().extensionsById.values()];
      },
      onDidChange: new EventEmitter<void>().event,
    };
  }

  contributedViews(): string[] {
    return Object.values(this.opts.manifest.contributes?.views ?? {}).flatMap((views) => views.map((v) => v.id));
  }

  setWorkspaceFolders(paths: string[] | undefined): void {
    this.folders = paths?.map((p, index) => ({ uri: Uri.file(p), name: posix.basename(p), index }));
    this.foldersEmitter.fire({ added: this.folders ?? [], removed: [] });
  }

  /** The user trusts the workspace. */
  grantTrust(): void {
    if (this.trusted) return;
    this.trusted = true;
    this.trustEmitter.fire();
  }

  /** Makes the built-in git extension present, with this API. */
  provideGit(api: FakeGitApi = new FakeGitApi()): FakeGitApi {
    this.extensionsById.set('vscode.git', {
      id: 'vscode.git',
      isActive: true,
      exports: { enabled: true, getAPI: () => api },
      activate: () => Promise.resolve({ getAPI: () => api }),
    });
    return api;
  }

  /** The tree view created for `viewId`. */
  treeView<T>(viewId: string): FakeTreeView<T> {
    const view = this.treeViews.find((v) => v.viewId === viewId && !v.disposed);
    if (!view) throw new Error(`no tree view ${viewId} was created`);
    return view as FakeTreeView<T>;
  }
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

// ---- the extension context -------------------------------------------------------------------

export interface FakeExtensionContext {
  subscriptions: { dispose(): unknown }[];
  secrets: FakeSecretStorage;
  workspaceState: FakeMemento;
  globalState: FakeMemento;
  extensionMode: number;
  extension: { id: string; packageJSON: unknown; extensionUri: Uri; extensionPath: string; isActive: boolean; exports: unknown; extensionKind: number };
  extensionUri: Uri;
  extensionPath: string;
  storageUri: Uri;
  globalStorageUri: Uri;
  logUri: Uri;
  asAbsolutePath(relative: string): string;
}

export function createExtensionContext(opts: {
  packageJSON: { publisher?: string; name?: string };
  extensionPath: string;
  extensionMode?: number;
  storagePath?: string;
}): FakeExtensionContext {
  const extensionUri = Uri.file(opts.extensionPath);
  const storage = opts.storagePath ?? posix.join('/tmp', 'gitlab-packages-double-storage');
  return {
    subscriptions: [],
    secrets: new FakeSecretStorage(),
    workspaceState: new FakeMemento(),
    globalState: new FakeMemento(),
    extensionMode: opts.extensionMode ?? ExtensionMode.Production,
    extension: {
      id: `${opts.packageJSON.publisher}.${opts.packageJSON.name}`,
      packageJSON: opts.packageJSON,
      extensionUri,
      extensionPath: opts.extensionPath,
      isActive: true,
      exports: undefined,
      extensionKind: 2,
    },
    extensionUri,
    extensionPath: opts.extensionPath,
    storageUri: Uri.file(posix.join(storage, 'workspace')),
    globalStorageUri: Uri.file(posix.join(storage, 'global')),
    logUri: Uri.file(posix.join(storage, 'log')),
    asAbsolutePath: (relative: string) => posix.join(opts.extensionPath, relative),
  };
}

// ---- the module object -----------------------------------------------------------------------

/** What `require('vscode')` returns: static classes and enums, namespaces of the current window. */
export function createVscodeModule(current: () => FakeVscode): Record<string, unknown> {
  const mod: Record<string, unknown> = {
    Disposable,
    EventEmitter,
    CancellationTokenSource,
    CancellationError,
    Uri,
    TreeItem,
    TreeItemCollapsibleState,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    FileSystemError,
    ProgressLocation,
    ConfigurationTarget,
    ExtensionMode,
    LogLevel,
    StatusBarAlignment,
    QuickPickItemKind,
    InputBoxValidationSeverity,
    FileType,
    ViewColumn,
    UIKind,
  };
  // Getters: a module that did `import * as vscode` once still reaches the current window.
  for (const ns of ['window', 'commands', 'workspace', 'env', 'extensions', 'l10n', 'version'] as const) {
    Object.defineProperty(mod, ns, { enumerable: true, get: () => current()[ns] });
  }
  return mod;
}
