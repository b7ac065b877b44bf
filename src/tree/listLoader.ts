/**
 * Loads what a project, group or package lists: the first page at once, the rest in the
 * background (bounded concurrency in the client, speculative pages when the server gives no
 * total), "Load more…" past the cap, and filtering here for servers that cannot filter.
 *
 * Each redraw of a list makes VS Code fetch and carry the whole list again (on code-server,
 * on to the browser), and after any redraw of the view — even of one row — VS Code moves the
 * keyboard focus from the tree's find widget back to the list (treeView.ts, `doRefresh`), so a
 * user typing there loses keys. A long list is therefore redrawn twice and nothing in between:
 * the first page under a "Loading 100 of 10,000…" row (first in the list), then everything
 * once it is in; the view's progress bar runs meanwhile. A slow server gets the rows so far
 * (and the count) at growing intervals (2 s, 4 s, 8 s…), so a user is never left with one page.
 *
 * A filter is applied by the server; here only where the server cannot (its version drops a
 * parameter without a word, or it answered 400): then everything is listed and filtered here.
 */
import { applyLocally, basicQuery, hasFilter, isDefault, notSent, toQuery, type PackageFilter } from '../core/browse/packageFilter';
import { FILE_ORDER } from '../core/browse/fileOrder';
import { listKey, owningProject } from '../core/browse/packageOwner';
import type { ProjectRef } from '../core/projects/projectRef';
import { supports, type GitLabVersion } from '../core/instances/versionGates';
import type { GitLabClient } from '../gitlab/client';
import { isGitLabError } from '../gitlab/errors';
import type { Package, PackageFile } from '../gitlab/models';
import type { Page } from '../gitlab/pagination';
import { text } from '../util/text';
import { fileRowId, packageRowId } from './nodeIds';
import type { FileNode, LoadMoreNode, MessageNode, PackageNode, SourceNode, TreeNode } from './nodes';
import { appendUnique, count, emptyRow, errorRow, infoRow, loadingRow, loadingText, listTail, loadMoreRow, stateRow, type ListNode } from './rows';

/** What is loaded below one row, and how to stop it. */
export interface Loaded {
  nodes: TreeNode[];
  controller: AbortController;
  /** Settles when the first batch is there. */
  ready: Promise<void>;
  /** Settles when nothing more loads in the background. */
  settled: Promise<void>;
}

export interface ListLoaderDeps {
  clientFor(ref: ProjectRef): GitLabClient;
  hasToken(origin: string): Promise<boolean>;
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
  filterFor?(ref: ProjectRef): PackageFilter;
  includeSubgroups?(): boolean;
  /** The list of `node` changed (all rows in, rows so far from a slow server, Load more). */
  onDidChange(node: ListNode): void;
  /** The loaded state is still the one shown (a refresh replaces it). */
  isCurrent(node: ListNode, loaded: Loaded): boolean;
  maxRows: number;
  loadMoreRows: number;
  /** The first redraw of a still-loading list's rows comes this long after the first page (ms); then at doubling intervals. */
  slowRedrawMs: number;
}

type Item = Package | PackageFile;

export class ListLoader {
  constructor(private readonly deps: ListLoaderDeps) {}

