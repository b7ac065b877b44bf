/**
 * Group by Package Name on and off: the palette toggle and the view-title pair (one shows when
 * grouping is off, the other when on, as SCM's list/tree switch). Written where the value the
 * user sees comes from, so a workspace setting is changed, not hidden behind.
 */
import { writeSetting } from '../../host/settings';
import type { CommandDeps, Handler } from '../shared/deps';

export function groupByNameCommand(deps: CommandDeps, value?: boolean): Handler {
  return () => writeSetting('groupByName', value ?? !deps.config().groupByName);
}
