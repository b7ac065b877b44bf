/**
 * Add Rule… (on "Protection Rules"): pattern, type, who may push and delete; one modal naming
 * the rule, the project and the loaded packages it would cover; then one POST, the rules read
 * again, one message worded from the rule GitLab returned (ruleWrite.ts).
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

export function addProtectionRuleCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const project = ruleProject(isNode(node) ? node : deps.treeView.selection[0]);
    if (!project?.project) return;
    const fields = await askProtectionRule(deps, project, vscode.l10n.t('Add Protection Rule to {0}', projectLabel(project)));
    if (!fields) return;
    if (restrictsNothing(fields)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A rule must restrict push or delete; nothing was added.'));
      return;
    }
    const preview = previewRule(fields);
    const detail = [say(ruleText(preview)), ...coverageLines(await matchedPackages(deps, project, preview))].join('\n');
    const message = vscode.l10n.t('Add protection rule {0} to {1}?', say(ruleName(preview)), projectLabel(project));
    if (!(await confirmRule(message, detail, vscode.l10n.t('Add Rule')))) return;
    const client = deps.clients.get(project.ref.instanceUrl);
    const id = project.project.id;
    await writeRule(deps, project, 'add', fields, () => client.createProtectionRule(id, fields));
  };
}
