/**
 * Package protection rules as the product reads them: which rule covers a package (name
 * pattern with `*` wildcards, case-insensitive as GitLab's ILIKE match, and the package type),
 * how to say a rule in a few words ("push: maintainer+, delete: owner+"), and whether a user's
 * role may delete under it — with the reason when not, so a delete is refused before it is sent.
 */
import { displayName, type Package } from '../../gitlab/models';
import type { ProtectionRule } from '../../gitlab/protectionRuleModels';
import { text, verbatim, type Text } from '../../util/text';
import { likePieces, wildcardMatcher } from '../../util/wildcard';

export type { ProtectionRule } from '../../gitlab/protectionRuleModels';

/** GitLab's access levels by the names rules use (admin is an instance administrator). */
export const ACCESS_LEVELS: Readonly<Record<string, number>> = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50, admin: 60 };

/** Reading and changing rules needs Maintainer or more. */
export const MAY_READ_RULES = ACCESS_LEVELS.maintainer;

/** What a rule's level names may be: push maintainer/owner/admin (none: developer+), delete owner/admin (none: maintainer+). */
export const PUSH_LEVELS = ['maintainer', 'owner', 'admin'] as const;
export const DELETE_LEVELS = ['owner', 'admin'] as const;

/** The package types a rule may name (servers accept a growing subset: npm first, 400 for the rest). */
export const PROTECTABLE_TYPES = ['npm', 'pypi', 'maven', 'conan', 'nuget', 'helm', 'generic'] as const;

export function levelOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : ACCESS_LEVELS[name];
}

/**
 * GitLab's match (app/models/packages/protection/rule.rb `for_package_name`): the name ILIKE
 * the pattern with `%` and `_` escaped and `*` turned into `%` (lib/gitlab/sql/glob.rb). So `*`
 * is the only wildcard, case is ignored, and a backslash makes the next character literal (it
 * is LIKE's escape character; a pattern ending in one matches nothing). Matched piece by piece, never by a backtracking regex: the
 * pattern comes from the server.
 */
export function patternMatches(pattern: string, name: string): boolean {
  const like = pattern.split('%').join('\\%').split('_').join('\\_').split('*').join('%');
  const pieces = likePieces(like.toLowerCase());
  return pieces !== undefined && wildcardMatcher(pieces)(name.toLowerCase());
}

/** The rules that cover the package (name and type), strictest first. */
export function rulesFor(pkg: Package, rules: readonly ProtectionRule[]): ProtectionRule[] {
  const name = displayName(pkg);
  const strictness = (r: ProtectionRule): number => (levelOf(r.minimumAccessLevelForDelete) ?? 0) * 100 + (levelOf(r.minimumAccessLevelForPush) ?? 0);
  return rules.filter((r) => r.packageType === pkg.packageType && patternMatches(r.packageNamePattern, name)).sort((a, b) => strictness(b) - strictness(a));
}

/** The rule that decides for the package (several may match: a package is as protected as its strictest rule). */
export function ruleFor(pkg: Package, rules: readonly ProtectionRule[]): ProtectionRule | undefined {
  return rulesFor(pkg, rules)[0];
}

/** "push: maintainer+, delete: owner+" (no delete part when the server does not know delete protection). */
export function ruleText(rule: ProtectionRule): Text {
  const push = verbatim(rule.minimumAccessLevelForPush ?? 'developer');
  return rule.minimumAccessLevelForDelete ? text('push: {0}+, delete: {1}+', push, verbatim(rule.minimumAccessLevelForDelete)) : text('push: {0}+', push);
}

/** `@acme/* (npm)`: how a rule is named in a sentence. */
export function ruleName(rule: ProtectionRule): Text {
  return text('{0} ({1})', verbatim(rule.packageNamePattern), verbatim(rule.packageType));
}

/**
 * Why a user with `accessLevel` may not delete under `rule`, or undefined when they may (or
 * when their level is unknown: then GitLab's answer decides, and a 403 is explained).
 */
export function deleteRefusal(rule: ProtectionRule | undefined, accessLevel: number | undefined): Text | undefined {
  const needed = levelOf(rule?.minimumAccessLevelForDelete);
  if (!rule || needed === undefined || accessLevel === undefined || accessLevel >= needed) return undefined;
  return text('protected by the rule {0}: only {1}+ may delete it', ruleName(rule), verbatim(rule.minimumAccessLevelForDelete ?? ''));
}

/** What is known about one project's rules and the user's role in it. */
export interface ProjectProtection {
  rules: readonly ProtectionRule[];
  /** The user's access level in the project (`GET /projects/:id` permissions), when known. */
  accessLevel?: number;
  /** The user is an instance administrator (`GET /user` is_admin): no rule refuses them here, GitLab decides. */
  admin?: AdminStanding;
}

/**
 * How an instance administrator stands before protection rules. GitLab skips the rules for
 * `current_user.can_admin_all_resources?` (app/services/packages/protection/
 * check_delete_rule_existence_service.rb); with the instance setting `admin_mode` on that needs
 * Admin Mode (app/policies/base_policy.rb), which a token has through its `admin_mode` scope
 * (lib/api/api_guard.rb) — while `is_admin` is sent to every administrator (lib/api/users.rb).
 * `exempt`: the token has that scope, no rule refuses them. `unsure`: it has not, or its scopes
 * are unknown: the delete is offered and GitLab decides (it refuses them where Admin Mode is on).
 */
export type AdminStanding = 'exempt' | 'unsure';

/** What a project's protection says of deleting one package: the rule over it, why the user may not delete under it, or that GitLab decides. */
export interface RuleStanding {
  rule?: ProtectionRule;
  /** Set when the rule lets only a higher role than the user's delete it (never for an administrator: GitLab decides). */
  refusal?: Text;
  /** A rule refuses the user's role, but they are an administrator without a known `admin_mode` scope: the delete is sent and GitLab decides. */
  adminModeDecides?: boolean;
}

/** What such a delete depends on, in the words every place uses. */
export const ADMIN_MODE_NEEDED = text('administrators need Admin Mode — a token with the admin_mode scope — where it is enabled');

/**
 * The one decision of protection over a package's delete, for rows, deletes and clean-up alike.
 * No protection known (a group's list, rules not read or not readable): nothing stands in the way here.
 */
export function ruleStanding(p: ProjectProtection | undefined, pkg: Package): RuleStanding {
  if (!p) return {};
  const rule = ruleFor(pkg, p.rules);
  const refused = deleteRefusal(rule, p.accessLevel);
  return { rule, refusal: p.admin ? undefined : refused, ...(p.admin === 'unsure' && refused ? { adminModeDecides: true } : {}) };
}
