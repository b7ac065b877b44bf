/**
 * What the tree shows, as plain data: projects → packages → files, with failures as rows. It
 * caches what was loaded below each row, lets a refresh drop it (and abort its requests, so an
 * older load never overwrites a newer one), and hands loading to RootLoader and ListLoader.
 * Pure: no `vscode`.
 */
import type { InstanceStatus } from '../core/instances/instanceHealth';
import type { PackageFilter } from '../core/browse/packageFilter';
import type { ParsedEntry, ProjectRef } from '../core/projects/projectRef';
import type { GitLabVersion } from '../core/instances/versionGates';
import type { GitLabClient } from '../gitlab/client';
import { latestPipelines } from '../core/browse/packagePipelines';
import { owningProject } from '../core/browse/packageOwner';
import { nameKey } from '../core/browse/packageName';
import { byName } from './grouping';
import { ListLoader, type Loaded } from './listLoader';
import { arrangeFiles } from './fileRows';
import { isAtOrBelow } from './nodeIds';
import type { LoadMoreNode, PackageNode, ProjectNode, SourceNode, TreeNode } from './nodes';
import type { ProtectionCache } from '../core/protection/protectionCache';
import { ProtectionRows } from './protectionRows';
import { RootLoader } from './rootLoader';
import type { ListNode } from './rows';

export interface TreeModelDeps {
  /** The parsed `gitlabPackages.projects` entries. */
  entries(): ParsedEntry[];
  /** The parsed `gitlabPackages.groups` entries. */
  groupEntries?(): ParsedEntry[];
  /** Whether group lists include subgroups' projects (default true). */
  includeSubgroups?(): boolean;
  /** Show name → versions → files instead of one row per version. */
  groupByName?(): boolean;
  /** Projects the workspace's git remotes point at (shown first, marked as detected). */
  detectedProjects?(): ProjectRef[];
  clientFor(ref: ProjectRef): GitLabClient;
  hasToken(origin: string): Promise<boolean>;
  /** The instance's GitLab version, asked once (undefined when it would not say). */
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
  /** What is known so far about an instance's token and version. */
  instanceStatus?(instanceUrl: string): InstanceStatus | undefined;
  /** `undefined` = the whole tree changed. */
  onDidChange(node: TreeNode | undefined): void;
  /** Filters and sort order for a project's list. */
  filterFor?(ref: ProjectRef): PackageFilter;
  /** Origins only the workspace's settings name (their rows say so). */
  workspaceNamedOrigins?(): ReadonlySet<string>;
  /** Rows loaded automatically before "Load more…" (default 10,000). */
  maxRows?: number;
  /** Rows loaded per "Load more…" click (default 1,000). */
  loadMoreRows?: number;
  /** Each project's protection rules, kept in core: the rows read them, "Protection Rules" shows them (absent: none shown). */
  protection?: ProtectionCache;
  /** How long a project's packages wait for its rules after their first page is in (ms, default 1,000). */
  protectionGraceMs?: number;
  /** A list still loading after this long shows its rows so far, then at doubling intervals (ms, default 2,000). */
  slowRedrawMs?: number;
  /** A list goes on loading in the background until `settled` (the view shows that it is busy). */
  onBackgroundLoad?(settled: Promise<void>): void;
}

const ROOT = '<root>';
/** Pipelines a tooltip shows (the details document shows them all). */
const TOOLTIP_PIPELINES = 2;

export class PackagesTreeModel {
  private readonly cache = new Map<string, Loaded>();
  private readonly loadingMore = new Map<string, Promise<void>>();
  private disposed = false;
  private readonly roots: RootLoader;
  private readonly lists: ListLoader;
  private readonly rules?: ProtectionRows;

  constructor(private readonly deps: TreeModelDeps) {
    const protection = deps.protection;
    this.roots = new RootLoader({
      ...deps,
      facts: { instanceStatus: (url) => deps.instanceStatus?.(url), protection: (listed) => protection?.known(listed) },
    });
    if (protection) this.rules = new ProtectionRows({ cache: protection, graceMs: deps.protectionGraceMs, redraw: (p) => deps.onDidChange(p) });
    this.lists = new ListLoader({
      ...deps,
      onDidChange: (node) => deps.onDidChange(node),
      isCurrent: (node, loaded) => this.cache.get(node.id) === loaded,
      maxRows: deps.maxRows ?? 10_000,
      loadMoreRows: deps.loadMoreRows ?? 1_000,
      slowRedrawMs: deps.slowRedrawMs ?? 2_000,
    });
  }

