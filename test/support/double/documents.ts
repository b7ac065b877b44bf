/** Text documents: what the extension opens and shows. */
import * as posix from 'node:path/posix';
import type { Uri } from './uri';

const LANGUAGES: Record<string, string> = { '.md': 'markdown', '.json': 'json', '.txt': 'plaintext', '.ts': 'typescript', '.xml': 'xml' };

export class FakeTextDocument {
  version = 1;
  isDirty = false;
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

  /** The user types: the text changes, unsaved (dirty), and the version goes up as VS Code counts it. */
  edit(text: string): void {
    this.text = text;
    this.version++;
    this.isDirty = true;
  }
}
