/**
 * A clean-up rule: which versions of a project's (or group's) packages may go. The name, version,
 * type and status criteria say which versions the rule covers; "keep the newest N" then keeps the
 * N newest covered versions of each name, whatever their dates (as GitLab's container clean-up
 * applies keep_n before older_than); the date criteria choose among the rest (AND). The rule
 * comes from the question steps or, for keybindings and automation, from an argument object,
 * read here once.
 */
import { compilePattern } from '../../util/pattern';
import { joinTexts, text, verbatim, type Text } from '../../util/text';
import { PACKAGE_TYPES } from '../browse/packageTypes';
import { DELETABLE_STATUSES, isUndeletable, PACKAGE_STATUSES } from '../browse/packageStatus';

export interface CleanUpRule {
  /** Keep the newest N covered versions of each package name (by `created_at`, whatever the date criteria). 0 allows deleting every version; unset keeps the newest one. */
  keepNewest?: number;
  /** Only versions created more than D days ago. */
  olderThanDays?: number;
  /** Only versions not downloaded for D days (never downloaded counts from `created_at`). */
  notDownloadedForDays?: number;
  /** Only package names matching this glob (or `/regular expression/`). */
  namePattern?: string;
  /** Only versions matching this glob (e.g. `*-SNAPSHOT`) or `/regular expression/`. */
  versionPattern?: string;
  packageTypes?: string[];
  statuses?: string[];
}

export const RULE_KEYS = ['keepNewest', 'olderThanDays', 'notDownloadedForDays', 'namePattern', 'versionPattern', 'packageTypes', 'statuses'] as const;

const COUNTS = ['keepNewest', 'olderThanDays', 'notDownloadedForDays'] as const;
const PATTERNS = ['namePattern', 'versionPattern'] as const;
const LISTS = ['packageTypes', 'statuses'] as const;

export type ParsedRule = { ok: true; rule: CleanUpRule } | { ok: false; problem: Text };

/** Why packages of an undeletable status cannot be cleaned up. */
export function undeletableStatus(status: string): Text {
  return text(
    'packages with status {0} cannot be cleaned up: GitLab lists them only when asked, and its API deletes only {1} packages',
    status,
    DELETABLE_STATUSES.join(', '),
  );
}

/** Whether a command argument is a rule object (as opposed to a tree row or nothing). */
export function isRuleArgument(arg: unknown): arg is Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && RULE_KEYS.some((k) => k in arg);
}

/** Reads a rule from an argument object (or remembered state): whole non-negative numbers, valid patterns, lists of strings. */
export function parseRule(arg: Record<string, unknown>): ParsedRule {
  const rule: CleanUpRule = {};
  for (const key of COUNTS) {
    const v = arg[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return { ok: false, problem: text('{0} must be a whole number of 0 or more', key) };
    rule[key] = v;
  }
  for (const key of PATTERNS) {
    const v = arg[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return { ok: false, problem: text('{0} must be a text pattern', key) };
    const compiled = compilePattern(v);
    if (!compiled.ok) return { ok: false, problem: compiled.problem };
    rule[key] = v;
  }
  for (const key of LISTS) {
    const v = arg[key];
    if (v === undefined || v === null) continue;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((x): x is string => typeof x === 'string' && x.length > 0))
      return { ok: false, problem: text('{0} must be a list of names', key) };
    if (list.length) rule[key] = [...new Set(list)];
  }
  const unknownType = rule.packageTypes?.find((t) => !PACKAGE_TYPES.includes(t));
  if (unknownType !== undefined)
    return { ok: false, problem: text('packageTypes: GitLab has no package type {0} (its types: {1})', unknownType, PACKAGE_TYPES.join(', ')) };
  const unknownStatus = rule.statuses?.find((st) => !PACKAGE_STATUSES.includes(st));
  if (unknownStatus !== undefined)
    return { ok: false, problem: text('statuses: GitLab has no package status {0} (its statuses: {1})', unknownStatus, PACKAGE_STATUSES.join(', ')) };
  const undeletable = rule.statuses?.find(isUndeletable);
  if (undeletable !== undefined) return { ok: false, problem: text('statuses: {0}', undeletableStatus(undeletable)) };
  if (!hasCriterion(rule)) return { ok: false, problem: text('The rule has no criterion: give at least one of {0}', RULE_KEYS.join(', ')) };
  return { ok: true, rule };
}

export function hasCriterion(rule: CleanUpRule): boolean {
  return RULE_KEYS.some((k) => rule[k] !== undefined);
}

/**
 * Whether the rule covers only some versions of a name (a version pattern, statuses that leave
 * some out): "the newest" then counts among those, and is said to. Name and type criteria take
 * whole names; statuses naming every deletable one leave nothing out.
 */
export function coversSomeVersions(rule: CleanUpRule): boolean {
  return rule.versionPattern !== undefined || (rule.statuses !== undefined && !DELETABLE_STATUSES.every((s) => rule.statuses?.includes(s)));
}

/** The words for what "keep the newest" keeps: the newest one or N, of all a name's versions or of those covered. */
export function newestWords<T>(rule: CleanUpRule, words: { one: T; oneCovered: T; some: T; someCovered: T }): T {
  const covered = coversSomeVersions(rule);
  if (rule.keepNewest === undefined) return covered ? words.oneCovered : words.one;
  return covered ? words.someCovered : words.some;
}

/** What of the rule a clean-up could not apply (GitLab 11.9-12.x send no `last_downloaded_at`). */
export interface RuleApplied {
  downloadsSkipped?: boolean;
}

/** Whether a date criterion applies, which "keep the newest N" comes before. */
function hasDates(rule: CleanUpRule, applied: RuleApplied): boolean {
  return rule.olderThanDays !== undefined || (rule.notDownloadedForDays !== undefined && !applied.downloadsSkipped);
}

/** The rule in words, for the confirmation and the preview's title; "whatever the dates" only where a date criterion applies. */
export function describeRule(rule: CleanUpRule, applied: RuleApplied = {}): Text {
  return (
    joinTexts([
      rule.olderThanDays !== undefined ? text('older than {0} days', rule.olderThanDays) : undefined,
      rule.notDownloadedForDays !== undefined ? text('not downloaded for {0} days', rule.notDownloadedForDays) : undefined,
      rule.namePattern !== undefined ? text('names {0}', verbatim(rule.namePattern)) : undefined,
      rule.versionPattern !== undefined ? text('versions {0}', verbatim(rule.versionPattern)) : undefined,
      rule.packageTypes ? text('types {0}', verbatim(rule.packageTypes.join(', '))) : undefined,
      rule.statuses ? text('status {0}', verbatim(rule.statuses.join(', '))) : undefined,
      keeping(rule, applied),
    ]) ?? text('no criterion')
  );
}

/** What "keep the newest N" keeps, in words: among which versions, and that the dates do not count. */
function keeping(rule: CleanUpRule, applied: RuleApplied): Text {
  const n = rule.keepNewest;
  if (n === 0) return text('every version may go');
  const kept = newestWords(rule, {
    one: text('keeping the newest version of each name'),
    oneCovered: text('keeping the newest covered version of each name'),
    some: text('keeping the newest {0} of each name', n ?? 1),
    someCovered: text('keeping the newest {0} covered versions of each name', n ?? 1),
  });
  return hasDates(rule, applied) ? text('{0}, whatever the dates', kept) : kept;
}
