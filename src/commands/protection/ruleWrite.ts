/**
 * Sends the write of Add Rule… or Edit Rule… and says what it came to from the rule GitLab
 * returned, never from what was asked: as asked; without the delete level asked for (GitLab
 * has delete protection switched off for this project: remembered for the project, so its
 * delete question is not asked again until the project is refreshed); or otherwise than asked. A delete-only rule GitLab refuses for
 * the same reason is said so, not shown as a bare 422.
 */
import * as vscode from 'vscode';
import { ruleName, ruleText } from '../../core/protection/protectionRules';
import { previewRule } from '../../core/protection/ruleFields';
import { refusedForDeleteProtectionOff, ruleOutcome } from '../../core/protection/ruleOutcome';
import type { ProtectionRule, RuleFields } from '../../gitlab/protectionRuleModels';
import { say } from '../../host/l10n';
import type { ProjectNode } from '../../tree/nodes';
import type { CommandDeps } from '../shared/deps';

export type RuleWrite = 'add' | 'edit';

const FLAG = 'packages_protected_packages_delete';

/** GitLab checks the flag per project: remembered for this project (until it is refreshed or its rules show a delete level). */
function noteOff(deps: CommandDeps, project: ProjectNode): void {
  if (project.project) deps.facts.noteDeleteProtectionOff(project.ref.instanceUrl, project.project.id);
}

/** The project's loaded rules but the one being edited, or undefined when they were not read. */
function otherRules(project: ProjectNode, editedId: number | undefined): readonly ProtectionRule[] | undefined {
  return project.protection?.rules.filter((r) => r.id !== editedId);
}

export async function writeRule(
  deps: CommandDeps,
  project: ProjectNode,
  kind: RuleWrite,
  asked: RuleFields,
  send: () => Promise<ProtectionRule>,
  editedId?: number,
): Promise<void> {
  let got: ProtectionRule;
  try {
    got = await send();
  } catch (e) {
    if (!refusedForDeleteProtectionOff(asked, e, otherRules(project, editedId))) throw e;
    noteOff(deps, project);
    void vscode.window.showWarningMessage(
      kind === 'add'
        ? vscode.l10n.t(
            'GitLab has delete protection switched off for this project (feature flag {0}): a rule here must restrict push. Nothing was added.',
            FLAG,
          )
        : vscode.l10n.t(
            'GitLab has delete protection switched off for this project (feature flag {0}): a rule here must restrict push. The rule was not changed.',
            FLAG,
          ),
    );
    return;
  }
  // Read before the refresh below drops them: a rule that shows a delete level means the flag is on here.
  const deleteMayBeHidden = kind === 'edit' && !project.protection?.rules.some((r) => r.minimumAccessLevelForDelete !== undefined);
  deps.model.refreshProtection(project);
  const name = say(ruleName(got));
  const now = say(ruleText(got));
  const outcome = ruleOutcome(asked, got, deleteMayBeHidden);
  if (outcome === 'oldDeleteMayRemain') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Saved protection rule {0} ({1}). If GitLab has delete protection switched off for this project (feature flag {2}), it keeps an earlier delete level of this rule without showing it, and that level applies again when delete protection is switched on.',
        name,
        now,
        FLAG,
      ),
    );
  } else if (outcome === 'asAsked') {
    void vscode.window.showInformationMessage(
      kind === 'add' ? vscode.l10n.t('Added protection rule {0} ({1}).', name, now) : vscode.l10n.t('Saved protection rule {0} ({1}).', name, now),
    );
  } else if (outcome === 'deleteProtectionOff') {
    noteOff(deps, project);
    void vscode.window.showWarningMessage(
      kind === 'add'
        ? vscode.l10n.t(
            'Added protection rule {0} ({1}) without a delete level: GitLab has delete protection switched off for this project (feature flag {2}), so no rule restricts deleting here.',
            name,
            now,
            FLAG,
          )
        : vscode.l10n.t(
            'Saved protection rule {0} ({1}) without the delete level asked for: GitLab has delete protection switched off for this project (feature flag {2}), so no rule restricts deleting here.',
            name,
            now,
            FLAG,
          ),
    );
  } else {
    const wanted = previewRule(asked, got.id);
    const as = vscode.l10n.t('{0} · {1}', name, now);
    const not = vscode.l10n.t('{0} · {1}', say(ruleName(wanted)), say(ruleText(wanted)));
    const said =
      kind === 'add'
        ? vscode.l10n.t('GitLab added the protection rule as {0}, not as asked ({1}).', as, not)
        : vscode.l10n.t('GitLab saved the protection rule as {0}, not as asked ({1}).', as, not);
    if (outcome === 'changedWithoutDelete') noteOff(deps, project);
    void vscode.window.showWarningMessage(
      outcome === 'changedWithoutDelete'
        ? vscode.l10n.t('{0} No delete level came back: GitLab has delete protection switched off for this project (feature flag {1}).', said, FLAG)
        : said,
    );
  }
}
