/** A log output channel: every line lands in the user's record (`user.log`). */
import { LogLevel } from './enums';
import { EventEmitter } from './events';
import type { LogLine, User } from './user';

export class FakeOutputChannel {
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
