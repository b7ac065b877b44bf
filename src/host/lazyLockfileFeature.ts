/**
 * The lockfile checks in the editor, loaded only when the workspace holds a lockfile: at
 * activation if one is found, later when one appears (created, or in an added workspace folder),
 * or when a command asks first. In the web worker the checks are in the lockfile bundle, read on
 * first use, so what stays in the main bundle is this: one search and a watcher. Once loaded, the
 * checks watch and verify by themselves; registry and setting changes before that have nothing
 * to update (no checks yet, no answers cached).
 */
import * as vscode from 'vscode';
import { LOCKFILE_GLOB } from '../core/lockfiles/lockfileFormat';
import type { CacheScope } from '../core/lockfiles/lookupCache';
import type { LockfileChecksDeps } from './lockfileChecks';
import type { LockfileFeature } from './lockfileFeature';
import type { LockfileModuleLoader } from './lockfileModule';
import { findLockfiles, isInstalledPackage } from './workspaceLockfiles';

export interface LazyLockfileFeatureDeps {
  /** The lockfile module (engine and editor feature): bundled in on Node, read on first use in the web worker. */
  load: LockfileModuleLoader;
  /** What the feature is built with, but the engine (which is the module). */
  feature: Omit<LockfileChecksDeps, 'engine'>;
  /** Looking for lockfiles or loading the feature failed, with no command waiting for it. */
  onError(e: unknown): void;
}

export class LazyLockfileFeature implements vscode.Disposable {
  private loading: Promise<LockfileFeature> | undefined;
  private loaded: LockfileFeature | undefined;
  private disposed = false;
  private probing: Thenable<unknown> | undefined;
  /** Until the feature is loaded: what tells that the workspace has a lockfile after all. */
  private readonly probes: vscode.Disposable[] = [];

  constructor(private readonly deps: LazyLockfileFeatureDeps) {}

  /** Loads the feature now if the workspace holds a lockfile, else once one appears. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(LOCKFILE_GLOB);
    const appeared = (uri: vscode.Uri) => !isInstalledPackage(uri) && this.loadInBackground();
    this.probes.push(
      watcher,
      watcher.onDidCreate(appeared),
      watcher.onDidChange(appeared),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.probe()),
    );
    this.probe();
  }

  /** The feature, loaded and started the first time it is asked for. */
  feature(): Promise<LockfileFeature> {
    return (this.loading ??= this.load());
  }

  /** The registry was refreshed, or a token changed: the checks ask again (all answers, one instance's, or some projects'). */
  registryChanged(scope?: CacheScope): void {
    this.loaded?.registryChanged(scope);
  }

  settingsChanged(): void {
    this.loaded?.checks.settingsChanged();
  }

  /** Resolves once the search for lockfiles has answered and the checks, if loaded, are idle (tests wait on it, not on a clock). */
  async idle(): Promise<void> {
    await this.probing;
    const feature = await this.loading?.catch(() => undefined);
    await feature?.checks.idle();
  }

  private probe(): void {
    if (this.loading) return;
    this.probing = findLockfiles().then(
      (uris) => uris.length && this.loadInBackground(),
      (e: unknown) => this.deps.onError(e),
    );
  }

  private loadInBackground(): void {
    if (this.disposed) return;
    this.feature().catch((e: unknown) => this.deps.onError(e));
  }

  private async load(): Promise<LockfileFeature> {
    this.stopProbing();
    const { load } = this.deps;
    const feature = (await load()).lockfileFeature({ ...this.deps.feature, engine: load });
    // Deactivated while it loaded: it has nothing left to show.
    if (this.disposed) for (const d of feature.disposables) d.dispose();
    else {
      this.loaded = feature;
      feature.checks.start();
    }
    return feature;
  }

  private stopProbing(): void {
    for (const d of this.probes.splice(0)) d.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.stopProbing();
    for (const d of this.loaded?.disposables ?? []) d.dispose();
  }
}
