/**
 * The steps of Add Rule… and Edit Rule…: the name pattern, the package type, who may push and
 * (GitLab 17.11+, unless it showed delete protection switched off) who may delete. Escape at
 * any step ends it with nothing sent.
 */
import * as vscode from 'vscode';
import { DELETE_LEVELS, PROTECTABLE_TYPES, PUSH_LEVELS, type ProtectionRule } from '../../core/protection/protectionRules';
import type { RuleFields } from '../../gitlab/protectionRuleModels';
import type { ProjectNode } from '../../tree/nodes';
import type { CommandDeps } from '../shared/deps';

type LevelItem = vscode.QuickPickItem & { level: string | null };

export async function askProtectionRule(deps: CommandDeps, project: ProjectNode, title: string, initial?: ProtectionRule): Promise<RuleFields | undefined> {
  const withDelete = project.project !== undefined && (await deps.facts.hasDeleteProtection(project.ref.instanceUrl, project.project.id));
  const pattern = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Package name pattern; * matches any characters (e.g. @acme/* or *-release)'),
    value: initial?.packageNamePattern,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a package name or a pattern.')),
  });
  if (!pattern?.trim()) return undefined;
  const types = PROTECTABLE_TYPES.map((t) => ({ label: t, picked: t === initial?.packageType }));
  const type = await vscode.window.showQuickPick(types, { title, placeHolder: vscode.l10n.t('Which package type does the rule protect?') });
  if (!type) return undefined;
  // Without delete protection (before 17.11, or switched off) a new rule is a push rule: its push level is required.
  // An edit of a rule without one (delete-only: its delete level kept, unshown, while the flag is off) keeps
  // "no restriction" on offer: no push level is forced on it just to change its pattern or type.
  const keepsNoPush = initial !== undefined && initial.minimumAccessLevelForPush === undefined;
  const push = await pickLevel(
    title,
    vscode.l10n.t('Who may push (publish) matching packages?'),
    PUSH_LEVELS,
    withDelete || keepsNoPush ? 'developer' : undefined,
    initial?.minimumAccessLevelForPush,
  );
  if (!push) return undefined;
  const del = withDelete
    ? await pickLevel(title, vscode.l10n.t('Who may delete matching packages?'), DELETE_LEVELS, 'maintainer', initial?.minimumAccessLevelForDelete)
    : undefined;
  if (withDelete && !del) return undefined;
  return {
    packageNamePattern: pattern.trim(),
    packageType: type.label,
    minimumAccessLevelForPush: push.level,
    ...(del ? { minimumAccessLevelForDelete: del.level } : {}),
  };
}

async function pickLevel(
  title: string,
  placeHolder: string,
  levels: readonly string[],
  open: string | undefined,
  current: string | undefined,
): Promise<LevelItem | undefined> {
  const items: LevelItem[] = [
    ...(open ? [{ label: `${open}+`, description: vscode.l10n.t('no restriction'), level: null }] : []),
    ...levels.map((l) => ({ label: `${l}+`, level: l })),
  ];
  const currentItem = items.find((i) => i.level === (current ?? null));
  return vscode.window.showQuickPick(currentItem ? [currentItem, ...items.filter((i) => i !== currentItem)] : items, { title, placeHolder });
}
