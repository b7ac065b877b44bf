/** Show Log: the extension's log (requests at debug level, failures, deletions). */
import type { CommandDeps, Handler } from '../shared/deps';

export function showLogCommand(deps: CommandDeps): Handler {
  return () => {
    deps.log.show();
    return Promise.resolve();
  };
}
