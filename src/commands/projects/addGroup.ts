/** Add Group…: a group whose projects' packages are listed together, checked by reading one page of them. */
import * as vscode from 'vscode';
import { parseGroupEntry, type ProjectRef } from '../../core/projects/projectRef';
import { unsupportedMessage } from '../../core/instances/versionGates';
import { isGitLabError } from '../../gitlab/errors';
import { writeProjectEntries } from '../../host/settings';
import { say } from '../../host/l10n';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCancellableProgress } from '../shared/progress';
import { offerTokenFirst } from './tokenFirst';

export function addGroupCommand(deps: CommandDeps): Handler {
  return async () => {
    const config = deps.config();
    const entry = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Add GitLab Group'),
        prompt: vscode.l10n.t("A group path (acme or acme/platform), numeric ID, or group URL. Its projects' packages are listed together."),
        placeHolder: 'group/subgroup',
        ignoreFocusOut: true,
        validateInput: (v) => {
          const parsed = parseGroupEntry(v, config.instanceUrl, [config.instanceUrl]);
          return parsed.ok ? undefined : say(parsed.reason);
        },
      })
    )?.trim();
    if (!entry) return;
    const parsed = parseGroupEntry(entry, config.instanceUrl, [config.instanceUrl]);
    if (!parsed.ok) throw new Error(say(parsed.reason));
    if (config.groupEntries.includes(entry)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in the list.', entry));
      return;
    }
    await lookUpGroupAndAdd(deps, parsed.ref, entry, true);
  };
}

async function lookUpGroupAndAdd(deps: CommandDeps, ref: ProjectRef, entry: string, mayAskForToken: boolean): Promise<void> {
  // One page of the group's packages: proves the group exists and is readable.
  try {
    await withCancellableProgress(vscode.l10n.t('Looking up {0}…', entry), (signal) =>
      deps.clients.get(ref.instanceUrl).groupPackagesPage(ref.key, {}, 1, signal),
    );
  } catch (e) {
    const offer = mayAskForToken ? await offerTokenFirst(deps, ref, e) : 'notOffered';
    if (offer === 'set') return lookUpGroupAndAdd(deps, ref, entry, false);
    if (offer === 'declined') return;
    if (isGitLabError(e) && e.kind === 'notFound') {
      // Before 12.5 there is no group endpoint at all: say that, not "not found".
      const tooOld = unsupportedMessage(await deps.facts.version(ref.instanceUrl), 'groupPackages', new URL(ref.instanceUrl).host);
      throw new Error(tooOld ? say(tooOld) : vscode.l10n.t('Group {0} was not found, or your token has no access to it.', entry));
    }
    throw e;
  }
  await writeProjectEntries([...deps.config().groupEntries, entry], 'groups');
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0}.', entry));
}