  /** Never throws: failures come back as message rows. */
  async children(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.kind === 'instance') return node.children;
    if (node?.kind === 'packageName') {
      const rows = await this.packagesOf(node.parent);
      return rows.filter((r) => r.kind === 'package' && nameKey(r.pkg) === node.key);
    }
    if (node?.kind === 'protectionRules') return this.rules?.ruleRows(node) ?? [];
    if (node && node.kind !== 'project' && node.kind !== 'group' && node.kind !== 'package') return [];
    const loaded = this.loadedBelow(node);
    // A project's rules are read beside its first page, so its locks show with the first rows.
    const [, above] = await Promise.all([loaded.ready, this.rules?.rowsFor(node, loaded.ready) ?? []]);
    // Refreshed while it loaded: answer with the newer load, never with the replaced one.
    if (loaded.controller.signal.aborted) return this.disposed ? [] : this.children(node);
    if (node?.kind === 'package') return arrangeFiles(loaded.nodes, await this.deps.versionOf?.(node.parent.ref.instanceUrl));
    return [...above, ...(node && this.deps.groupByName?.() ? byName(node, loaded.nodes) : loaded.nodes)];
  }

  /**
   * The row above `node` as the view shows it (TreeView.reveal walks up by it): with grouping by
   * name, a package's name row, else the row it was listed under.
   */
  async parentOf(node: TreeNode): Promise<TreeNode | undefined> {
    if (node.kind !== 'package' || !this.deps.groupByName?.()) return node.parent;
    const key = nameKey(node.pkg);
    return (await this.children(node.parent)).find((r) => r.kind === 'packageName' && r.key === key) ?? node.parent;
  }

  /** The rows a project or group loaded, without grouping (for commands). */
  async packagesOf(project: SourceNode): Promise<TreeNode[]> {
    await this.children(project);
    return this.cache.get(project.id)?.nodes ?? [];
  }

  /** Resolves when what is below `node` (the root when undefined) has finished loading, background pages included. */
  async whenSettled(node?: ListNode): Promise<void> {
    const loaded = this.loadedBelow(node);
    await loaded.ready;
    await loaded.settled;
  }

  /** Drops what was loaded below `node` (everything when undefined) and aborts its requests. */
  refresh(node?: TreeNode): void {
    // An instance row's projects were resolved with the root: refreshing it refreshes all.
    const below =
      node?.kind === 'message' || node?.kind === 'loadMore' || node?.kind === 'packageName' || node?.kind === 'protectionRules'
        ? node.parent
        : node?.kind === 'protectionRule'
          ? node.parent.parent
          : node?.kind === 'instance'
            ? undefined
            : node;
    // A project that could not be looked up is looked up again with the root (Retry on its row).
    const target = below?.kind === 'project' && below.resolveError ? undefined : below;
    // A project's rules are read again with it; the whole tree's, all of them.
    if (!target) this.deps.protection?.forget();
    else if (target.kind === 'project') this.deps.protection?.reread(target);
    for (const [key, loaded] of this.cache) {
      if (!target || isAtOrBelow(key, target.id)) {
        loaded.controller.abort();
        this.cache.delete(key);
      }
    }
    this.deps.onDidChange(target);
  }

  /** A project's rules changed: read them again and redraw its rows (the packages stay loaded). */
  refreshProtection(project: ProjectNode): void {
    this.deps.protection?.reread(project);
    this.deps.onDidChange(project);
  }

  /** Project and group rows currently shown (for commands that pick a project). */
  async projects(): Promise<SourceNode[]> {
    const roots = await this.children();
    return roots.flatMap((n) => (n.kind === 'instance' ? n.children : [n])).filter((n): n is SourceNode => n.kind === 'project' || n.kind === 'group');
  }

  /**
   * An instance's token or version became known or changed: redraw what shows it (instance
   * rows, delete actions; they read it from core), without reloading anything.
   */
  instanceStatusChanged(): void {
    if (this.cache.has(ROOT)) this.deps.onDidChange(undefined);
  }

  /**
   * Appends the next rows after a "Load more…" row, then refreshes only its parent. A second
   * click while they load joins the first load instead of starting another.
   */
  loadMore(row: LoadMoreNode): Promise<void> {
    const loaded = this.cache.get(row.parent.id);
    if (!loaded) return Promise.resolve();
    let pending = this.loadingMore.get(row.id);
    if (!pending) {
      pending = this.lists.appendAfter(row, loaded).finally(() => this.loadingMore.delete(row.id));
      this.loadingMore.set(row.id, pending);
    }
    return pending;
  }

  /** The single-package endpoint adds the other versions: asked only when a tooltip is shown. */
  async withVersions(node: PackageNode, signal: AbortSignal): Promise<PackageNode> {
    if (!node.pkg.versions) {
      const full = await this.deps.clientFor(node.parent.ref).getPackage(owningProject(node.pkg, node.parent), node.pkg.id, signal);
      node.pkg.versions = full.versions ?? [];
    }
    return node;
  }

  /** The latest two pipelines of a package (`…/pipelines`, 16.1+): asked only when a tooltip is shown. */
  async withPipelines(node: PackageNode, signal: AbortSignal): Promise<PackageNode> {
    if (!node.pipelines) {
      const version = await this.deps.versionOf?.(node.parent.ref.instanceUrl);
      const project = owningProject(node.pkg, node.parent);
      node.pipelines = await latestPipelines(this.deps.clientFor(node.parent.ref), project, node.pkg, version, TOOLTIP_PIPELINES, signal);
    }
    return node;
  }

  dispose(): void {
    this.disposed = true;
    this.rules?.dispose();
    for (const loaded of this.cache.values()) loaded.controller.abort();
    this.cache.clear();
  }

  private loadedBelow(node: ListNode | undefined): Loaded {
    const key = node?.id ?? ROOT;
    let loaded = this.cache.get(key);
    if (!loaded) {
      const fresh: Loaded = { nodes: [], controller: new AbortController(), ready: Promise.resolve(), settled: Promise.resolve() };
      fresh.ready = node
        ? this.lists.load(node, fresh, (settled) => {
            fresh.settled = settled;
            this.deps.onBackgroundLoad?.(settled);
          })
        : this.roots.load(fresh.controller.signal).then((nodes) => {
            fresh.nodes = nodes;
          });
      this.cache.set(key, (loaded = fresh));
    }
    return loaded;
  }
}
