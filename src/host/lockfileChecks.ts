/**
 * The workspace's lockfiles and their latest verdicts, kept for the diagnostics, the hover, the
 * status bar and the report: verified when the workspace opens (if trusted and the setting is on),
 * again when a lockfile is saved, edited (its unsaved text, so lines stay right), created or
 * deleted, and when the registry is refreshed or a token or setting changes. Registry answers are
 * cached per package version, so saving a lockfile again asks GitLab nothing new.
 */
import * as vscode from 'vscode';
import type { Config } from '../core/config';
import type { LockfileEngine, LockfileEngineLoader } from '../core/lockfiles/engine';
import { LOCKFILE_GLOB, lockfileFormat } from '../core/lockfiles/lockfileFormat';
import type { LockfileResult } from '../core/lockfiles/lockfileReport';
import type { CacheScope, LookupCache } from '../core/lockfiles/lookupCache';
import type { RegistryAnswer } from '../core/lockfiles/verdict';
import type { VersionClient } from '../core/lockfiles/versionLookup';
import type { DownloadVerdicts } from '../core/lockfiles/downloadVerdicts';
import { DIGEST_LABEL } from '../core/lockfiles/digest';
import { VERDICT_RANK, type VerdictKind } from '../core/lockfiles/verdict';
import type { CheckedVerdict } from '../core/lockfiles/verifyEntries';
import type { Text } from '../util/text';
import { findLockfiles, isInstalledPackage, lockfileLabel, readLockfile } from './workspaceLockfiles';

/** One lockfile as last verified. */
export interface LockfileCheck {
  uri: vscode.Uri;
  /** The open document's version the text was read at (undefined: read from the file). */
  version?: number;
  result: LockfileResult;
  /** Per entry, where its text is on its line (0-based columns), for diagnostics and hovers. */
  spans: { start: number; end: number }[];
  /** Per entry, why it is not a plain match, worded (empty for a match or another registry's entry). */
  reasons: string[][];
}

export interface LockfileChecksDeps {
  engine: LockfileEngineLoader;
  /** What Verify by Downloading found: it settles "unverifiable" entries as matched or changed. */
  downloads: DownloadVerdicts;
  config(): Config;
  /** The configured instances, whose entries are looked up (handed in: config.ts stays out of the lockfile bundle). */
  instanceUrls(): string[];
  clientFor(instanceUrl: string): VersionClient;
  /** Registry answers per package version; shared with the commands, emptied by Refresh. */
  cache: { current?: LookupCache<RegistryAnswer> };
  /** Words a Text (the user's language). */
  say(t: Text): string;
  /**
   * What to tell a person about a failure: handed in, not imported, because in the web worker
   * this runs in the lockfile bundle, and the errors' classes are the main bundle's.
   */
  errorText(e: unknown): Text;
  /** For what fails in a background run (no toast: it was nobody's command). */
  log(line: string): void;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Lockfile edits come in bursts (typing, `npm install` writing): verify once they settle. */
const SETTLE_MS = 600;

export class LockfileChecks implements vscode.Disposable {
  private readonly checks = new Map<string, LockfileCheck>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly busyChanged = new vscode.EventEmitter<boolean>();
  readonly onDidChangeBusy = this.busyChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Lockfiles waiting to be verified again (uri strings), or every lockfile. */
  private pending: Set<string> | 'all' | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private background: AbortController | undefined;
  private running = 0;
  /** Each lockfile's newest verification started: an older one finishing later does not overwrite it. */
  private readonly started = new Map<string, number>();
  private runs = 0;
  private readonly idleWaiters: (() => void)[] = [];
  /** Whether checks ran by themselves before the last settings change. */
  private automatic: boolean;

  constructor(private readonly deps: LockfileChecksDeps) {
    this.automatic = deps.config().lockfiles.verifyAutomatically;
    this.disposables.push(deps.downloads.onDidChange(() => this.changed.fire()));
  }

  /**
   * An entry's verdict as shown (diagnostics, hover, status bar): an "unverifiable" one settled by
   * Verify by Downloading counts as its download found — changed, weak (SHA-1/MD5 only) or match.
   */
  shown(check: LockfileCheck, i: number): { kind: CheckedVerdict['kind']; reasons: string[] } {
    const verdict = check.result.verdicts[i];
    const route = check.result.routes[i];
    const base = { kind: verdict.kind, reasons: check.reasons[i] };
    if (verdict.kind !== 'unverifiable' || !('files' in verdict) || route?.kind !== 'gitlab') return base;
    const instanceUrl = route.targets[0].instanceUrl;
    let kind: VerdictKind = 'match';
    const reasons: string[] = [];
    // The engine's reasons: one per file that is not a match, in file order.
    let reasonAt = 0;
    for (const f of verdict.files) {
      const own = f.kind === 'match' ? undefined : check.reasons[i][reasonAt++];
      let fileKind: VerdictKind = f.kind;
      if (f.kind === 'unverifiable' && f.served) {
        const found = this.deps.downloads.get(instanceUrl, f.served.id, f.expected);
        if (found?.kind === 'changed') {
          fileKind = 'changed';
          reasons.push(vscode.l10n.t('changed: the downloaded {0} has another {1} than the lockfile', f.served.fileName, DIGEST_LABEL[found.algorithm]));
        } else if (found) {
          fileKind = found.algorithms.every((a) => a === 'sha1' || a === 'md5') ? 'weak' : 'match';
          if (fileKind === 'weak') reasons.push(vscode.l10n.t('weak: the download matches, but only by {0}', DIGEST_LABEL[found.algorithms[0]]));
        } else if (own) reasons.push(own);
      } else if (own) reasons.push(own);
      if (VERDICT_RANK[fileKind] > VERDICT_RANK[kind]) kind = fileKind;
    }
    return { kind, reasons };
  }

