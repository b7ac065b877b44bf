/** Add Project… (checked with GET /projects/:id before it is written) and Remove Project. */
import * as vscode from 'vscode';
import { parsedEntries, writeProjectEntries } from '../host/config';
import { isGitLabError } from '../gitlab/errors';
import { unsupportedMessage } from '../core/versionGates';
import { parseGroupEntry, parseProjectEntry, type ProjectRef } from '../core/projectRef';
import type { CommandDeps, Handler } from './deps';
import { COMMANDS } from '../constants';
import { abortOn } from './token';

export function addProjectCommand(deps: CommandDeps): Handler {
  return async () => {
    const config = deps.config();
    const entry = await vscode.window.showInputBox({
      title: vscode.l10n.t('Add GitLab Project'),
      prompt: vscode.l10n.t('Project path (group/project), numeric ID, or project URL. Paths and IDs use {0}.', config.instanceUrl),
      placeHolder: 'group/subgroup/project',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const parsed = parseProjectEntry(v, config.instanceUrl, [config.instanceUrl]);
        return parsed.ok ? undefined : parsed.reason;
      },
    });
    if (!entry?.trim()) return;
    const parsed = parseProjectEntry(entry.trim(), config.instanceUrl, [config.instanceUrl]);
    if (!parsed.ok) throw new Error(parsed.reason);
    await lookUpAndAdd(deps, parsed.ref, entry.trim(), true);
  };
}

/** Adds the entry once GitLab confirms the project; offers a token first when one is missing. */
async function lookUpAndAdd(deps: CommandDeps, ref: ProjectRef, entry: string, mayAskForToken: boolean): Promise<void> {
  const config = deps.config();
  const client = deps.clients.get(ref.instanceUrl);
  try {
    const project = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', String(ref.key)), cancellable: true },
      (_p, cancel) => client.getProject(ref.key, abortOn(cancel)),
    );
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

/**
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
          return parsed.ok ? undefined : parsed.reason;
        },
      })
    )?.trim();
    if (!entry) return;
    const parsed = parseGroupEntry(entry, config.instanceUrl, [config.instanceUrl]);
    if (!parsed.ok) throw new Error(parsed.reason);
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
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', entry), cancellable: true },
      (_p, cancel) => deps.clients.get(ref.instanceUrl).groupPackagesPage(ref.key, {}, 1, abortOn(cancel)),
    );
  } catch (e) {
    const offer = mayAskForToken ? await offerTokenFirst(deps, ref, e) : 'notOffered';
    if (offer === 'set') return lookUpGroupAndAdd(deps, ref, entry, false);
    if (offer === 'declined') return;
    if (isGitLabError(e) && e.kind === 'notFound') {
      // Before 12.5 there is no group endpoint at all: say that, not "not found".
      const tooOld = unsupportedMessage(await deps.versionOf(ref.instanceUrl), 'groupPackages', new URL(ref.instanceUrl).host);
      throw new Error(tooOld ?? vscode.l10n.t('Group {0} was not found, or your token has no access to it.', entry));
    }
    throw e;
  }
  await writeProjectEntries([...deps.config().groupEntries, entry], 'groups');
}

export function toggleGroupByNameCommand(deps: CommandDeps): Handler {
  return async () => {
    await vscode.workspace.getConfiguration('gitlabPackages').update('groupByName', !deps.config().groupByName, vscode.ConfigurationTarget.Global);
  };
}

export function removeProjectCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const config = deps.config();
    let entry: string | undefined;
    const n = node as { kind?: string; scope?: string; ref?: { entry: string }; entry?: string } | undefined;
    if (n?.kind === 'project' && n.scope === 'group') {
      await writeProjectEntries(
        config.groupEntries.filter((e) => e !== n.ref?.entry),
        'groups',
      );
      return;
    }
    if (n?.kind === 'projectError' && n.entry !== undefined && config.groupEntries.includes(n.entry) && !config.projectEntries.includes(n.entry)) {
      await writeProjectEntries(
        config.groupEntries.filter((e) => e !== n.entry),
        'groups',
      );
      return;
    }
    if (n?.kind === 'project') entry = n.ref?.entry;
    else if (n?.kind === 'projectError') entry = n.entry;
    else {
      entry = await vscode.window.showQuickPick(config.projectEntries, { placeHolder: vscode.l10n.t('Remove which project from the list?') });
    }
    if (entry === undefined) return;
    await writeProjectEntries(config.projectEntries.filter((e) => e !== entry));
  };
}
