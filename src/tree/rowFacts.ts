/**
 * Rows read the facts kept in core — their instance's token state (core/instances/instanceHealth.ts),
 * their project's protection rules and the user's role (core/protection/protectionCache.ts) — each
 * time they are drawn, never a copy: a fact that changes is seen at once by every row showing it,
 * and no loader can leave a stale one behind.
 */
import type { ListedUnder } from '../core/browse/packageOwner';
import type { InstanceStatus } from '../core/instances/instanceHealth';
import type { ProjectProtection } from '../core/protection/protectionRules';
import type { InstanceNode, SourceNode } from './nodes';

export interface RowFacts {
  instanceStatus(instanceUrl: string): InstanceStatus | undefined;
  protection(listed: ListedUnder): ProjectProtection | undefined;
}

/** The row, its `status` (an instance), `readOnly` (a project or group) and `protection` (a project) reading the facts. */
export function readingFacts<T extends SourceNode | InstanceNode>(node: T, facts: RowFacts): T {
  const live = (name: string, get: () => unknown): void => {
    Object.defineProperty(node, name, { get, enumerable: true, configurable: true });
  };
  if (node.kind === 'instance') live('status', () => facts.instanceStatus(node.instanceUrl));
  else live('readOnly', () => facts.instanceStatus(node.ref.instanceUrl)?.token.canDelete === false || undefined);
  if (node.kind === 'project') live('protection', () => facts.protection(node));
  return node;
}
