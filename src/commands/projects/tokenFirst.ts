/** Adding a project or group of an instance without a token: offer to set one first, then carry on. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../constants';
import type { ProjectRef } from '../../core/projects/projectRef';
import { isGitLabError } from '../../gitlab/errors';
import type { CommandDeps } from '../shared/deps';

export /**
 * A lookup failed on an instance we hold no token for: ask (modal — the user is mid-way through
 * adding something, and a toast can go unseen) to set one first.
 */
async function offerTokenFirst(deps: CommandDeps, ref: ProjectRef, e: unknown): Promise<'set' | 'declined' | 'notOffered'> {
  if (!isGitLabError(e) || (e.kind !== 'notFound' && e.kind !== 'unauthorized') || (await deps.tokens.has(ref.origin))) return 'notOffered';
  const setToken = vscode.l10n.t('Set Access Token…');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} was not found. If it is private, set an access token for {1} first.', String(ref.key), new URL(ref.origin).host),
    { modal: true, detail: vscode.l10n.t('It is added once the token is checked.') },
    setToken,
  );
  if (choice !== setToken) return 'declined';
  await vscode.commands.executeCommand(COMMANDS.setToken, ref.instanceUrl);
  return (await deps.tokens.has(ref.origin)) ? 'set' : 'declined';
}
