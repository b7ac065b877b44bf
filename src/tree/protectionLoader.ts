/**
 * The "Protection Rules" row under a project and the rules below it. The rules are read once
 * per project (alongside its first page of packages, so locks show with the first rows) and
 * kept on the project row, where package rows, deletes and clean-up read them. Users who may
 * not read them get no row at all.
 */
import { loadProtection, mayReadRules } from '../core/protection/projectProtection';
import { ADMIN_MODE_NEEDED, adminModeDecides, protectionOf, ruleFor, type AdminStanding, type ProjectProtection } from '../core/protection/protectionRules';
import type { Package, Project } from '../gitlab/models';
import type { ProjectRef } from '../core/projects/projectRef';
import type { GitLabVersion } from '../core/instances/versionGates';
import type { GitLabClient } from '../gitlab/client';
import { text, type Text } from '../util/text';
import { background } from '../util/timers';
import type { MessageNode, ProjectNode, ProtectionRuleNode, ProtectionRulesNode, SourceNode, TreeNode } from './nodes';

export interface ProtectionLoaderDeps {
  clientFor(ref: ProjectRef): GitLabClient;
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
  /** The token's user as an instance administrator (asked once per instance; undefined when not one, or unknown). */
  adminStanding?(instanceUrl: string): Promise<AdminStanding | undefined>;
  /** The project's rules were read again (refresh) or showed a delete level: delete protection may be on there. */
  deleteProtectionMayBeOn?(instanceUrl: string, projectId: number): void;
  /** How long the packages wait for the rules after their first page is in (ms, default 1,000). */
  graceMs?: number;
}

const GRACE_MS = 1_000;

export class ProtectionLoader {
  private readonly loads = new Map<
    string,
    { controller: AbortController; done: Promise<ProjectProtection | undefined>; instanceUrl: string; projectId: number }
  >();
  /** Projects shown without their rules, to be redrawn once when the rules land (not once per redraw meanwhile). */
  private readonly redrawPending = new Set<string>();

  constructor(private readonly deps: ProtectionLoaderDeps) {}

  /** The rules of a looked-up project (read once; undefined for those who may not read them). */
  protectionOf(node: ProjectNode): Promise<ProjectProtection | undefined> {
    const project = node.project;
    if (!project) return Promise.resolve(undefined);
    let load = this.loads.get(node.id);
    if (!load) {
      const controller = new AbortController();
      const done = this.load(node, project, controller.signal).then(
        (p) => (p?.rules.some((r) => r.minimumAccessLevelForDelete !== undefined) && this.deps.deleteProtectionMayBeOn?.(node.ref.instanceUrl, project.id), p),
        () => undefined,
      );
      this.loads.set(node.id, (load = { controller, done, instanceUrl: node.ref.instanceUrl, projectId: project.id }));
    }
    const current = load;
    // Kept on the row that asks (a reloaded root has new rows for the same project), unless forgotten meanwhile.
    return current.done.then((p) => {
      if (this.loads.get(node.id) === current) node.protection = p;
      return p;
    });
  }

  /**
   * With the server's version known, the gates decide before anything is sent; while it is
   * still being asked (right after activation), the rules are asked beside it rather than after
   * it — one round trip less before the first rows — and dropped if the server turns out too old.
   */
  private async load(node: ProjectNode, project: Project, signal: AbortSignal): Promise<ProjectProtection | undefined> {
    const client = this.deps.clientFor(node.ref);
    const version = this.deps.versionOf?.(node.ref.instanceUrl) ?? Promise.resolve(undefined);
    const unknown = Symbol('unknown');
    // An already settled promise wins the race against one made after it: "known now" or not.
    const known = await Promise.race([version, Promise.resolve(unknown)]);
    const admin = (): Promise<AdminStanding | undefined> => this.deps.adminStanding?.(node.ref.instanceUrl) ?? Promise.resolve(undefined);
    if (known !== unknown) return loadProtection(client, project, known, signal, admin);
    const [v, protection] = await Promise.all([version, loadProtection(client, project, undefined, signal, admin)]);
    return mayReadRules(project, v) ? protection : undefined;
  }

  /**
   * For deletes and clean-up: why a package listed under `node` will be refused by a protection
   * rule (reading the rules first if need be), or undefined. Group lists read no rules.
   */
  async refusalsFor(node: SourceNode): Promise<(pkg: Package) => Text | undefined> {
    const protection = node.kind === 'project' ? await this.protectionOf(node) : undefined;
    return protection ? protectionOf(protection) : () => undefined;
  }

  /**
   * For clean-up: a note when some of `candidates` (listed under `node`) are covered by a rule
   * that refuses the user's role and only GitLab can say whether it lets this administrator
   * delete them (Admin Mode): they are not sure candidates. Undefined when there are none.
   */
  async adminModeNote(node: SourceNode, candidates: readonly Package[]): Promise<Text | undefined> {
    const protection = node.kind === 'project' ? await this.protectionOf(node) : undefined;
    const unsure = protection ? candidates.filter((pkg) => adminModeDecides(protection, ruleFor(pkg, protection.rules))).length : 0;
    return unsure
      ? text(
          '{0} of the candidates are covered by a protection rule above your role: GitLab deletes them only if it lets you through ({1})',
          unsure,
          ADMIN_MODE_NEEDED,
        )
      : undefined;
  }

  /**
   * The rows a project shows above its packages: "Protection Rules", or nothing. Waited for
   * beside the first page of packages, but never much longer than it (a slow or hanging rules
   * endpoint must not hold the packages back): rules that land later redraw the project.
   */
  async rowsFor(node: TreeNode | undefined, firstPage: Promise<void>, redraw: (node: ProjectNode) => void): Promise<TreeNode[]> {
    if (node?.kind !== 'project' || !node.project) return [];
    const rules = this.protectionOf(node);
    const late = Symbol('late');
    const grace = firstPage.then(() => new Promise<typeof late>((resolve) => background(setTimeout(() => resolve(late), this.deps.graceMs ?? GRACE_MS))));
    const first = await Promise.race([rules, grace]);
    if (first === late) {
      if (!this.redrawPending.has(node.id)) {
        this.redrawPending.add(node.id);
        void rules.then((p) => {
          this.redrawPending.delete(node.id);
          if (p) redraw(node);
        });
      }
      return [];
    }
    return first ? [{ kind: 'protectionRules', id: `${node.id}/protectionRules`, parent: node }] : [];
  }

  ruleRows(node: ProtectionRulesNode): (ProtectionRuleNode | MessageNode)[] {
    const rules = node.parent.protection?.rules ?? [];
    if (!rules.length)
      return [{ kind: 'message', id: `${node.id}/empty`, parent: node, text: text('No protection rules'), severity: 'info', action: { kind: 'none' } }];
    return rules.map((rule) => ({ kind: 'protectionRule', id: `${node.id}/rule:${rule.id}`, parent: node, rule }));
  }

  /** Resolves once the rules reads under way (and the administrator checks they ask) have landed. */
  async whenSettled(): Promise<void> {
    await Promise.all([...this.loads.values()].map((l) => l.done));
  }

  /** Read again next time (a refresh, a rule changed); `undefined`: every project. */
  forget(node?: { id: string }): void {
    for (const [id, load] of this.loads) {
      if (!node || id === node.id) {
        load.controller.abort();
        this.deps.deleteProtectionMayBeOn?.(load.instanceUrl, load.projectId);
        this.loads.delete(id);
      }
    }
  }
}
