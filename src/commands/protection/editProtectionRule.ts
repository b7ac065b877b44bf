/**
 * Edit Rule… (on a rule row): the same steps as Add Rule…, started from the rule as it is; one
 * modal saying before and after; then one PATCH, the rules read again, one message worded from
 * the rule GitLab returned (ruleWrite.ts).
 */
import * as vscode from 'vscode';
import { ruleName, ruleText } from '../../core/protection/protectionRules';
import { previewRule, restrictsNothing } from '../../core/protection/ruleFields';
import { say } from '../../host/l10n';
import { projectLabel } from '../../tree/presentation';
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';
import { confirmRule } from './confirmRule';
import { askProtectionRule } from './protectionRuleSteps';
import { coverageLines, matchedPackages } from './ruleCoverage';
import { ruleProject } from './ruleProject';
import { writeRule } from './ruleWrite';

export function editProtectionRuleCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const row = isNode(node) ? node : deps.treeView.selection[0];
    const project = ruleProject(row);
    if (row?.kind !== 'protectionRule' || !project?.project) return;
    const before = row.rule;
    const fields = await askProtectionRule(deps, project, vscode.l10n.t('Edit Protection Rule {0}', say(ruleName(before))), before);
    if (!fields) return;
    if (restrictsNothing(fields, true)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A rule must restrict push or delete; the rule was not changed.'));
      return;
    }
    const after = previewRule(fields, before.id);
    const detail = [
      vscode.l10n.t('Before: {0} · {1}', say(ruleName(before)), say(ruleText(before))),
      vscode.l10n.t('After: {0} · {1}', say(ruleName(after)), say(ruleText(after))),
      ...coverageLines(await matchedPackages(deps, project, after)),
    ].join('\n');
    const message = vscode.l10n.t('Change protection rule {0} in {1}?', say(ruleName(before)), projectLabel(project));
    if (!(await confirmRule(message, detail, vscode.l10n.t('Save Rule')))) return;
    const client = deps.clients.get(project.ref.instanceUrl);
    const id = project.project.id;
    await writeRule(deps, project, 'edit', fields, () => client.updateProtectionRule(id, before.id, fields), before.id);
  };
}
