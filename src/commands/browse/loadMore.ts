/** Load more…: the next rows after a "Load more…" row (a second click while they load does nothing more). */
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';

export function loadMoreCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    if (isNode(node) && node.kind === 'loadMore') await deps.model.loadMore(node);
  };
}
