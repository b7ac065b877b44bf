/**
 * The "Protection Rules" row under a project and the rules below it, drawn from what the core
 * cache knows of the project (core/protection/protectionCache.ts). Users who may not read the
 * rules get no row at all. The rules are asked beside the project's first page of packages,
 * so locks show with the first rows; rules that land later redraw the project, once.
 */
import type { ProtectionCache, ProtectionKey } from '../core/protection/protectionCache';
import { text } from '../util/text';
import { background } from '../util/timers';
import { messageRowId, protectionRuleRowId, protectionRulesRowId } from './nodeIds';
import type { MessageNode, ProjectNode, ProtectionRuleNode, ProtectionRulesNode, TreeNode } from './nodes';

export interface ProtectionRowsDeps {
  cache: ProtectionCache;
  /** Redraws a project whose rules landed after it was shown without them. */
  redraw(node: ProjectNode): void;
  /** How long the packages wait for the rules after their first page is in (ms, default 1,000). */
  graceMs?: number;
}

const GRACE_MS = 1_000;

export class ProtectionRows {
  /** Projects shown without their rules, to be redrawn once when the rules land (not once per redraw meanwhile). */
  private readonly redrawPending = new Set<ProjectNode>();
  private readonly stopListening: () => void;

  constructor(private readonly deps: ProtectionRowsDeps) {
    this.stopListening = deps.cache.onDidLand((key) => this.landed(key));
  }

  /**
   * The rows a project shows above its packages: "Protection Rules", or nothing. Waited for
   * beside the first page of packages, but never much longer than it (a slow or hanging rules
   * endpoint must not hold the packages back).
   */
  async rowsFor(node: TreeNode | undefined, firstPage: Promise<void>): Promise<TreeNode[]> {
    if (node?.kind !== 'project' || !node.project) return [];
    const rules = this.deps.cache.read(node);
    const late = Symbol('late');
    const grace = firstPage.then(() => new Promise<typeof late>((resolve) => background(setTimeout(() => resolve(late), this.deps.graceMs ?? GRACE_MS))));
    const first = await Promise.race([rules, grace]);
    if (first === late) {
      if (!this.redrawPending.has(node)) {
        this.redrawPending.add(node);
        // A read dropped before it lands (a refresh) redraws nothing here: the refresh redraws.
        void rules.then(() => this.redrawPending.delete(node));
      }
      // A re-read (a rule added, edited or deleted) keeps what was known: the row stays, as the locks do.
      return this.deps.cache.known(node) ? this.row(node) : [];
    }
    return first ? this.row(node) : [];
  }

  private row(node: ProjectNode): ProtectionRulesNode[] {
    return [{ kind: 'protectionRules', id: protectionRulesRowId(node), parent: node }];
  }

  ruleRows(node: ProtectionRulesNode): (ProtectionRuleNode | MessageNode)[] {
    const rules = node.parent.protection?.rules ?? [];
    if (!rules.length)
      return [
        { kind: 'message', id: messageRowId(node, 'empty'), parent: node, text: text('No protection rules'), severity: 'info', action: { kind: 'none' } },
      ];
    return rules.map((rule) => ({ kind: 'protectionRule', id: protectionRuleRowId(node, rule.id), parent: node, rule }));
  }

  dispose(): void {
    this.stopListening();
    this.redrawPending.clear();
  }

  /** A project's read landed (heard before its readers resume): a row shown without its rules is redrawn when there are rules to show. */
  private landed(key: ProtectionKey): void {
    for (const node of this.redrawPending) {
      if (node.ref.instanceUrl !== key.instanceUrl || node.project?.id !== key.projectId) continue;
      this.redrawPending.delete(node);
      if (node.protection) this.deps.redraw(node);
    }
  }
}