  get all(): readonly LockfileCheck[] {
    return [...this.checks.values()].sort((a, b) => (a.result.label < b.result.label ? -1 : a.result.label > b.result.label ? 1 : 0));
  }

  get busy(): boolean {
    return this.running > 0;
  }

  at(uri: vscode.Uri): LockfileCheck | undefined {
    return this.checks.get(uri.toString());
  }

  /** Watches the workspace's lockfiles and verifies them once, when automatic checks are on. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(LOCKFILE_GLOB);
    const changedFile = (uri: vscode.Uri) => !isInstalledPackage(uri) && this.schedule([uri]);
    this.disposables.push(
      watcher,
      watcher.onDidChange(changedFile),
      watcher.onDidCreate(changedFile),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && isLockfile(e.document.uri)) this.schedule([e.document.uri]);
      }),
      // Closing an edited lockfile without saving: its text on disk counts again.
      vscode.workspace.onDidCloseTextDocument((doc) => doc.isDirty && isLockfile(doc.uri) && this.schedule([doc.uri])),
      // A folder deleted or renamed takes its lockfiles along; the watcher may name only the folder.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => {
        e.files.forEach(({ oldUri }) => this.forget(oldUri));
        this.schedule('all');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((folder) => this.forget(folder.uri));
        this.schedule('all');
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule('all')),
    );
    this.schedule('all');
  }

  /**
   * The registry was refreshed (all of it, one instance, or some of its projects and groups) or a
   * token changed: those answers are asked again, the others stay.
   */
  registryChanged(scope?: CacheScope): void {
    this.deps.cache.current?.clear(scope);
    this.schedule('all');
  }

  /** Settings changed: which instances count, and whether checks run by themselves. */
  settingsChanged(): void {
    const automatic = this.deps.config().lockfiles.verifyAutomatically;
    const turnedOff = this.automatic && !automatic;
    this.automatic = automatic;
    if (turnedOff) {
      this.background?.abort();
      this.pending = undefined;
      this.clear();
    } else if (automatic) this.schedule('all');
    // Checks the command made stay; how they show may have changed (weak diagnostics).
    else this.changed.fire();
  }

  /** Verifies every lockfile in the workspace now (the Verify command): the checks are replaced. */
  /** `uris`: the workspace's lockfiles when the caller has just found them. */
  async verifyAll(opts: RunOptions = {}, uris?: readonly vscode.Uri[]): Promise<LockfileCheck[]> {
    uris ??= await findLockfiles();
    const checks = await this.verify(uris, opts);
    const found = new Set(uris.map((u) => u.toString()));
    for (const key of this.checks.keys()) if (!found.has(key)) this.checks.delete(key);
    this.changed.fire();
    return checks;
  }

  /** The engine (loaded on first use), for the report's words. */
  engine(): Promise<LockfileEngine> {
    return this.deps.engine();
  }

  private schedule(what: readonly vscode.Uri[] | 'all'): void {
    if (!vscode.workspace.isTrusted || !this.deps.config().lockfiles.verifyAutomatically) return;
    if (what === 'all') this.pending = 'all';
    else if (this.pending !== 'all') {
      const pending: Set<string> = this.pending ?? new Set();
      for (const uri of what) pending.add(uri.toString());
      this.pending = pending;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runPending().finally(() => this.settled()), SETTLE_MS);
  }

  private async runPending(): Promise<void> {
    this.timer = undefined;
    // One background run at a time; what changes meanwhile waits for it (aborting it would drop
    // the files it was checking). Its lookups are shared, so the next run asks only what is new.
    if (this.background || !this.pending) return;
    const pending = this.pending;
    this.pending = undefined;
    const controller = (this.background = new AbortController());
    try {
      if (pending === 'all') await this.verifyAll({ signal: controller.signal });
      else {
        await this.verify(
          [...pending].map((s) => vscode.Uri.parse(s)),
          { signal: controller.signal },
        );
        this.changed.fire();
      }
    } catch (e) {
      if (!controller.signal.aborted) this.deps.log(`Lockfile checks failed: ${this.deps.say(this.deps.errorText(e))}`);
    } finally {
      this.background = undefined;
      if (this.pending && !this.timer && !controller.signal.aborted) void this.runPending();
      this.settled();
    }
  }

