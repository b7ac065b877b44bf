/** Clear Filter: of one project (its row) or of all (the view title). */
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';
import { filtersChanged } from './filtersChanged';

export function clearFilterCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const project = isNode(node) && (node.kind === 'project' || node.kind === 'group') ? node : undefined;
    await deps.filters.clear(project?.ref);
    filtersChanged(deps);
  };
}
