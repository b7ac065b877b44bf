/** Copy Install Command…: pick a snippet for the package's type and copy it. */
import * as vscode from 'vscode';
import { displayName } from '../../gitlab/models';
import type { PackageNode, TreeNode } from '../../tree/nodes';
import { installSnippets } from '../../core/files/installSnippets';
import { copied } from '../shared/clipboard';
import type { CommandDeps, Handler } from '../shared/deps';
import { targetNodes } from '../shared/targets';
import { literalIcons } from '../../util/literalText';

export function copyInstallCommandCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const target = targetNodes(deps, node, selected).find((n: TreeNode): n is PackageNode => n.kind === 'package');
    if (!target) return;
    const project = target.parent;
    const projectId = target.pkg.projectId ?? project.project?.id; // snippets need the numeric id
    if (projectId === undefined) throw new Error(vscode.l10n.t('The project {0} could not be looked up yet; refresh and try again.', String(project.ref.key)));
    const snippets = installSnippets(target.pkg, { instanceUrl: project.ref.instanceUrl, projectId });
    const pick =
      snippets.length === 1
        ? snippets[0]
        : await vscode.window.showQuickPick(
            snippets.map((s) => ({ ...s, detail: literalIcons(s.text.split('\n')[0]) })),
            { placeHolder: vscode.l10n.t('Copy which snippet for {0}?', displayName(target.pkg)), matchOnDetail: true },
          );
    if (!pick) return;
    await copied(pick.text, vscode.l10n.t('Copied {0} for {1}', pick.label, displayName(target.pkg)));
  };
}