  /** Fills `loaded` with the first rows; the rest follows in the background (see `loaded.settled`). */
  async load(node: ListNode, loaded: Loaded, setSettled: (p: Promise<void>) => void): Promise<void> {
    const signal = loaded.controller.signal;
    if (node.kind === 'project' && node.resolveError) {
      loaded.nodes = [await stateRow(node, node.resolveError, this.deps)];
      return;
    }
    const maxPages = Math.max(1, Math.ceil(this.deps.maxRows / 100));
    const sent = node.kind === 'package' ? undefined : await this.serverPart(node);
    if (node.kind !== 'package' && sent) return this.filterHere(node, loaded, maxPages, sent);
    const pages = this.pagesFor(node, 1, maxPages, signal);
    let first: IteratorResult<Page<Item>>;
    try {
      first = await pages.next();
    } catch (e) {
      if (node.kind !== 'package' && isGitLabError(e) && e.kind === 'badRequest' && !isDefault(this.filterOf(node)))
        return this.filterHere(node, loaded, maxPages, {});
      loaded.nodes = [await stateRow(node, e, this.deps)];
      return;
    }
    if (first.done || first.value.items.length === 0) {
      loaded.nodes = [emptyRow(node, node.kind !== 'package' && hasFilter(this.filterOf(node)))];
      return;
    }
    loaded.nodes = this.toNodes(node, first.value.items);
    if (first.value.nextPage === undefined) {
      loaded.nodes = [...loaded.nodes, ...listTail(node, first.value, count(loaded.nodes))];
      return;
    }
    if (maxPages <= 1) {
      await pages.return(undefined);
      loaded.nodes = [...loaded.nodes, loadMoreRow(node, first.value.nextPage, count(loaded.nodes))];
      return;
    }
    const firstRows = loaded.nodes;
    const progress = loadingRow(node, count(firstRows), first.value.total);
    // On top, where it is seen: below 100 rows it would be out of view.
    loaded.nodes = [progress, ...firstRows];
    setSettled(this.continueInBackground(node, loaded, firstRows, progress, first.value, pages, maxPages));
  }

  /** Appends the rows after a "Load more…" row in place of it. */
  async appendAfter(row: LoadMoreNode, loaded: Loaded): Promise<void> {
    if (!loaded.nodes.includes(row)) return;
    const signal = loaded.controller.signal;
    const pages = this.pagesFor(row.parent, row.nextPage, Math.max(1, Math.ceil(this.deps.loadMoreRows / 100)), signal);
    let appended: TreeNode[] = [];
    let last: Page<Item> | undefined;
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
    const more = listTail(row.parent, last, row.loaded + count(appended));
    loaded.nodes = [...appendUnique(loaded.nodes.slice(0, index), appended), ...more];
    this.deps.onDidChange(row.parent);
  }

  private async continueInBackground(
    node: ListNode,
    loaded: Loaded,
    firstRows: TreeNode[],
    progress: MessageNode,
    first: Page<Item>,
    pages: AsyncGenerator<Page<Item>>,
    lastPage: number,
  ): Promise<void> {
    const signal = loaded.controller.signal;
    // Package or file rows only, so rows.length is their count.
    const rows = [...firstRows];
    const ids = new Set(rows.map((r) => r.id));
    const shown = (): boolean => !signal.aborted && this.deps.isCurrent(node, loaded);
    let nextRedraw = Date.now() + this.deps.slowRedrawMs;
    let redrawEvery = this.deps.slowRedrawMs;
    const redraw = (tail: TreeNode[], head: TreeNode[] = []): void => {
      if (!shown()) return;
      loaded.nodes = [...head, ...rows, ...tail];
      this.deps.onDidChange(node);
    };
    let last = first;
    try {
      for await (const page of pages) {
        // Rows shift between pages when packages come and go meanwhile: keep ids unique.
        for (const row of this.toNodes(node, page.items)) if (!ids.has(row.id) && ids.add(row.id)) rows.push(row);
        last = page;
        // Current for any redraw of the list meanwhile (protection rules, a collapse and expand), without one of its own.
        progress.text = loadingText(rows.length, first.total);
        const now = Date.now();
        // Not on the last page of this load: the final redraw follows at once.
        if (now >= nextRedraw && page.nextPage !== undefined && page.page < lastPage) {
          redraw([], [progress]);
          redrawEvery *= 2;
          nextRedraw = now + redrawEvery;
        }
      }
      redraw(listTail(node, last, rows.length));
    } catch (e) {
      if (!signal.aborted) redraw([errorRow(node, e, 'more')]);
    }
  }

