/**
 * What the tree shows, as plain data: projects → packages → files, with failures turned into
 * rows. Loads the first page and shows it at once, fetches the remaining pages in the
 * background (bounded concurrency, batched change events) up to a cap, and lets a newer
 * refresh win over an older one still in flight. Pure: no `vscode`.
 */
import type { GitLabClient } from '../gitlab/client';
import { BadResponseError, type GitLabError, isGitLabError } from '../gitlab/errors';
import { supports, unsupportedMessage, type GitLabVersion } from '../core/versionGates';
import type { InstanceStatus } from '../core/instanceHealth';
import { displayName, type Package, type PackageFile } from '../gitlab/models';
import { iteratePages, type Page } from '../gitlab/pagination';
import { refIdentity, type ParsedEntry, type ProjectRef } from '../core/projectRef';
import { applyLocally, basicQuery, describeFilter, hasFilter, isDefault, matches, toQuery, type PackageFilter } from '../core/packageFilter';
import type { FileNode, InstanceNode, LoadMoreNode, MessageNode, NameNode, PackageNode, ProjectErrorNode, ProjectNode, TreeNode } from './nodes';

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
  /** Rows loaded automatically before "Load more…" (default 10,000). */
  maxRows?: number;
  /** Rows loaded per "Load more…" click (default 1,000). */
  loadMoreRows?: number;
  /** Batches background pages into one change event per this many ms (default 150). */
  batchMs?: number;
}

interface Loaded {
  nodes: TreeNode[];
  controller: AbortController;
  /** Settles when the first batch is there. */
  ready: Promise<void>;
}

const ROOT = '<root>';

export class PackagesTreeModel {
  private readonly cache = new Map<string, Loaded>();
  private readonly maxRows: number;
  private readonly loadMoreRows: number;
  private readonly batchMs: number;

  constructor(private readonly deps: TreeModelDeps) {
    this.maxRows = deps.maxRows ?? 10_000;
    this.loadMoreRows = deps.loadMoreRows ?? 1_000;
    this.batchMs = deps.batchMs ?? 150;
  }

