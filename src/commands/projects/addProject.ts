/**
 * Add Project…: a path, id or project URL, checked with GET /projects/:id before it is written to
 * the settings. A string argument pre-fills the box (Reveal in Packages View offers the project).
 */
import * as vscode from 'vscode';
import { parseProjectEntry, type ProjectRef } from '../../core/projects/projectRef';
import { parsedEntries } from '../../core/config';
import { isGitLabError } from '../../gitlab/errors';
import { writeProjectEntries } from '../../host/settings';
import { say } from '../../host/l10n';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCancellableProgress } from '../shared/progress';
import { offerTokenFirst } from './tokenFirst';

export function addProjectCommand(deps: CommandDeps): Handler {
  return async (prefill?: unknown) => {
    const config = deps.config();
    const entry = await vscode.window.showInputBox({
      value: typeof prefill === 'string' ? prefill : undefined,
      title: vscode.l10n.t('Add GitLab Project'),
      prompt: vscode.l10n.t('Project path (group/project), numeric ID, or project URL. Paths and IDs use {0}.', config.instanceUrl),
      placeHolder: 'group/subgroup/project',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const parsed = parseProjectEntry(v, config.instanceUrl, [config.instanceUrl]);
        return parsed.ok ? undefined : say(parsed.reason);
      },
    });
    if (!entry?.trim()) return;
    const parsed = parseProjectEntry(entry.trim(), config.instanceUrl, [config.instanceUrl]);
    if (!parsed.ok) throw new Error(say(parsed.reason));
    await lookUpAndAdd(deps, parsed.ref, entry.trim(), true);
  };
}

/** Adds the entry once GitLab confirms the project; offers a token first when one is missing. */
async function lookUpAndAdd(deps: CommandDeps, ref: ProjectRef, entry: string, mayAskForToken: boolean): Promise<void> {
  const config = deps.config();
  const client = deps.clients.get(ref.instanceUrl);
  try {
    const project = await withCancellableProgress(vscode.l10n.t('Looking up {0}…', String(ref.key)), (signal) => client.getProject(ref.key, signal));
    const existing = parsedEntries(config).some(
      (e) => e.ok && e.ref.origin === ref.origin && (e.ref.key === project.id || e.ref.key === project.pathWithNamespace),
    );
    if (existing) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in the list.', project.pathWithNamespace));
      return;
    }
    await writeProjectEntries([...config.projectEntries, entry]);
    void vscode.window.showInformationMessage(vscode.l10n.t('Added {0}.', project.pathWithNamespace));
  } catch (e) {
    const offer = mayAskForToken ? await offerTokenFirst(deps, ref, e) : 'notOffered';
    // Signed in: carry on adding the project the user asked for.
    if (offer === 'set') return lookUpAndAdd(deps, ref, entry, false);
    if (offer === 'declined') return;
    if (isGitLabError(e) && e.kind === 'notFound')
      throw new Error(vscode.l10n.t('Project {0} was not found, or your token has no access to it.', String(ref.key)));
    throw e;
  }
}