  /** `sent`: the part of the filter to send when not all of it (nothing at all: the query without filters or order). */
  private pagesFor(node: ListNode, startPage: number, maxPages: number, signal: AbortSignal, sent?: PackageFilter): AsyncGenerator<Page<Item>> {
    const paging = { startPage, maxPages, signal };
    if (node.kind === 'package')
      return this.deps.clientFor(node.parent.ref).packageFiles(owningProject(node.pkg, node.parent), node.pkg.id, FILE_ORDER, paging);
    const client = this.deps.clientFor(node.ref);
    const query = !sent ? toQuery(this.filterOf(node)) : isDefault(sent) ? basicQuery() : toQuery(sent);
    if (node.kind === 'project') return client.projectPackages(listKey(node), query, paging);
    const excludeSubgroups = this.deps.includeSubgroups?.() === false ? true : undefined;
    return client.groupPackages(listKey(node), { ...query, excludeSubgroups }, paging);
  }

  /**
   * Servers drop filter parameters they do not know without a word: all before 12.9, status
   * before 13.9, a group's name before 13.0, version before 16.6. The part of the filter such
   * a server knows (`{}` before 12.9), or undefined when it knows all. An unknown version is
   * trusted (as everywhere): its answer is shown as the server filtered it.
   */
  private async serverPart(node: SourceNode): Promise<PackageFilter | undefined> {
    const f = this.filterOf(node);
    if (isDefault(f) || !this.deps.versionOf) return undefined;
    const version = await this.deps.versionOf(node.ref.instanceUrl);
    if (!supports(version, 'listFilters')) return {};
    const known: PackageFilter = {
      ...f,
      status: supports(version, 'statusFilter') ? f.status : undefined,
      packageVersion: supports(version, 'versionFilter') ? f.packageVersion : undefined,
      packageName: node.kind === 'project' || supports(version, 'groupNameFilter') ? f.packageName : undefined,
    };
    return known.status === f.status && known.packageVersion === f.packageVersion && known.packageName === f.packageName ? undefined : known;
  }

  private filterOf(node: SourceNode): PackageFilter {
    return this.deps.filterFor?.(node.ref) ?? {};
  }

  /** An old server refused the filter (400) or ignores some of it: list what it filters (up to the cap) and filter the rest here. */
  private async filterHere(node: SourceNode, loaded: Loaded, maxPages: number, sent: PackageFilter): Promise<void> {
    const items: Package[] = [];
    let next: number | undefined;
    let unsure = false;
    try {
      for await (const page of this.pagesFor(node, 1, maxPages, loaded.controller.signal, sent)) {
        items.push(...(page.items as Package[]));
        next = page.nextPage;
        unsure = page.unsure === true;
      }
    } catch (e) {
      loaded.nodes = [await stateRow(node, e, this.deps)];
      return;
    }
    const kept = applyLocally(items, notSent(this.filterOf(node), sent));
    const note = infoRow(
      node,
      'filtered-here',
      next !== undefined
        ? text('This GitLab cannot apply this filter on the server: filtered here (only the first {0} packages were searched)', items.length)
        : text('This GitLab cannot apply this filter on the server: filtered here'),
    );
    const tail = next === undefined ? listTail(node, { unsure }, 0) : [];
    loaded.nodes = [note, ...(kept.length ? this.toNodes(node, kept) : [emptyRow(node, true)]), ...tail];
  }

  /** The server's rows as they came: it filtered them (re-filtering here would drop what its terms matched). */
  private toNodes(parent: ListNode, items: Item[]): TreeNode[] {
    if (parent.kind !== 'package') return (items as Package[]).map((pkg): PackageNode => ({ kind: 'package', id: packageRowId(parent, pkg.id), parent, pkg }));
    return (items as PackageFile[]).map((file): FileNode => ({ kind: 'packageFile', id: fileRowId(parent, file.id), parent, file }));
  }
}
