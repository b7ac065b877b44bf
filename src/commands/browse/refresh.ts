/**
 * Refresh: the whole tree from the view title, one row (and what is below it) from its context menu
 * or a Retry row. Either forgets the lockfile checks' answers, so they are asked again.
 */
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    deps.model.refresh(isNode(node) ? node : undefined);
    // What the registry said about lockfile entries may be as old as the rows.
    deps.lockfileChecks.registryChanged();
    deps.downloadVerdicts.clear();
    return Promise.resolve();
  };
}
