/** Remove Project: a project or group row (or an unusable entry) leaves the settings list it came from. */
import * as vscode from 'vscode';
import { writeProjectEntries } from '../../host/settings';
import type { CommandDeps, Handler } from '../shared/deps';

export function removeProjectCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const config = deps.config();
    let entry: string | undefined;
    const n = node as { kind?: string; scope?: string; ref?: { entry: string }; entry?: string } | undefined;
    if (n?.kind === 'group') {
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
