/**
 * The root rows: projects detected from git remotes first, then the configured projects (each
 * looked up, so a wrong entry says so at once), then groups (looked up when expanded); under
 * one row per instance when more than one is in use.
 */
import { describeFilter, type PackageFilter } from '../core/browse/packageFilter';
import { refIdentity, type ParsedEntry, type ProjectRef } from '../core/projects/projectRef';
import type { GitLabClient } from '../gitlab/client';
import { asGitLabError } from '../gitlab/errors';
import { text } from '../util/text';
import { byInstance } from './grouping';
import { groupRowId, projectRowId } from './nodeIds';
import type { GroupNode, ProjectErrorNode, ProjectNode, TreeNode } from './nodes';
import { readingFacts, type RowFacts } from './rowFacts';
import { badEntry } from './rows';

export interface RootLoaderDeps {
  entries(): ParsedEntry[];
  groupEntries?(): ParsedEntry[];
  detectedProjects?(): ProjectRef[];
  clientFor(ref: ProjectRef): GitLabClient;
  hasToken(origin: string): Promise<boolean>;
  /** What the rows read of the token state and the protection rules (never copied onto them). */
  facts: RowFacts;
  filterFor?(ref: ProjectRef): PackageFilter;
  /** Origins only the workspace's settings name (their rows say so). */
  workspaceNamedOrigins?(): ReadonlySet<string>;
}

export class RootLoader {
  constructor(private readonly deps: RootLoaderDeps) {}

  async load(signal: AbortSignal): Promise<TreeNode[]> {
    const entries = this.deps.entries();
    const configured = new Set(entries.flatMap((e) => (e.ok ? [refIdentity(e.ref)] : [])));
    const detected = (this.deps.detectedProjects?.() ?? []).filter((ref) => !configured.has(refIdentity(ref)));
    const detectedNodes = await Promise.all(detected.map((ref) => this.resolveProject(ref, signal, true)));
    const projects = await Promise.all(entries.map((e, i) => (e.ok ? this.resolveProject(e.ref, signal) : Promise.resolve(badEntry(e.entry, e.reason, i)))));
    // Groups are not looked up: a wrong one says so when expanded (404 Group Not Found).
    const groupNodes = (this.deps.groupEntries?.() ?? []).map((g, i): GroupNode | ProjectErrorNode =>
      g.ok ? { kind: 'group', id: groupRowId(g.ref), ref: g.ref, filterText: this.filterText(g.ref) } : badEntry(g.entry, g.reason, `group${i}`),
    );
    const nodes = [...detectedNodes.filter((n) => n.kind === 'project'), ...projects, ...groupNodes];
    const fromWorkspace = this.deps.workspaceNamedOrigins?.() ?? new Set<string>();
    for (const n of nodes) {
      if (n.kind === 'projectError') continue;
      readingFacts(n, this.deps.facts);
      n.workspaceNamed = fromWorkspace.has(n.ref.origin) || undefined;
    }
    const instances = new Set(nodes.flatMap((n) => (n.kind !== 'projectError' ? [n.ref.instanceUrl] : [])));
    if (instances.size <= 1) return nodes;
    const rows = byInstance(nodes, this.deps.facts);
    for (const r of rows) if (r.kind === 'instance') r.workspaceNamed = fromWorkspace.has(new URL(r.instanceUrl).origin) || undefined;
    return rows;
  }

  private filterText(ref: ProjectRef): ProjectNode['filterText'] {
    return describeFilter(this.deps.filterFor?.(ref) ?? {});
  }

  private async resolveProject(ref: ProjectRef, signal: AbortSignal, detected = false): Promise<ProjectNode | ProjectErrorNode> {
    const node: ProjectNode = {
      kind: 'project',
      detected: detected || undefined,
      id: projectRowId(ref, detected),
      ref,
      filterText: this.filterText(ref),
    };
    try {
      // The id stays the entry's, so expansion survives a token change that makes it resolvable.
      node.project = await this.deps.clientFor(ref).getProject(ref.key, signal);
    } catch (e) {
      // A replaced load's cancellation is nobody's error: its rows are never shown.
      if (signal.aborted) return node;
      const err = asGitLabError(e);
      // A 404 with a token means the project does not exist or is invisible to this user.
      if (err.kind === 'notFound' && (await this.deps.hasToken(ref.origin))) {
        const reason = err.serverMessage
          ? text('Project not found, or your token has no access to it ({0})', err.serverMessage)
          : text('Project not found, or your token has no access to it');
        return badEntry(ref.entry, reason, ref.entry);
      }
      node.resolveError = err;
    }
    return node;
  }
}