  /** Never throws: failures come back as message rows. */
  async children(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.kind === 'instance') return node.children;
    if (node?.kind === 'packageName') {
      const rows = await this.packagesOf(node.parent);
      return rows.filter((r) => r.kind === 'package' && nameKey(r.pkg) === node.key);
    }
    if (node && node.kind !== 'project' && node.kind !== 'package') return [];
    const key = node?.id ?? ROOT;
    let loaded = this.cache.get(key);
    if (!loaded) {
      loaded = this.start(node);
      this.cache.set(key, loaded);
    }
    await loaded.ready;
    return node?.kind === 'project' && this.deps.groupByName?.() ? byName(node, loaded.nodes) : loaded.nodes;
  }

  /** The rows a project loaded, without grouping (for commands). */
  async packagesOf(project: ProjectNode): Promise<TreeNode[]> {
    await this.children(project);
    return this.cache.get(project.id)?.nodes ?? [];
  }

  /** Drops what was loaded below `node` (everything when undefined) and aborts its requests. */
  refresh(node?: TreeNode): void {
    // An instance row's projects were resolved with the root: refreshing it refreshes all.
    const target =
      node?.kind === 'message' || node?.kind === 'loadMore' || node?.kind === 'packageName' ? node.parent : node?.kind === 'instance' ? undefined : node;
    if (!target) {
      for (const loaded of this.cache.values()) loaded.controller.abort();
      this.cache.clear();
    } else {
      for (const [key, loaded] of this.cache) {
        if (key === target.id || key.startsWith(target.id + '/')) {
          loaded.controller.abort();
          this.cache.delete(key);
        }
      }
    }
    this.deps.onDidChange(target);
  }

  /** Project nodes currently shown (for commands that pick a project). */
  async projects(): Promise<ProjectNode[]> {
    const roots = await this.children();
    return roots.flatMap((n) => (n.kind === 'instance' ? n.children : [n])).filter((n): n is ProjectNode => n.kind === 'project');
  }

  /**
   * An instance's token or version became known or changed: redraw what shows it (instance
   * rows, delete actions) from the loaded rows, without reloading anything.
   */
  instanceStatusChanged(): void {
    const roots = this.cache.get(ROOT)?.nodes;
    if (!roots) return;
    for (const n of roots) {
      if (n.kind === 'instance') n.status = this.deps.instanceStatus?.(n.instanceUrl);
      for (const p of n.kind === 'instance' ? n.children : [n]) if (p.kind === 'project') p.readOnly = this.isReadOnly(p.ref);
    }
    this.deps.onDidChange(undefined);
  }

  /** Appends the next rows after a "Load more…" row, then refreshes only its parent. */
  async loadMore(row: LoadMoreNode): Promise<void> {
    const loaded = this.cache.get(row.parent.id);
    if (!loaded || !loaded.nodes.includes(row)) return;
    const signal = loaded.controller.signal;
    const pages = this.pagesFor(row.parent, row.nextPage, Math.max(1, Math.ceil(this.loadMoreRows / 100)), signal);
    let appended: TreeNode[] = [];
    let last: Page<Package | PackageFile> | undefined;
    try {
      for await (const page of pages) {
        appended = appendUnique(appended, this.toNodes(row.parent, page.items));
        last = page;
      }
    } catch (e) {
      if (signal.aborted) return;
      appended.push(errorRow(row.parent, e, 'more'));
    }
    if (signal.aborted) return;
    const index = loaded.nodes.indexOf(row);
    const more = last?.nextPage !== undefined ? [this.loadMoreRow(row.parent, last.nextPage, row.loaded + count(appended))] : [];
    loaded.nodes = [...appendUnique(loaded.nodes.slice(0, index), appended), ...more];
    this.deps.onDidChange(row.parent);
  }

  dispose(): void {
    for (const loaded of this.cache.values()) loaded.controller.abort();
    this.cache.clear();
  }

  private start(node: ProjectNode | PackageNode | undefined): Loaded {
    const controller = new AbortController();
    const loaded: Loaded = { nodes: [], controller, ready: Promise.resolve() };
    loaded.ready = node ? this.loadPaged(node, loaded) : this.loadRoots(loaded);
    return loaded;
  }

  private async loadRoots(loaded: Loaded): Promise<void> {
    const entries = this.deps.entries();
    const groups = this.deps.groupEntries?.() ?? [];
    const configured = new Set(entries.flatMap((e) => (e.ok ? [refIdentity(e.ref)] : [])));
    const detected = (this.deps.detectedProjects?.() ?? []).filter((ref) => !configured.has(refIdentity(ref)));
    const detectedNodes = await Promise.all(detected.map((ref) => this.resolveProject(ref, loaded.controller.signal, true)));
    const projects = await Promise.all(
      entries.map((entry, i) =>
        entry.ok ? this.resolveProject(entry.ref, loaded.controller.signal) : Promise.resolve(badEntry(entry.entry, entry.reason, i)),
      ),
    );
    // Groups are not looked up: a wrong one says so when expanded (404 Group Not Found).
    const groupNodes = groups.map((g, i): ProjectNode | ProjectErrorNode =>
      g.ok
        ? {
            kind: 'project',
            scope: 'group',
            id: `group:${refIdentity(g.ref)}`,
            ref: g.ref,
            filterText: describeFilter(this.deps.filterFor?.(g.ref) ?? {}) || undefined,
          }
        : badEntry(g.entry, g.reason, `group${i}`),
    );
    const nodes = [...detectedNodes.filter((n) => n.kind === 'project'), ...projects, ...groupNodes];
    // What is known of tokens now, not when the lookups started (a check may have landed meanwhile).
    for (const n of nodes) if (n.kind === 'project') n.readOnly = this.isReadOnly(n.ref);
    const instances = new Set(nodes.flatMap((n) => (n.kind === 'project' ? [n.ref.instanceUrl] : [])));
    loaded.nodes = instances.size > 1 ? this.byInstance(nodes) : nodes;
  }

  /** Projects under one row per instance (in order of first appearance); unusable entries last. */
  private byInstance(nodes: (ProjectNode | ProjectErrorNode)[]): TreeNode[] {
    const instances = new Map<string, InstanceNode>();
    const bad: ProjectErrorNode[] = [];
    for (const n of nodes) {
      if (n.kind === 'projectError') {
        bad.push(n);
        continue;
      }
      const url = n.ref.instanceUrl;
      let instance = instances.get(url);
      if (!instance) {
        instance = { kind: 'instance', id: `instance:${url}`, instanceUrl: url, children: [], status: this.deps.instanceStatus?.(url) };
        instances.set(url, instance);
      }
      n.parent = instance;
      instance.children.push(n);
    }
    return [...instances.values(), ...bad];
  }

  private isReadOnly(ref: ProjectRef): boolean | undefined {
    return this.deps.instanceStatus?.(ref.instanceUrl)?.token.canDelete === false || undefined;
  }

  private async resolveProject(ref: ProjectRef, signal: AbortSignal, detected = false): Promise<ProjectNode | ProjectErrorNode> {
    const node: ProjectNode = {
      kind: 'project',
      detected: detected || undefined,
      id: `${detected ? 'detected' : 'project'}:${refIdentity(ref)}`,
      ref,
      filterText: describeFilter(this.deps.filterFor?.(ref) ?? {}) || undefined,
    };
    try {
      // The id stays the entry's, so expansion survives a token change that makes it resolvable.
      node.project = await this.deps.clientFor(ref).getProject(ref.key, signal);
    } catch (e) {
      const err = asGitLabError(e);
      // A 404 with a token means the project does not exist or is invisible to this user.
      if (err.kind === 'notFound' && (await this.deps.hasToken(ref.origin))) {
        return badEntry(ref.entry, `Project not found, or your token has no access to it${err.serverMessage ? ` (${err.serverMessage})` : ''}`, ref.entry);
      }
      node.resolveError = err;
    }
    return node;
  }

  private async loadPaged(node: ProjectNode | PackageNode, loaded: Loaded): Promise<void> {
    const signal = loaded.controller.signal;
    if (node.kind === 'project' && node.resolveError) {
      loaded.nodes = [await this.stateRow(node, node.resolveError)];
      return;
    }
    const maxPages = Math.max(1, Math.ceil(this.maxRows / 100));
    if (node.kind === 'project' && (await this.serverCannotFilter(node))) {
      await this.filterHere(node, loaded, maxPages);
      return;
    }
    const pages = this.pagesFor(node, 1, maxPages, signal);
    let first: IteratorResult<Page<Package | PackageFile>>;
    try {
      first = await pages.next();
    } catch (e) {
      if (node.kind === 'project' && isGitLabError(e) && e.kind === 'badRequest' && !isDefault(this.filterOf(node))) {
        await this.filterHere(node, loaded, maxPages);
        return;
      }
      loaded.nodes = [await this.stateRow(node, e)];
      return;
    }
    if (first.done || first.value.items.length === 0) {
      loaded.nodes = [emptyRow(node, node.kind === 'project' && hasFilter(this.filterOf(node)))];
      return;
    }
    loaded.nodes = this.toNodes(node, first.value.items);
    if (first.value.nextPage === undefined) return;
    if (first.value.totalPages === undefined || maxPages <= 1) {
      // No total (over 10,000 rows, or an old server) or at the cap: page on only when asked.
      await pages.return(undefined);
      loaded.nodes = [...loaded.nodes, this.loadMoreRow(node, first.value.nextPage, count(loaded.nodes))];
      return;
    }
    const firstRows = loaded.nodes;
    loaded.nodes = [...firstRows, this.loadingRow(node)];
    void this.continueInBackground(node, loaded, firstRows, first.value, pages);
  }

  private async continueInBackground(
    node: ProjectNode | PackageNode,
    loaded: Loaded,
    firstRows: TreeNode[],
    first: Page<Package | PackageFile>,
    pages: AsyncGenerator<Page<Package | PackageFile>>,
  ): Promise<void> {
    const signal = loaded.controller.signal;
    const rows = [...firstRows];
    const ids = new Set(rows.map((r) => r.id));
    let lastFlush = Date.now();
    let last = first;
    const flush = (extra: TreeNode[] = []): void => {
      if (signal.aborted || this.cache.get(node.id) !== loaded) return;
      loaded.nodes = [...rows, ...extra];
      lastFlush = Date.now();
      this.deps.onDidChange(node);
    };
    try {
      for await (const page of pages) {
        // Rows shift between pages when packages come and go meanwhile: keep ids unique.
        for (const row of this.toNodes(node, page.items)) if (!ids.has(row.id) && ids.add(row.id)) rows.push(row);
        last = page;
        if (Date.now() - lastFlush >= this.batchMs) flush([this.loadingRow(node)]);
      }
      const more = last.nextPage !== undefined ? [this.loadMoreRow(node, last.nextPage, count(rows))] : [];
      flush(more);
    } catch (e) {
      if (signal.aborted) return;
      flush([errorRow(node, e, 'more')]);
    }
  }

  private pagesFor(
    node: ProjectNode | PackageNode,
    startPage: number,
    maxPages: number,
    signal: AbortSignal,
    serverFilters = true,
  ): AsyncGenerator<Page<Package | PackageFile>> {
    if (node.kind === 'project') {
      const client = this.deps.clientFor(node.ref);
      const key = node.project?.id ?? node.ref.key;
      const query = serverFilters ? toQuery(this.filterOf(node)) : basicQuery();
      if (node.scope === 'group') {
        const groupQuery = { ...query, excludeSubgroups: this.deps.includeSubgroups?.() === false ? true : undefined };
        return iteratePages((page, s) => client.groupPackagesPage(key, groupQuery, page, s), { concurrency: client.concurrency, startPage, maxPages, signal });
      }
      return iteratePages((page, s) => client.projectPackagesPage(key, query, page, s), { concurrency: client.concurrency, startPage, maxPages, signal });
    }
    const project = node.parent;
    const client = this.deps.clientFor(project.ref);
    const projectKey = node.pkg.projectId ?? project.project?.id ?? project.ref.key;
    return iteratePages((page, s) => client.packageFilesPage(projectKey, node.pkg.id, page, {}, s), {
      concurrency: client.concurrency,
      startPage,
      maxPages,
      signal,
    });
  }

  /** Servers before 12.9 (13.9 for status) ignore filter parameters without a word. */
  private async serverCannotFilter(node: ProjectNode): Promise<boolean> {
    const filter = this.filterOf(node);
    if (isDefault(filter) || !this.deps.versionOf) return false;
    const version = await this.deps.versionOf(node.ref.instanceUrl);
    return !supports(version, 'listFilters') || (!!filter.status && !supports(version, 'statusFilter'));
  }

  private filterOf(node: ProjectNode): PackageFilter {
    return this.deps.filterFor?.(node.ref) ?? {};
  }

  /** An old server refused the filter (400): list everything (up to the cap) and filter here. */
  private async filterHere(node: ProjectNode, loaded: Loaded, maxPages: number): Promise<void> {
    const items: Package[] = [];
    let next: number | undefined;
    try {
      for await (const page of this.pagesFor(node, 1, maxPages, loaded.controller.signal, false)) {
        items.push(...(page.items as Package[]));
        next = page.nextPage;
      }
    } catch (e) {
      loaded.nodes = [await this.stateRow(node, e)];
      return;
    }
    const kept = applyLocally(items, this.filterOf(node));
    const note: MessageNode = {
      kind: 'message',
      id: `${node.id}/filtered-here`,
      parent: node,
      text: 'This GitLab does not filter or sort packages on the server: filtered here',
      detail: next !== undefined ? `Only the first ${items.length} packages were searched.` : undefined,
      severity: 'info',
      action: { kind: 'none' },
    };
    loaded.nodes = [note, ...(kept.length ? this.toNodes(node, kept) : [emptyRow(node, true)])];
  }

  private toNodes(parent: ProjectNode | PackageNode, items: (Package | PackageFile)[]): TreeNode[] {
    if (parent.kind === 'project') {
      const filter = this.filterOf(parent);
      return (items as Package[])
        .filter((p) => matches(p, filter))
        .map((pkg): PackageNode => ({ kind: 'package', id: `${parent.id}/package:${pkg.id}`, parent, pkg }));
    }
    return (items as PackageFile[]).map((file): FileNode => ({ kind: 'packageFile', id: `${parent.id}/file:${file.id}`, parent, file }));
  }

  private loadMoreRow(parent: ProjectNode | PackageNode, nextPage: number, loaded: number): LoadMoreNode {
    return { kind: 'loadMore', id: `${parent.id}/more:${nextPage}`, parent, nextPage, loaded };
  }

  private loadingRow(parent: ProjectNode | PackageNode): MessageNode {
    return { kind: 'message', id: `${parent.id}/loading`, parent, text: 'Loading more…', severity: 'info', action: { kind: 'none' } };
  }

  /** The row for a failed load: token problems offer "Set Access Token…", the rest "Retry". */
  private async stateRow(parent: ProjectNode | PackageNode, e: unknown): Promise<MessageNode> {
    const err = asGitLabError(e);
    const origin = (parent.kind === 'project' ? parent : parent.parent).ref.origin;
    const host = new URL(origin).host;
    const hasToken = await this.deps.hasToken(origin);
    const id = `${parent.id}/state`;
    if (err.kind === 'unauthorized' || (!hasToken && (err.kind === 'notFound' || err.kind === 'forbidden'))) {
      const text = hasToken ? `Access token for ${host} was rejected — Set Access Token…` : `No access token for ${host} — Set Access Token…`;
      return { kind: 'message', id, parent, text, detail: err.serverMessage, severity: 'warning', action: { kind: 'setToken', origin } };
    }
    if (err.kind === 'forbidden') {
      return {
        kind: 'message',
        id,
        parent,
        text: 'No access to packages',
        detail: err.serverMessage ?? err.message,
        severity: 'warning',
        action: { kind: 'retry' },
      };
    }
    if (err.kind === 'notFound' && parent.kind === 'project' && parent.scope === 'group') {
      const tooOld = unsupportedMessage(await this.deps.versionOf?.(parent.ref.instanceUrl), 'groupPackages', host);
      if (tooOld) return { kind: 'message', id, parent, text: tooOld, severity: 'info', action: { kind: 'none' } };
    }
    if (err.kind === 'notFound') {
      const what =
        parent.kind === 'package' ? 'Package not found (deleted?)' : parent.scope === 'group' ? 'Group not found' : 'Project or its package registry not found';
      return { kind: 'message', id, parent, text: what, detail: err.serverMessage, severity: 'warning', action: { kind: 'retry' } };
    }
    return errorRow(parent, err, 'state');
  }
}

