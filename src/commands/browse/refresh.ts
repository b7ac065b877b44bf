/** Refresh: the whole tree from the view title, one row (and what is below it) from its context menu or a Retry row. */
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    deps.model.refresh(isNode(node) ? node : undefined);
    return Promise.resolve();
  };
}
