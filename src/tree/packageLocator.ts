/**
 * Where the tree shows a package version (Reveal in Packages View). The registry says which
 * package it is (and, given only a group, which project holds it); the row that lists it is the
 * project's own, else a configured group's whose listing holds it (asked, as subgroups and ids
 * cannot be told from a path). That row's list is loaded as the view loads it — the first page,
 * the rest up to the cap, then "Load more…" a bounded number of times — until the package is in
 * it. Anything else comes back as the reason. Pure: no `vscode`.
 */
import { matches, type PackageFilter } from '../core/browse/packageFilter';
import { DELETABLE_STATUSES } from '../core/browse/packageStatus';
import type { RevealPackageTarget } from '../core/browse/revealTarget';
import type { LockfileEngine } from '../core/lockfiles/engine';
import type { ProjectRef } from '../core/projects/projectRef';
import type { GitLabClient } from '../gitlab/client';
import { asGitLabError, CancelledError } from '../gitlab/errors';
import { displayName, type Package } from '../gitlab/models';
import type { ProjectKey } from '../gitlab/types';
import type { PackagesTreeModel } from './model';
import { messageRowId } from './nodeIds';
import type { GroupNode, MessageNode, PackageNode, SourceNode } from './nodes';
import { count } from './rows';
import { untilAborted } from '../util/untilAborted';

export interface LocatorDeps {
  model: PackagesTreeModel;
  clientFor(instanceUrl: string): GitLabClient;
  hasToken(origin: string): Promise<boolean>;
  filterFor(ref: ProjectRef): PackageFilter;
  includeSubgroups(): boolean;
  /** The lockfile engine's lookup: how a lockfile's name and version match the registry's is its rule. */
  findVersion: LockfileEngine['findVersion'];
}

export type Placement =
  /** The package's row; or its list's state row (no token, an error), which says why the list is empty. */
  | { kind: 'row'; node: PackageNode | MessageNode }
  /** The owner could not be read, and there is no token for its instance. */
  | { kind: 'noToken' }
  /** The project or group does not exist, or the token cannot see it. */
  | { kind: 'ownerNotFound' }
  /** The registry holds no such version (any more); `owner` is the project's path (or the group as given). */
  | { kind: 'absent'; owner: string }
  /** The list (a GitLab before 16.6 lists every version of the name) went past its bound, `listed` packages, without it. */
  | { kind: 'cutShort'; listed: number }
  /** A group's listing holds it but names no project. */
  | { kind: 'unplaced' }
  /** No row of the view lists its project (its path, else its id as given). */
  | { kind: 'notInView'; project: string }
  | { kind: 'filtered'; source: SourceNode; pkg: Package }
  /** A status lists show only when the filter asks for it (hidden, processing). */
  | { kind: 'status'; source: SourceNode; status: string }
  /** Not among the rows the list loaded (as far as it is loaded here). */
  | { kind: 'notListed'; source: SourceNode; loaded: number };

/** "Load more…" rows loaded at most past the list's cap (1,000 rows each). */
const MAX_LOAD_MORE = 10;
/** Pages of a group's listing read at most to see whether it holds the package (name and version filtered). */
const MAX_GROUP_PAGES = 20;

export class PackageLocator {
  constructor(private readonly deps: LocatorDeps) {}

  /** `instance`: the target's instance URL, normalised. Throws what the registry answered otherwise (and cancellation). */
  async locate(t: RevealPackageTarget, instance: { url: string; origin: string }, signal: AbortSignal): Promise<Placement> {
    const owner = t.project !== undefined ? { kind: 'project' as const, id: t.project } : { kind: 'group' as const, id: t.group };
    const target = { instanceUrl: instance.url, owner, packageType: t.packageType, name: t.name, version: t.version };
    let pkg: Package | undefined | { cutShort: number };
    try {
      pkg = await this.deps.findVersion(this.deps.clientFor(instance.url), target, t.packageId, signal);
    } catch (e) {
      const err = asGitLabError(e);
      const refused = err.kind === 'unauthorized' || err.kind === 'forbidden' || err.kind === 'notFound';
      if (refused && !(await this.deps.hasToken(instance.origin))) return { kind: 'noToken' };
      if (err.kind === 'notFound') return { kind: 'ownerNotFound' };
      throw e;
    }
    if (pkg && 'cutShort' in pkg) return { kind: 'cutShort', listed: pkg.cutShort };
    if (!pkg) return { kind: 'absent', owner: t.project !== undefined ? await this.pathOf(t.project, instance.url, signal) : String(t.group) };
    const project = t.project ?? pkg.projectPath ?? pkg.projectId;
    if (project === undefined) return { kind: 'unplaced' };
    const sources = (await this.deps.model.projects()).filter((s) => s.ref.instanceUrl === instance.url);
    const own = (keys: (ProjectKey | undefined)[]): SourceNode | undefined => sources.find((s) => s.kind === 'project' && keys.some((k) => isProject(s, k)));
    let source = own([t.project, pkg.projectId, pkg.projectPath]);
    if (source) return this.inList(source, pkg, signal);
    // By its path too: a row whose lookup failed knows only the path its entry gives.
    const path = await this.pathOf(project, instance.url, signal);
    source = own([path]) ?? (await this.holdingGroup(sources, pkg, signal));
    return source ? this.inList(source, pkg, signal) : { kind: 'notInView', project: path };
  }

