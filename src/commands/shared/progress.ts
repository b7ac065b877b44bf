/**
 * Work under a progress notification with a working Cancel: the button aborts the requests
 * (only notification progress has one — window-bar progress cannot be cancelled), and the
 * listener is removed when the work ends.
 */
import * as vscode from 'vscode';

export interface ProgressStep {
  report(value: { message?: string; increment?: number }): void;
}

export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, progress: ProgressStep) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, cancel) => {
      const controller = new AbortController();
      const listener = cancel.onCancellationRequested(() => controller.abort());
      try {
        return await task(controller.signal, progress);
      } finally {
        listener.dispose();
      }
    }),
  );
}

/** Work that counts settled items ("3/12"), under a Cancel that aborts `signal`: the deletes' progress. */
export function withCountedProgress<R>(title: string, run: (onSettled: (done: number, total: number) => void, signal: AbortSignal) => Promise<R>): Promise<R> {
  return withCancellableProgress(title, (signal, progress) =>
    run((done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }), signal),
  );
}
