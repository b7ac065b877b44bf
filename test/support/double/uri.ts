/** `vscode.Uri`: parsed, printed and encoded as VS Code does. */
import * as posix from 'node:path/posix';

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
