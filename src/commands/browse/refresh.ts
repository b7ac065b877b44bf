/** Refresh: the whole tree from the view title, one row (and what is below it) from its context menu or a Retry row. */
import { isNode, type CommandDeps, type Handler } from '../shared/deps';

export function refreshCommand(deps: CommandDeps): Handler {
  return (node?: unknown) => {
    deps.model.refresh(isNode(node) ? node : undefined);
    return Promise.resolve();
  };
}