function nameKey(p: Package): string {
  return `${p.packageType}:${p.name}`;
}

/** Package rows folded into one row per name (order of first appearance); other rows follow. */
function byName(project: ProjectNode, rows: TreeNode[]): TreeNode[] {
  const names = new Map<string, NameNode>();
  const rest: TreeNode[] = [];
  for (const r of rows) {
    if (r.kind !== 'package') {
      rest.push(r);
      continue;
    }
    const key = nameKey(r.pkg);
    const existing = names.get(key);
    if (existing) existing.versions++;
    else
      names.set(key, {
        kind: 'packageName',
        id: `${project.id}/name:${key}`,
        parent: project,
        key,
        name: displayName(r.pkg),
        packageType: r.pkg.packageType,
        versions: 1,
      });
  }
  return [...names.values(), ...rest];
}

function asGitLabError(e: unknown): GitLabError {
  if (isGitLabError(e)) return e;
  return new BadResponseError('', undefined, e instanceof Error ? e.message : String(e));
}

/** Rows shift between pages when packages are added or deleted meanwhile: keep ids unique. */
function appendUnique(existing: TreeNode[], added: TreeNode[]): TreeNode[] {
  const ids = new Set(existing.map((n) => n.id));
  return existing.concat(added.filter((n) => !ids.has(n.id) && ids.add(n.id)));
}

function errorRow(parent: ProjectNode | PackageNode, e: unknown, suffix: string): MessageNode {
  const err = asGitLabError(e);
  return {
    kind: 'message',
    id: `${parent.id}/${suffix}`,
    parent,
    text: `${err.message} — Retry`,
    detail: err.path,
    severity: 'error',
    action: { kind: 'retry' },
  };
}

function emptyRow(parent: ProjectNode | PackageNode, filtered = false): MessageNode {
  const text = parent.kind === 'project' ? (filtered ? 'No packages match the filter' : 'No packages') : 'No files';
  return { kind: 'message', id: `${parent.id}/empty`, parent, text, severity: 'info', action: { kind: 'none' } };
}

function badEntry(entry: string, reason: string, discriminator: number | string): ProjectErrorNode {
  return { kind: 'projectError', id: `projectError:${discriminator}:${entry}`, entry, reason };
}

function count(nodes: TreeNode[]): number {
  return nodes.filter((n) => n.kind === 'package' || n.kind === 'packageFile').length;
}
