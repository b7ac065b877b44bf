/** The "GitLab Packages" log: requests (method, path, status, duration) and command failures. */
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../gitlab/types';

export class Log implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor(name = 'GitLab Packages') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Paths and statuses only: headers (and so tokens) are never passed in. */
  request(e: RequestLogEntry): void {
    const line = `${e.method} ${e.path} → ${e.status ?? '-'} in ${e.durationMs} ms${e.attempt ? ` (retry ${e.attempt})` : ''}${e.error ? `: ${e.error}` : ''}`;
    // One line per request: at debug, so a big listing does not flood the default (info) level.
    if (e.error) this.channel.warn(line);
    else this.channel.debug(line);
  }

  /** Below the default (info) level: shown only when the user or a bench turns debug on. */
  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
