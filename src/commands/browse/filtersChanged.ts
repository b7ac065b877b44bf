/** After Filter… or Clear Filter: the view shows the new filters (description, context key) and lists again. */
import type { CommandDeps } from '../shared/deps';

export function filtersChanged(deps: CommandDeps): void {
  deps.viewState.update();
  deps.model.refresh();
}
