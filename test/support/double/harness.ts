/**
 * Runs the real extension (`activate` from src/main.ts, the Node entry) against the `vscode` double and a
 * fake GitLab, and gives tests what a person has: the tree (through the provider handed to
 * createTreeView), commands by id, settings, SecretStorage and the window's messages.
 * Nothing below src/ is imported but main.ts, so the tests survive restructuring.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';
import { FakeGitLab } from '../../fake-gitlab/server';
import {
  createExtensionContext,
  createVscodeModule,
  ExtensionMode,
  FakeVscode,
  listenerErrors,
  Uri,
  type FakeExtensionContext,
  type FakeTextDocument,
  type FakeTreeView,
  type User,
} from './vscode';
import { waitFor } from '../wait';

export { stillPending, waitFor } from '../wait';

const ROOT = path.join(__dirname, '..', '..', '..');
export const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
};
export const VIEW_ID = 'gitlabPackages.packages';
const SECTION = 'gitlabPackages';
const TOKEN_KEY = 'gitlabPackages.token:';

type ExtensionModule = typeof import('../../../src/main');
type TestApi = NonNullable<ReturnType<ExtensionModule['activate']>>;

const SRC = path.join(ROOT, 'src') + path.sep;
let vscodeForNextLoad: Record<string, unknown> | undefined;

/**
 * Loads src/ afresh for one window: `require('vscode')` returns that window's module (Node has
 * no such module; the extension host injects it the same way). Fresh modules mean late work of
 * a finished test (a retry timer, a pending toast) can only reach its own, finished window.
 */
function loadExtension(w: FakeVscode, entry: 'main' | 'browser'): ExtensionModule {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown; __vscodeDouble?: boolean };
  if (!loader.__vscodeDouble) {
    const original = loader._load;
    loader._load = (request, parent, isMain) => {
      if (request !== 'vscode') return original(request, parent, isMain);
      if (!vscodeForNextLoad) throw new Error("require('vscode') outside a test window");
      return vscodeForNextLoad;
    };
    loader.__vscodeDouble = true;
  }
  for (const file of Object.keys(require.cache)) if (file.startsWith(SRC)) delete require.cache[file];
  vscodeForNextLoad = createVscodeModule(() => w);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the hook, through tsx like every test file
  return (entry === 'browser' ? require('../../../src/browser') : require('../../../src/main')) as ExtensionModule;
}

export type Node = object;

export interface Row {
  node: Node;
  item: vscode.TreeItem;
  label: string;
  description?: string;
}

/** A row matcher: the exact label, or label and description start. */
export type RowMatch = string | { label: string; description?: string | RegExp };

export interface HarnessOptions {
  /** A fake to use; else one is started (seeded with the sample registry) and stopped afterwards. */
  fake?: FakeGitLab;
  /** User settings below `gitlabPackages.` (instanceUrl defaults to the fake's URL). */
  settings?: Record<string, unknown>;
  workspaceSettings?: Record<string, unknown>;
  workspaceFolders?: string[];
  /** Workspace trust (default trusted): untrusted applies the manifest's restricted settings. */
  isTrusted?: boolean;
  /** A token for the fake's instance in SecretStorage before activation. */
  token?: string;
  /** More of SecretStorage before activation: origin (or a URL on it) → token. */
  tokens?: Record<string, string>;
  /** process.env while activating (restored by dispose). */
  env?: Record<string, string>;
  extensionMode?: number;
  /** Called with the harness's own fake before activation (extra projects, packages, faults). */
  prepareFake?: (fake: FakeGitLab) => void;
  /** Called with the window before activation (e.g. to provide a git API). */
  beforeActivate?: (w: FakeVscode) => void;
  /** The entry to activate: `main` (Node, the default) or `browser` (the web worker's, on Node's global fetch here). */
  entry?: 'main' | 'browser';
  /** The extension's folder (`context.extensionUri`): the repository unless a test ships files of its own (a built bundle). */
  extensionPath?: string;
}

export class Harness {
  private readonly ownFake: boolean;
  private readonly savedEnv: Record<string, string | undefined> = {};
  private readonly listenerErrorsBefore = listenerErrors.length;
  private disposed = false;
  /** What activate() returns in ExtensionMode.Test (the tree's model, the rules loader). */
  private api: TestApi | undefined;

