/**
 * Delete Rule… (on a rule row): one modal naming the rule, the project and the packages it
 * stops protecting; then exactly one DELETE (a second click meanwhile sends nothing), the rules
 * read again, one message. A rule already gone (404) is said so, not as an error.
 */
import * as vscode from 'vscode';
import { ruleName, ruleText } from '../../core/protection/protectionRules';
import { isGitLabError } from '../../gitlab/errors';
import { say } from '../../host/l10n';
import { projectLabel } from '../../tree/presentation';
import { InFlight } from '../../util/inFlight';
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';
import { confirmRule } from './confirmRule';
import { coverageLines, matchedPackages } from './ruleCoverage';
import { ruleProject } from './ruleProject';

export function deleteProtectionRuleCommand(deps: CommandDeps): Handler {
  const inFlight = new InFlight();
  return async (node?: unknown) => {
    const row = isNode(node) ? node : deps.treeView.selection[0];
    const project = ruleProject(row);
    if (row?.kind !== 'protectionRule' || !project?.project) return;
    const rule = row.rule;
    const key = `${project.ref.origin}|rule:${rule.id}`;
    if (inFlight.has(key)) return;
    const name = say(ruleName(rule));
    const detail = [
      say(ruleText(rule)),
      ...coverageLines(await matchedPackages(deps, project, rule)),
      vscode.l10n.t('Without the rule, developers may push and maintainers may delete them again.'),
    ].join('\n');
    if (!(await confirmRule(vscode.l10n.t('Delete protection rule {0} from {1}?', name, projectLabel(project)), detail, vscode.l10n.t('Delete Rule')))) return;
    if (!inFlight.claim([key]).length) return;
    try {
      await deps.clients.get(project.ref.instanceUrl).deleteProtectionRule(project.project.id, rule.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Deleted protection rule {0}.', name));
    } catch (e) {
      if (!isGitLabError(e) || e.kind !== 'notFound') throw e;
      void vscode.window.showInformationMessage(vscode.l10n.t('The protection rule {0} was already deleted.', name));
    } finally {
      inFlight.release([key]);
      deps.model.refreshProtection(project);
    }
  };
}
