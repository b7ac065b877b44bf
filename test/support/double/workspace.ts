/** `vscode.workspace`: configuration, folders, trust, text documents and their content providers, `fs` and `findFiles` on disk. */
import { promises as fsp } from 'node:fs';
import type * as vscode from 'vscode';
import { FakeTextDocument } from './documents';
import { FileType } from './enums';
import { CancellationTokenSource, Disposable, EventEmitter } from './events';
import { FileSystemError } from './items';
import type { WindowState } from './state';
import { Uri } from './uri';

export function createWorkspace(s: WindowState) {
  return {
    getConfiguration: (section?: string, scope?: unknown) => s.settings.configuration(section, scope),
    onDidChangeConfiguration: s.settings.onDidChange,
    get workspaceFolders() {
      return s.folders;
    },
    get name() {
      return s.folders?.[0]?.name;
    },
    onDidChangeWorkspaceFolders: s.foldersEmitter.event,
    getWorkspaceFolder: (uri: Uri) => s.folders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(f.uri.path + '/')),
    /** The workspace folders' files (on disk) whose folder-relative path matches `include` and not `exclude`, by path. */
    findFiles: async (include: string, exclude?: string | null, maxResults?: number): Promise<Uri[]> => {
      const matches = globRegExp(include);
      const excluded = exclude ? globRegExp(exclude) : undefined;
      const found: Uri[] = [];
      for (const folder of s.folders ?? []) {
        for (const rel of await filesUnder(folder.uri.fsPath)) {
          if (matches.test(rel) && !excluded?.test(rel)) found.push(Uri.joinPath(folder.uri, rel));
        }
      }
      return found.sort((a, b) => (a.path < b.path ? -1 : 1)).slice(0, maxResults);
    },
    /** Relative to the containing workspace folder, prefixed with its name when asked (several folders). */
    asRelativePath: (uri: Uri | string, includeWorkspaceFolder?: boolean): string => {
      const u = typeof uri === 'string' ? Uri.file(uri) : uri;
      const folder = s.folders?.find((f) => u.path.startsWith(f.uri.path + '/'));
      if (!folder) return u.path;
      const rel = u.path.slice(folder.uri.path.length + 1);
      return includeWorkspaceFolder ? `${folder.name}/${rel}` : rel;
    },
    get isTrusted() {
      return s.trusted;
    },
    onDidGrantWorkspaceTrust: s.trustEmitter.event,
    registerTextDocumentContentProvider: (scheme: string, provider: vscode.TextDocumentContentProvider) => {
      if (s.contentProviders.has(scheme)) throw new Error(`a content provider for '${scheme}' is already registered`);
      s.contentProviders.set(scheme, provider);
      // An open document follows its provider's changes, as VS Code re-reads it.
      const sub = provider.onDidChange?.(async (uri) => {
        const doc = s.documents.get(uri.toString());
        if (doc) doc.setText((await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '');
      });
      return new Disposable(() => {
        sub?.dispose();
        s.contentProviders.delete(scheme);
      });
    },
    openTextDocument: async (arg?: Uri | string | { content?: string; language?: string }): Promise<FakeTextDocument> => {
      if (arg === undefined || (!(arg instanceof Uri) && typeof arg === 'object')) {
        const o = arg ?? {};
        return new FakeTextDocument(Uri.from({ scheme: 'untitled', path: `Untitled-${s.documents.size + 1}` }), o.content ?? '', o.language ?? 'plaintext');
      }
      const uri = typeof arg === 'string' ? Uri.file(arg) : arg;
      const open = s.documents.get(uri.toString());
      if (open) return open;
      let text: string;
      if (uri.scheme === 'file') {
        text = await fsp.readFile(uri.fsPath, 'utf8').catch(() => {
          throw FileSystemError.FileNotFound(uri);
        });
      } else {
        const provider = s.contentProviders.get(uri.scheme);
        if (!provider) throw new Error(`cannot open ${uri.toString()}. Detail: No file system provider found for resource '${uri.toString()}'`);
        text = (await provider.provideTextDocumentContent(uri, new CancellationTokenSource().token)) ?? '';
      }
      const doc = new FakeTextDocument(uri, text);
      s.documents.set(uri.toString(), doc);
      return doc;
    },
    get textDocuments() {
      return [...s.documents.values()];
    },
    onDidChangeTextDocument: s.documentChanges.event,
    onDidCloseTextDocument: s.documentCloses.event,
    onDidDeleteFiles: s.fileDeletes.event,
    onDidRenameFiles: s.fileRenames.event,
    createFileSystemWatcher: (glob: string) => {
      const emitters = { change: new EventEmitter<Uri>(), create: new EventEmitter<Uri>(), delete: new EventEmitter<Uri>() };
      const watcher = { pattern: globRegExp(glob), emitters };
      s.watchers.push(watcher);
      return {
        onDidChange: emitters.change.event,
        onDidCreate: emitters.create.event,
        onDidDelete: emitters.delete.event,
        dispose: () => s.watchers.splice(s.watchers.indexOf(watcher), 1),
      };
    },
    fs: {
      stat: async (uri: Uri) => {
        if (uri.scheme !== 'file') throw FileSystemError.FileNotFound(uri);
        const st = await fsp.stat(uri.fsPath).catch(() => {
          throw FileSystemError.FileNotFound(uri);
        });
        return { type: st.isDirectory() ? FileType.Directory : FileType.File, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
      },
      readFile: async (uri: Uri) => new Uint8Array(await fsp.readFile(uri.fsPath)),
      isWritableFileSystem: (scheme: string) => (scheme === 'file' ? true : undefined),
      writeFile: (uri: Uri, content: Uint8Array) => fsp.writeFile(uri.fsPath, content),
      createDirectory: async (uri: Uri) => {
        await fsp.mkdir(uri.fsPath, { recursive: true });
      },
      delete: (uri: Uri, options?: { recursive?: boolean }) => fsp.rm(uri.fsPath, { recursive: !!options?.recursive }),
    },
  };
}

/** Every file below `root`, as `/`-separated paths relative to it. */
async function filesUnder(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(rel ? `${root}/${rel}` : root, { withFileTypes: true }).catch(() => [])) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesUnder(root, path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

/** VS Code's glob subset the extension uses: `**`, `*`, `?` and `{a,b}` alternatives. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      re += '(?:/.*)?';
      i += 2;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
