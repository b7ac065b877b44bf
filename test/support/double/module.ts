/** What `require('vscode')` returns: static classes and enums, namespaces of the current window. */
import { CancellationError, CancellationTokenSource, Disposable, EventEmitter } from './events';
import {
  ConfigurationTarget,
  ExtensionMode,
  FileType,
  InputBoxValidationSeverity,
  LogLevel,
  ProgressLocation,
  QuickPickItemKind,
  StatusBarAlignment,
  TreeItemCollapsibleState,
  UIKind,
  ViewColumn,
} from './enums';
import type { FakeVscode } from './fakeVscode';
import { FileSystemError, MarkdownString, ThemeColor, ThemeIcon, TreeItem } from './items';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Hover, Position, Range } from './languages';
import { Uri } from './uri';

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
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity,
    Hover,
    CodeAction,
    CodeActionKind,
  };
  // Getters: a module that did `import * as vscode` once still reaches the current window.
  for (const ns of ['window', 'commands', 'workspace', 'env', 'extensions', 'l10n', 'version'] as const) {
    Object.defineProperty(mod, ns, { enumerable: true, get: () => current()[ns] });
  }
  Object.defineProperty(mod, 'languages', { enumerable: true, get: () => current().languagesApi });
  return mod;
}
