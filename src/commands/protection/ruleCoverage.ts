/** Which of a project's loaded packages a rule covers, in the words of the rule commands' confirmation. */
import * as vscode from 'vscode';
import { rulesFor, type ProtectionRule } from '../../core/protection/protectionRules';
import type { PackageNode, ProjectNode } from '../../tree/nodes';
import { packageLabel } from '../../tree/presentation';
import { bulletLines } from '../../host/bulletList';
import type { CommandDeps } from '../shared/deps';

/** The project's loaded packages a rule covers. */
export async function matchedPackages(deps: CommandDeps, project: ProjectNode, rule: ProtectionRule): Promise<PackageNode[]> {
  const rows = await deps.model.packagesOf(project);
  return rows.filter((r): r is PackageNode => r.kind === 'package' && rulesFor(r.pkg, [rule]).length > 0);
}

/** "It covers 2 of the packages listed:" and the first of them. */
export function coverageLines(matched: readonly PackageNode[]): string[] {
  const heading = matched.length
    ? vscode.l10n.t('It covers {0} of the packages listed:', matched.length)
    : vscode.l10n.t('It covers none of the packages listed.');
  return [heading, ...bulletLines(matched, (m) => packageLabel(m.pkg))];
}
