/**
 * A delete asks again about what a workspace lockfile resolves to (`lockfiles.guardDeletes`):
 * after the confirmation, one modal naming the lockfiles and lines — "Delete Anyway" (several:
 * "Delete All"), and "Delete the Others Only" when some is not in use; Cancel deletes nothing.
 * The lockfiles are read once the first answer is in (the user may have edited one meanwhile);
 * the question is the lockfile engine's (core/lockfiles/lockfileGuard.ts), shown here.
 */
import * as vscode from 'vscode';
import type { GuardTarget } from '../../core/lockfiles/lockfileGuard';
import { say } from '../../host/l10n';
import { bulletLines } from '../../host/bulletList';
import type { CommandDeps } from './deps';

/** What the delete flow's confirmation resolves with: true for all of them, the ones to delete, or false for none. */
export async function askAgainIfInUse<T>(deps: CommandDeps, targets: T[], of: (target: T) => GuardTarget): Promise<boolean | T[]> {
  const q = deps.config().lockfiles.guardDeletes && (await deps.lockfileGuard())?.question(targets, of);
  if (!q) return true;
  const all = say(q.all);
  const others = q.onlyOthers && say(q.onlyOthers.button);
  const detail = [...bulletLines(q.lines, say), '', say(q.note)].join('\n');
  const choice = await vscode.window.showWarningMessage(say(q.message), { modal: true, detail }, ...(others ? [others] : []), all);
  // `others` is undefined exactly when `onlyOthers` is: a dismissed modal deletes nothing.
  return choice === all || (choice === others && q.onlyOthers?.targets) || false;
}
