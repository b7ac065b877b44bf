/**
 * `vscode.languages` and the editor value classes it uses: diagnostic collections (what the
 * Problems view would list), hover and code action providers (the test asks them as the editor
 * would, for a document and position), ranges and positions.
 */
import type * as vscode from 'vscode';
import { Disposable } from './events';
import type { Uri } from './uri';
import { globRegExp } from './workspace';

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number = DiagnosticSeverity.Error,
  ) {}
}

export class Hover {
  readonly contents: unknown[];
  constructor(
    contents: unknown,
    readonly range?: Range,
  ) {
    this.contents = Array.isArray(contents) ? contents : [contents];
  }
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  constructor(readonly value: string) {}
}

export class CodeAction {
  command?: vscode.Command;
  diagnostics?: Diagnostic[];
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class FakeDiagnosticCollection {
  readonly entries = new Map<string, Diagnostic[]>();
  disposed = false;
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[] | undefined): void {
    if (diagnostics?.length) this.entries.set(uri.toString(), [...diagnostics]);
    else this.entries.delete(uri.toString());
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  get(uri: Uri): Diagnostic[] {
    return this.entries.get(uri.toString()) ?? [];
  }
  dispose(): void {
    this.disposed = true;
    this.entries.clear();
  }
}

interface Registered<P> {
  pattern: RegExp;
  provider: P;
}

/** What the window's language features hold. */
export class LanguageState {
  readonly collections: FakeDiagnosticCollection[] = [];
  readonly hovers: Registered<vscode.HoverProvider>[] = [];
  readonly codeActions: Registered<vscode.CodeActionProvider>[] = [];

  /** Every live collection's diagnostics for a document, as the Problems view shows them. */
  diagnostics(uri: Uri): Diagnostic[] {
    return this.collections.filter((c) => !c.disposed).flatMap((c) => c.get(uri));
  }
}

export function createLanguages(s: LanguageState) {
  const register =
    <P>(list: Registered<P>[]) =>
    (selector: vscode.DocumentSelector, provider: P): Disposable => {
      const pattern = (selector as { pattern?: string }).pattern;
      if (typeof pattern !== 'string') throw new Error('the double takes { pattern } document selectors only');
      const entry = { pattern: globRegExp(pattern), provider };
      list.push(entry);
      return new Disposable(() => list.splice(list.indexOf(entry), 1));
    };
  return {
    createDiagnosticCollection: (name = '') => {
      const c = new FakeDiagnosticCollection(name);
      s.collections.push(c);
      return c;
    },
    registerHoverProvider: register(s.hovers),
    registerCodeActionsProvider: register(s.codeActions),
  };
}

/** Whether a registered `{ pattern }` selector applies to a document at this absolute path. */
export function selects(pattern: RegExp, path: string): boolean {
  return pattern.test(path.replace(/^\//, ''));
}
