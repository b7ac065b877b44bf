import type * as vscode from 'vscode';
import { EventEmitter } from './events';

/** A label without leading codicons, as a person reads it. */
export function plainLabel(label: string): string {
  return label.replace(/\$\([\w-]+(~[\w-]+)?\)\s*/g, '').trim();
}

export function labelOf(item: vscode.QuickPickItem | string): string {
  return typeof item === 'string' ? item : item.label;
}

export function matchesAnswer(item: vscode.QuickPickItem | string, answer: string | ((item: vscode.QuickPickItem | string) => boolean)): boolean {
  if (typeof answer === 'function') return answer(item);
  return labelOf(item) === answer || plainLabel(labelOf(item)) === answer;
}

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
