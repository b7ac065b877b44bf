/** Tree items, icons, Markdown strings and file system errors: plain value classes. */
import type * as vscode from 'vscode';
import { TreeItemCollapsibleState } from './enums';
import { Uri } from './uri';

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