  /** Resolves once no check is scheduled or running (tests wait on it instead of a clock). */
  idle(): Promise<void> {
    if (!this.timer && !this.background && !this.pending && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settled(): void {
    if (this.timer || this.background || this.pending || this.running) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async verify(uris: readonly vscode.Uri[], opts: RunOptions): Promise<LockfileCheck[]> {
    if (!uris.length) return [];
    const run = ++this.runs;
    for (const uri of uris) this.started.set(uri.toString(), run);
    this.setRunning(+1);
    try {
      const engine = await this.deps.engine();
      const config = this.deps.config();
      const read = await Promise.all(uris.map((uri) => readCurrent(uri).then((current) => ({ uri, ...current }))));
      const files = read.filter((f): f is { uri: vscode.Uri; text: string; version: number | undefined } => f.text !== undefined);
      const byKey = new Map(files.map((f) => [f.uri.toString(), f]));
      const results = await engine.verifyLockfiles(
        files.map((f) => ({ label: lockfileLabel(f.uri), key: f.uri.toString(), path: f.uri.path, text: f.text })),
        {
          instanceUrls: this.deps.instanceUrls(),
          clientFor: (url) => this.deps.clientFor(url),
          cache: (this.deps.cache.current ??= new engine.LookupCache()),
          concurrency: config.concurrency,
          signal: opts.signal,
          onProgress: opts.onProgress,
        },
      );
      const checks: LockfileCheck[] = [];
      for (const result of results) {
        const file = result.key === undefined ? undefined : byKey.get(result.key);
        if (!file) continue;
        const check: LockfileCheck = {
          uri: file.uri,
          version: file.version,
          result,
          spans: spansOf(file.text, result),
          reasons: result.verdicts.map((v) => engine.entryReasons(v, (e) => this.deps.errorText(e)).map((t) => this.deps.say(t))),
        };
        checks.push(check);
        if (this.started.get(file.uri.toString()) === run) this.checks.set(file.uri.toString(), check);
      }
      return checks;
    } finally {
      this.setRunning(-1);
    }
  }

  /** A lockfile (or a folder holding lockfiles) is gone: its checks go, and a run reading it now stores nothing. */
  private forget(uri: vscode.Uri): void {
    const gone = uri.toString();
    const under = (key: string): boolean => key === gone || key.startsWith(`${gone}/`);
    for (const key of [...this.started.keys()]) if (under(key)) this.started.set(key, ++this.runs);
    let dropped = false;
    for (const key of [...this.checks.keys()]) if (under(key)) dropped = this.checks.delete(key) || dropped;
    if (dropped) this.changed.fire();
  }

  private clear(): void {
    if (!this.checks.size) return;
    this.checks.clear();
    this.changed.fire();
  }

  private setRunning(delta: number): void {
    const was = this.running > 0;
    this.running += delta;
    if (was !== this.running > 0) this.busyChanged.fire(this.running > 0);
    this.settled();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.background?.abort();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.busyChanged.dispose();
  }
}

function isLockfile(uri: vscode.Uri): boolean {
  return uri.scheme !== 'git' && lockfileFormat(uri.path) !== undefined && !isInstalledPackage(uri);
}

/** The text as the user sees it: an open document's (saved or not), else the file's; none once it is gone. */
async function readCurrent(uri: vscode.Uri): Promise<{ text?: string; version?: number }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), version: open.version };
  try {
    return { text: (await readLockfile(uri)).text };
  } catch {
    return {};
  }
}

/**
 * The check of this document if its lines are still the ones checked: after an edit not yet
 * verified again, a hover or quick fix would describe another entry.
 */
export function currentCheck(checks: LockfileChecks, document: vscode.TextDocument): LockfileCheck | undefined {
  const check = checks.at(document.uri);
  if (!check) return undefined;
  const same = check.version === undefined ? !document.isDirty : check.version === document.version;
  return same ? check : undefined;
}

/** Each entry's line from its first to its last non-blank character. */
function spansOf(text: string, result: LockfileResult): { start: number; end: number }[] {
  const wanted = new Set(result.parsed.entries.map((e) => e.line));
  const spans = new Map<number, { start: number; end: number }>();
  let line = 1;
  let at = 0;
  while (at <= text.length && spans.size < wanted.size) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (wanted.has(line)) {
      const content = text.slice(at, end).replace(/\r$/, '');
      const start = content.length - content.trimStart().length;
      spans.set(line, { start, end: Math.max(start + 1, content.trimEnd().length) });
    }
    if (nl < 0) break;
    at = nl + 1;
    line++;
  }
  return result.parsed.entries.map((e) => spans.get(e.line) ?? { start: 0, end: 1 });
}

/** The entry whose text holds a (0-based) line: the last entry starting at or before it. */
export function entryAt(check: LockfileCheck, line: number): number | undefined {
  let best: number | undefined;
  check.result.parsed.entries.forEach((e, i) => {
    if (e.line - 1 <= line && (best === undefined || e.line > check.result.parsed.entries[best].line)) best = i;
  });
  return best;
}
