/**
 * Refresh: the whole tree from the view title, one row (and what is below it) from its context menu
 * or a Retry row; the lockfile checks forget what the registry said about the same part
 * (shared/registryChanged.ts).
 */
import type { CommandDeps, Handler } from '../shared/deps';
import { registryChanged } from '../shared/registryChanged';
import { isNode } from '../shared/targets';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    registryChanged(deps, isNode(node) ? node : undefined);
    return Promise.resolve();
  };
}