  /** What a person calls the project: its path (asked when only its id is known; the id when GitLab will not say). */
  private async pathOf(project: ProjectKey, instanceUrl: string, signal: AbortSignal): Promise<string> {
    if (typeof project === 'string') return project;
    try {
      return (await this.deps.clientFor(instanceUrl).getProject(project, signal)).pathWithNamespace;
    } catch (e) {
      if (signal.aborted) throw e;
      return String(project);
    }
  }

  /** The first configured group whose listing (as the view lists it: with or without subgroups) holds the package. */
  private async holdingGroup(sources: SourceNode[], pkg: Package, signal: AbortSignal): Promise<GroupNode | undefined> {
    const query = {
      packageType: pkg.packageType,
      packageName: displayName(pkg),
      packageVersion: pkg.version ?? undefined,
      status: pkg.status,
      excludeSubgroups: this.deps.includeSubgroups() ? undefined : true,
    };
    for (const group of sources) {
      if (group.kind !== 'group') continue;
      const client = this.deps.clientFor(group.ref.instanceUrl);
      try {
        let page: number | undefined = 1;
        for (let read = 0; page !== undefined && read < MAX_GROUP_PAGES; read++) {
          const result = await client.groupPackagesPage(group.ref.key, query, page, signal);
          if (result.items.some((p) => p.id === pkg.id)) return group;
          page = result.items.length ? result.nextPage : undefined;
        }
      } catch (e) {
        // A group that cannot be read holds nothing here; its row says why when it is expanded.
        if (signal.aborted) throw e;
      }
    }
    return undefined;
  }

  private async inList(listed: SourceNode, pkg: Package, signal: AbortSignal): Promise<Placement> {
    let source = listed;
    const filter = this.deps.filterFor(source.ref);
    if (!matches(pkg, filter)) return { kind: 'filtered', source, pkg };
    if (!filter.status && pkg.status !== undefined && !DELETABLE_STATUSES.includes(pkg.status)) return { kind: 'status', source, status: pkg.status };
    const model = this.deps.model;
    const loading = messageRowId(source, 'loading');
    const state = messageRowId(source, 'state');
    let rows = await abortable(model.packagesOf(source), signal);
    let loadedMore = 0;
    let refreshed = false;
    for (;;) {
      const row = rows.find((r): r is PackageNode => r.kind === 'package' && r.pkg.id === pkg.id);
      if (row) return { kind: 'row', node: row };
      const more = rows.find((r) => r.kind === 'loadMore');
      if (rows.some((r) => r.id === loading)) await abortable(model.whenSettled(source), signal);
      else if (more?.kind === 'loadMore' && loadedMore < MAX_LOAD_MORE) {
        loadedMore++;
        await abortable(model.loadMore(more), signal);
      } else if (!more && !refreshed) {
        // The registry has it: the list was read before it was published, or failed then.
        refreshed = true;
        model.refresh(source);
        // A project that could not be looked up is looked up again with the root: its row is new.
        source = (await abortable(model.projects(), signal)).find((s) => s.id === source.id) ?? source;
      } else {
        const failed = rows.find((r): r is MessageNode => r.id === state);
        return failed ? { kind: 'row', node: failed } : { kind: 'notListed', source, loaded: count(rows) };
      }
      rows = await abortable(model.packagesOf(source), signal);
    }
  }
}

/** Whether a project row is this project: by the entry's key, or by GitLab's id or path once it answered. */
function isProject(row: SourceNode, key: ProjectKey | undefined): boolean {
  if (key === undefined) return false;
  return [row.ref.key, row.project?.id, row.project?.pathWithNamespace].some((k) =>
    typeof k === 'string' && typeof key === 'string' ? k.toLowerCase() === key.toLowerCase() : k === key,
  );
}

/** Waits for `p`, or stops waiting (not the load: the view still wants it) when the user cancels. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return untilAborted(p, signal, () => new CancelledError(''));
}
