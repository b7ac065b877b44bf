/** Events, disposables and cancellation, with VS Code's rules (a throwing listener is logged, not thrown). */
import type * as vscode from 'vscode';

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
