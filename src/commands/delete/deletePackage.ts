/**
 * Delete Package…: from a package row, a multi-selection, the Delete key, or the palette (pick
 * project, then search packages on the server). Through the one delete flow: one modal naming
 * what goes (and what is set aside), a second one when a workspace lockfile resolves to some of
 * it, one DELETE per package, one message afterwards.
 */
import * as vscode from 'vscode';
import type { SetAside } from '../../core/delete/deleteFlow';
import { displayName, versionLabel } from '../../gitlab/models';
import { packageDeletion } from '../../tree/deletions';
import type { PackageNode } from '../../tree/nodes';
import { packageLabel, packageProjectLabel } from '../../tree/presentation';
import { bulletLines, inlineList } from '../../host/bulletList';
import { reportDeletion, setAsideLines, type Named } from '../shared/deleteReport';
import type { CommandDeps, Handler } from '../shared/deps';
import { askAgainIfInUse } from '../shared/lockfileGuard';
import { targetNodes } from '../shared/targets';
import { pickPackageFromPalette, type PackageTarget } from './packagePicker';
import { withCountedProgress } from '../shared/progress';
import { registryChanged } from '../shared/registryChanged';

type PackageRequest = Named & PackageTarget;

export function deletePackageCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    // The Delete key passes `{ fromKeyboard: true }` (not a row): it acts on the selection.
    const fromPalette = node === undefined && selected === undefined;
    const chosen = fromPalette ? [await pickPackageFromPalette(deps)].filter((t) => t !== undefined) : rowTargets(deps, node, selected);
    if (!chosen.length) {
      if (!fromPalette) void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more packages to delete.'));
      return;
    }
    const requests: PackageRequest[] = chosen.map((t) => ({ ...t, label: packageLabel(t.pkg), projectPath: packageProjectLabel(t) }));
    const report = await deps.deletes.run(requests, {
      confirm: async (targets, setAside) =>
        (await confirm(targets, setAside)) && askAgainIfInUse(deps, targets, (t) => ({ label: t.label, listed: t.parent, pkg: t.pkg })),
      // Cancel stops sending; what is in flight finishes and is reported as it ended.
      progress: (targets, run) =>
        withCountedProgress(
          targets.length === 1 ? vscode.l10n.t('Deleting {0}…', targets[0].label) : vscode.l10n.t('Deleting {0} packages…', targets.length),
          run,
        ),
    });
    // Every project something was sent for: what went (or may have) leaves the tree.
    const refresh = (): void => new Set(report.outcomes.map((o) => o.target.request.parent)).forEach((project) => registryChanged(deps, project));
    refresh();
    reportDeletion(report, (n) => vscode.l10n.t('Deleted {0} packages.', n), refresh);
  };
}

/** The package rows clicked or selected, each with its deletion. */
function rowTargets(deps: CommandDeps, node: unknown, selected: unknown): PackageTarget[] {
  return targetNodes(deps, node, selected)
    .filter((n): n is PackageNode => n.kind === 'package')
    .map((n) => ({ parent: n.parent, pkg: n.pkg, deletion: packageDeletion(n).deletion }));
}

async function confirm(targets: PackageRequest[], setAside: SetAside<PackageRequest>): Promise<boolean> {
  const deleteButton = vscode.l10n.t('Delete');
  const projects = inlineList([...new Set(targets.map((t) => t.projectPath))], (path) => path);
  let message: string;
  let detail: string;
  if (targets.length === 1) {
    const t = targets[0];
    message = vscode.l10n.t('Delete package {0} version {1} from {2}?', displayName(t.pkg), versionLabel(t.pkg) ?? '-', projects);
    detail = vscode.l10n.t('Every file of this package version is removed from the registry. This cannot be undone.');
  } else {
    message = vscode.l10n.t('Delete {0} packages from {1}?', targets.length, projects);
    const lines = bulletLines(targets, (t) => t.label);
    detail = lines.join('\n') + '\n\n' + vscode.l10n.t('Every file of these packages is removed from the registry. This cannot be undone.');
  }
  const aside = setAsideLines(setAside);
  if (aside.length) detail += '\n\n' + aside.join('\n');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, deleteButton)) === deleteButton;
}