  private constructor(
    readonly vscode: FakeVscode,
    readonly context: FakeExtensionContext,
    readonly fake: FakeGitLab,
    ownFake: boolean,
  ) {
    this.ownFake = ownFake;
  }

  static async start(opts: HarnessOptions = {}): Promise<Harness> {
    const fake = opts.fake ?? (await startFake());
    if (!opts.fake) opts.prepareFake?.(fake);
    const w = new FakeVscode({ manifest: MANIFEST, workspaceFolders: opts.workspaceFolders, isTrusted: opts.isTrusted });
    const ext = loadExtension(w, opts.entry ?? 'main');
    const context = createExtensionContext({
      packageJSON: MANIFEST,
      extensionPath: opts.extensionPath ?? ROOT,
      extensionMode: opts.extensionMode ?? ExtensionMode.Production,
    });
    const h = new Harness(w, context, fake, !opts.fake);
    // Never the real gitlab.com: this machine has no internet, and a hanging lookup would outlive the test.
    for (const [k, v] of Object.entries({ instanceUrl: fake.url, ...opts.settings })) await w.settings.write(`${SECTION}.${k}`, v, 'global');
    for (const [k, v] of Object.entries(opts.workspaceSettings ?? {})) await w.settings.write(`${SECTION}.${k}`, v, 'workspace');
    if (opts.token) context.secrets.values.set(TOKEN_KEY + new URL(fake.url).origin, opts.token);
    for (const [origin, token] of Object.entries(opts.tokens ?? {})) context.secrets.values.set(TOKEN_KEY + new URL(origin).origin, token);
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      h.savedEnv[k] = process.env[k];
      process.env[k] = v;
    }
    opts.beforeActivate?.(w);
    h.api = ext.activate(context as unknown as vscode.ExtensionContext);
    return h;
  }

  get ui(): User {
    return this.vscode.user;
  }

  /** What activate() returned (start with extensionMode: ExtensionMode.Test). */
  get testApi(): TestApi {
    if (!this.api) throw new Error('no test API: start with extensionMode: ExtensionMode.Test');
    return this.api;
  }

  get view(): FakeTreeView<Node> {
    return this.vscode.treeView<Node>(VIEW_ID);
  }

  get provider(): vscode.TreeDataProvider<Node> {
    return this.view.provider;
  }

  // ---- the tree ----

  /** Resolves once the tree's loads have landed: lists, background pages, protection rules and the administrator checks they ask (ExtensionMode.Test only). */
  async settle(): Promise<void> {
    if (!this.api) throw new Error('settle() needs the test API: start with extensionMode: ExtensionMode.Test');
    await this.api.model.whenSettled();
    await this.api.protection.whenSettled();
  }

  async children(node?: Node): Promise<Node[]> {
    return (await this.provider.getChildren(node)) ?? [];
  }

  async item(node: Node): Promise<vscode.TreeItem> {
    return await this.provider.getTreeItem(node);
  }

  /** The rows of `node` once its background pages are in (no "Loading N of M…" row left). */
  async settledRows(node: Node, timeoutMs = 10_000): Promise<Row[]> {
    await waitFor(async () => !(await this.children(node)).some((n) => (n as { id?: string }).id?.endsWith('/loading')), 'the background pages', timeoutMs);
    return this.rows(node);
  }

  async rows(node?: Node): Promise<Row[]> {
    const out: Row[] = [];
    for (const n of await this.children(node)) {
      const item = await this.item(n);
      out.push({ node: n, item, label: labelOf(item), description: typeof item.description === 'string' ? item.description : undefined });
    }
    return out;
  }

  /** Walks down from the root by labels; fails naming the rows that were there. */
  async find(...pathToRow: RowMatch[]): Promise<Row> {
    let parent: Node | undefined;
    let found: Row | undefined;
    for (const match of pathToRow) {
      const rows = await this.rows(parent);
      found = rows.find((r) => rowMatches(r, match));
      if (!found)
        throw new Error(
          `no row ${JSON.stringify(match)} under ${parent ? JSON.stringify(labelOf(await this.item(parent))) : 'the root'}; rows: ${rows.map((r) => `${r.label} [${r.description ?? ''}]`).join(' | ')}`,
        );
      parent = found.node;
    }
    if (!found) throw new Error('find() needs a path');
    return found;
  }

  /** A package row of a project: name and version. */
  async pkg(project: string, name: string, version: string): Promise<Row> {
    return this.find(project, { label: name, description: version + ' ·' });
  }

  /** Clicks a row: runs the command its TreeItem carries, with its arguments (as VS Code does). */
  click(row: Row): Promise<unknown> {
    const c = row.item.command;
    if (!c) throw new Error(`row ${row.label} has no click command`);
    return this.run(c.command, ...((c.arguments ?? []) as unknown[]));
  }

  /** What was put in front of the user to read: shown documents, and the documents behind Markdown previews. */
  async documentsRead(): Promise<FakeTextDocument[]> {
    const previewed = this.vscode.executed.filter((e) => e.id.startsWith('markdown.showPreview')).map((e) => e.args[0]);
    const behindPreviews = await Promise.all(previewed.filter((u): u is Uri => u instanceof Uri).map((u) => this.vscode.workspace.openTextDocument(u)));
    return [...this.ui.documentsShown.map((d) => d.document), ...behindPreviews];
  }

  // ---- commands and settings ----

  /** Runs a command as a menu or key press would; the promise is the command's own. */
  run(id: string, ...args: unknown[]): Promise<unknown> {
    return this.vscode.commands.executeCommand(id, ...args);
  }

  setting(key: string): unknown {
    return this.vscode.workspace.getConfiguration(SECTION).get(key);
  }

  inspect(key: string): ReturnType<vscode.WorkspaceConfiguration['inspect']> {
    return this.vscode.workspace.getConfiguration(SECTION).inspect(key);
  }

  /** Writes a setting as the user would in the Settings editor (the change event fires). */
  async setSetting(key: string, value: unknown, layer: 'global' | 'workspace' | 'workspaceFolder' = 'global'): Promise<void> {
    await this.vscode.settings.write(`${SECTION}.${key}`, value, layer);
  }

  storedToken(originOrUrl: string): string | undefined {
    return this.context.secrets.values.get(TOKEN_KEY + new URL(originOrUrl).origin);
  }

  /** Requests the fake saw on `path` (a string matches exactly, a RegExp anywhere). */
  requests(method: string, pathMatch: string | RegExp, fake = this.fake): FakeGitLab['requests'] {
    return fake.requests.filter((r) => r.method === method && (typeof pathMatch === 'string' ? r.path === pathMatch : pathMatch.test(r.path)));
  }

  /** Disposes what activate() registered, restores the environment, stops the fake it started. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.context.subscriptions.splice(0)) {
      try {
        d.dispose();
      } catch (e) {
        listenerErrors.push(e);
      }
    }
    for (const [k, v] of Object.entries(this.savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (this.ownFake) await this.fake.stop();
    // VS Code only logs a throwing listener; say so here too rather than hide it.
    for (const e of listenerErrors.slice(this.listenerErrorsBefore)) console.warn('an event listener threw:', e);
  }
}

function labelOf(item: vscode.TreeItem): string {
  if (typeof item.label === 'string') return item.label;
  if (item.label) return item.label.label;
  return item.resourceUri ? path.posix.basename(item.resourceUri.path) : '';
}

function rowMatches(row: Row, match: RowMatch): boolean {
  if (typeof match === 'string') return row.label === match;
  if (row.label !== match.label) return false;
  if (match.description === undefined) return true;
  const d = row.description ?? '';
  return typeof match.description === 'string' ? d.startsWith(match.description) : match.description.test(d);
}

/**
 * For a describe block: `start()` activates the extension for one test, and everything is
 * disposed after it (so no timer, server or listener outlives the test).
 */
export function harnessPerTest(): { start(opts?: HarnessOptions): Promise<Harness>; readonly h: Harness } {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });
  return {
    start: async (opts?: HarnessOptions) => (h = await Harness.start(opts)),
    get h(): Harness {
      if (!h) throw new Error('no harness started in this test');
      return h;
    },
  };
}

/** A fake GitLab with the sample registry (seeded here: its own dynamic import of seed.ts needs an ESM loader). */
export async function startFake(opts: Parameters<typeof FakeGitLab.start>[0] = {}): Promise<FakeGitLab> {
  const fake = await FakeGitLab.start({ ...opts, seed: 'none' });
  seedSample(fake);
  return fake;
}

export { SAMPLE };

/** The command ids package.json contributes. */
export function contributedCommands(): string[] {
  return MANIFEST.contributes.commands.map((c) => c.command);
}
