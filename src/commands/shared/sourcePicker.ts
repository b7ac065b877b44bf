/** Which project (or group) a palette delete or clean-up acts on: one whose token may delete. */
import * as vscode from 'vscode';
import type { SourceNode } from '../../tree/nodes';
import { instanceLabel, projectLabel } from '../../tree/presentation';
import type { CommandDeps } from './deps';
import { readOnlyTokenMessage } from './readOnlyToken';
import { literalIcons } from '../../util/literalText';

/** A reachable project (or, with `groups`, a group) whose token may delete; says why when there is none. */
export async function pickWritableSource(deps: CommandDeps, placeHolder: string, groups: boolean): Promise<SourceNode | undefined> {
  const reachable = (await deps.model.projects()).filter((p) => p.project || (groups && p.kind === 'group'));
  // A token set a moment ago is still being looked at: wait for that check, not a guess.
  const writable = await Promise.all(reachable.map((p) => deps.health.tokenMayDelete(p.ref.instanceUrl)));
  const projects = reachable.filter((_p, i) => writable[i]);
  if (reachable.length && !projects.length) {
    readOnlyTokenMessage(reachable[0]);
    return undefined;
  }
  if (!projects.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reachable GitLab projects. Add a project and set an access token first.'));
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const items = projects.map((p) => ({ label: literalIcons(projectLabel(p)), description: p.parent ? instanceLabel(p.parent.instanceUrl) : undefined, p }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.p;
}
