/**
 * Evaluates a clean-up rule over one listing: which packages are candidates (each with why),
 * which are kept (each with why), and what of the rule could not be applied. Pure: the clock
 * and each package's standing under the protection rules come in; nothing is requested per
 * package. This is where a clean-up decides protection, once: its deletions carry what it decided.
 *
 * Always kept: what GitLab offers no delete for, what a protection rule keeps from this user,
 * npm packages with a dist-tag, what a workspace lockfile resolves to (unless that guard is off),
 * and — unless the rule sets `keepNewest: 0` — the newest covered version(s) of each name, ranked
 * before (and whatever) the date criteria. A package without a creation date (11.9-shape servers)
 * is never selected by a date criterion, nor ranked by age.
 */
import { displayName, type Package } from '../../gitlab/models';
import { shortDate } from '../../util/format';
import { compilePattern, type Matcher } from '../../util/pattern';
import { TooCostly } from '../../util/regexMachine';
import { text, verbatim, type Text } from '../../util/text';
import { coversSomeVersions, newestWords, RULE_KEYS, type CleanUpRule, type RuleApplied } from './cleanUpRule';
import { isDeletable, uniqueBy } from '../delete/deletion';
import { nameKey } from '../browse/packageName';
import { ADMIN_MODE_NEEDED, type RuleStanding } from '../protection/protectionRules';

const DAY_MS = 86_400_000;

/** A package the rule judged: why it goes (a candidate) or why it stays (kept). */
export interface JudgedPackage {
  pkg: Package;
  /** Why it goes (a candidate) or why it stays (kept). */
  reasons: Text[];
  /** A candidate a rule refuses the user's role for, but they are an administrator (Admin Mode unknown): GitLab decides. */
  adminModeDecides?: true;
}

export interface Evaluation {
  /** In name order, newest first within a name. */
  candidates: JudgedPackage[];
  /** Packages the rule's scope covers that stay, in the same order. */
  kept: JudgedPackage[];
  /** Every package listed. */
  listed: number;
  /** Packages the rule's scope (name, version, type, status) covers. */
  inScope: number;
  /** What of the rule was not applied, and why. */
  notes: Text[];
  /** The same, for describing the rule. */
  applied: RuleApplied;
}

/** How deleting a package stands under its project's protection rules (core/protection ruleStanding). */
export type StandingOf = (pkg: Package) => Pick<RuleStanding, 'refusal' | 'adminModeDecides'>;

export interface EvaluateOptions {
  /** Milliseconds since the epoch. */
  now: number;
  /** None: no rule refuses anything (a group's list, rules not readable). */
  standing?: StandingOf;
  /** Only the versions of one package name (a name row of the grouped view): its nameKey. */
  only?: { key: string };
  /** Why a workspace lockfile keeps the package (it resolves to it); undefined when none does or the guard is off. */
  inUse?: (pkg: Package) => Text | undefined;
}

export function evaluateRule(packages: readonly Package[], rule: CleanUpRule, opts: EvaluateOptions): Evaluation {
  const notes: Text[] = [];
  const downloadsKnown = packages.some((p) => p.lastDownloadedAt !== undefined);
  const notDownloadedDays = rule.notDownloadedForDays !== undefined && downloadsKnown ? rule.notDownloadedForDays : undefined;
  if (rule.notDownloadedForDays !== undefined && !downloadsKnown)
    notes.push(text('This GitLab does not say when packages were last downloaded: "not downloaded for {0} days" was skipped', rule.notDownloadedForDays));
  const name = matcher(rule.namePattern);
  const version = matcher(rule.versionPattern);
  const listed = uniqueBy(packages, (p) => String(p.id));
  const inScope = orNone(notes, () =>
    listed.filter(
      (p) =>
        (!opts.only || nameKey(p) === opts.only.key) &&
        (!name || name(displayName(p))) &&
        (!version || (p.version !== null && version(p.version))) &&
        (!rule.packageTypes || rule.packageTypes.includes(p.packageType)) &&
        (!rule.statuses || rule.statuses.includes(p.status ?? 'default')),
    ),
  );
  // A rule whose only criterion could not be applied selects nothing; "keep the newest N" is a
  // protection, and selects on its own only when it is the whole rule.
  const onlyKeepNewest = RULE_KEYS.every((k) => k === 'keepNewest' || rule[k] === undefined);
  const selects = notDownloadedDays !== undefined || RULE_SELECTORS.some((k) => rule[k] !== undefined) || (onlyKeepNewest && rule.keepNewest !== undefined);
  const keep = rule.keepNewest ?? 1;
  const createdMs = new Map(inScope.map((p) => [p.id, created(p)]));
  // Unless the rule picks statuses itself, "the newest N" are installable versions: a failed upload
  // (listed, never installed) counted among them would cost an installable version its place.
  const counts = (p: Package): boolean => rule.statuses !== undefined || installable(p);
  const { ordered, rank } = byNameNewestFirst(inScope, (p) => createdMs.get(p.id), counts);
  // The fixed reasons, made once.
  // "Newest" counts among the versions the rule covers (a version pattern, statuses), and says so.
  const newest = newestWords(rule, {
    one: text('the newest version of its name'),
    oneCovered: text('the newest covered version of its name'),
    some: text('one of the {0} newest of its name', keep),
    someCovered: text('one of the {0} newest covered versions of its name', keep),
  });
  const beyond = coversSomeVersions(rule) ? text('beyond the {0} newest covered versions', keep) : text('beyond the {0} newest', keep);
  const undated = text('no creation date: which version is newest is unknown');
  const failedUpload = text('a failed upload (status error): not counted among the newest');
  const candidates: JudgedPackage[] = [];
  const kept: JudgedPackage[] = [];
  for (const pkg of ordered) {
    const standing = opts.standing?.(pkg) ?? {};
    const stays = alwaysKept(pkg, standing.refusal);
    const used = opts.inUse?.(pkg);
    if (used) stays.push(used);
    const goes: Text[] = [];
    const at = createdMs.get(pkg.id);
    for (const c of [
      rule.olderThanDays !== undefined ? olderThan(pkg, at, rule.olderThanDays, opts.now) : undefined,
      notDownloadedDays !== undefined ? notDownloaded(pkg, at, notDownloadedDays, opts.now) : undefined,
    ])
      if (c) (c.met ? goes : stays).push(c.reason);
    if (keep > 0 && !counts(pkg)) {
      if (rule.keepNewest !== undefined) goes.push(failedUpload);
    } else if (keep > 0) {
      const r = rank.get(pkg.id);
      if (r === undefined || r < keep) stays.push(r === undefined ? undated : newest);
      else if (rule.keepNewest !== undefined) goes.push(beyond);
    }
    if (!selects) stays.push(text('the rule selects nothing here'));
    if (stays.length) kept.push({ pkg, reasons: stays });
    else
      candidates.push({
        pkg,
        reasons: goes.length ? goes : [text('matches the rule')],
        ...(standing.adminModeDecides ? { adminModeDecides: true as const } : {}),
      });
  }
  const unsure = candidates.filter((c) => c.adminModeDecides).length;
  if (unsure)
    notes.push(
      text(
        '{0} of the candidates are covered by a protection rule above your role: GitLab deletes them only if it lets you through ({1})',
        unsure,
        ADMIN_MODE_NEEDED,
      ),
    );
  const applied = { downloadsSkipped: rule.notDownloadedForDays !== undefined && !downloadsKnown };
  return { candidates, kept, listed: listed.length, inScope: inScope.length, notes, applied };
}

/** The criteria that select packages (the download criterion too, where the server has the field). */
const RULE_SELECTORS = ['olderThanDays', 'namePattern', 'versionPattern', 'packageTypes', 'statuses'] as const;

interface Criterion {
  met: boolean;
  reason: Text;
}

function matcher(pattern: string | undefined): Matcher | undefined {
  if (pattern === undefined) return undefined;
  const compiled = compilePattern(pattern);
  // parseRule accepted only valid patterns; one that is not valid matches nothing.
  return compiled.ok ? compiled.test : () => false;
}

/** What a /regex/ too costly to match covers: nothing at all (not the names read before it ran out), with the reason. */
function orNone(notes: Text[], covered: () => Package[]): Package[] {
  try {
    return covered();
  } catch (e) {
    if (!(e instanceof TooCostly)) throw e;
    notes.push(text('{0}: the rule selected nothing', e.problem));
    return [];
  }
}

/**
 * What "the newest N" counts: a version that can be installed (app/models/packages/package.rb
 * INSTALLABLE_STATUSES: default, hidden, deprecated). An `error` package is listed (DISPLAYABLE)
 * but a failed upload, never installed. Named by what is never installed, unlike
 * lockfiles/servedPackage.ts's list of what is: a status GitLab adds later still counts here, so
 * no version is taken for a failed upload and deleted for it.
 */
function installable(pkg: Package): boolean {
  return !NEVER_INSTALLED.has(pkg.status ?? 'default');
}
const NEVER_INSTALLED = new Set(['error', 'processing', 'pending_destruction']);

/** `refusal`: why a protection rule keeps this user from deleting it. */
function alwaysKept(pkg: Package, refusal: Text | undefined): Text[] {
  const reasons: Text[] = [];
  if (!isDeletable(pkg)) reasons.push(text('GitLab offers no delete for it (role, or a protection rule)'));
  if (refusal) reasons.push(refusal);
  if (pkg.packageType === 'npm' && pkg.tags.length) reasons.push(text('npm dist-tag {0}', verbatim(pkg.tags.map((t) => t.name).join(', '))));
  return reasons;
}

/** Milliseconds of `created_at`, or undefined when the server sent none (or nonsense). */
function created(pkg: Package): number | undefined {
  const t = pkg.createdAt ? Date.parse(pkg.createdAt) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

function olderThan(pkg: Package, at: number | undefined, days: number, now: number): Criterion {
  if (at === undefined) return { met: false, reason: text('no creation date') };
  const date = shortDate(pkg.createdAt);
  return at < now - days * DAY_MS
    ? { met: true, reason: text('older than {0} days: created {1}', days, date) }
    : { met: false, reason: text('created {0}, within {1} days', date, days) };
}

function notDownloaded(pkg: Package, createdAt: number | undefined, days: number, now: number): Criterion {
  const cutoff = now - days * DAY_MS;
  if (pkg.lastDownloadedAt === undefined) return { met: false, reason: text('no download date') };
  if (pkg.lastDownloadedAt === null) {
    if (createdAt === undefined) return { met: false, reason: text('never downloaded, no creation date') };
    return createdAt < cutoff
      ? { met: true, reason: text('never downloaded, created {0}', shortDate(pkg.createdAt)) }
      : { met: false, reason: text('never downloaded, but created {0}, within {1} days', shortDate(pkg.createdAt), days) };
  }
  const at = Date.parse(pkg.lastDownloadedAt);
  if (Number.isNaN(at)) return { met: false, reason: text('no download date') };
  const date = shortDate(pkg.lastDownloadedAt);
  return at < cutoff
    ? { met: true, reason: text('not downloaded since {0}', date) }
    : { met: false, reason: text('downloaded {0}, within {1} days', date, days) };
}

/**
 * The packages in name order, newest first within a name (ties: the higher id is newer), and the
 * rank in its name of each dated version that `counts` (0 for the newest); the others have none.
 */
function byNameNewestFirst(
  pkgs: readonly Package[],
  at: (p: Package) => number | undefined,
  counts: (p: Package) => boolean,
): { ordered: Package[]; rank: Map<number, number> } {
  const names = new Map<string, Package[]>();
  for (const p of pkgs) {
    const key = nameKey(p);
    const versions = names.get(key);
    if (versions) versions.push(p);
    else names.set(key, [p]);
  }
  const ordered: Package[] = [];
  const rank = new Map<number, number>();
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const byName = [...names].map(([key, versions]) => ({ key, name: displayName(versions[0]), versions }));
  for (const { versions: unsorted } of byName.sort((a, b) => compare(a.name, b.name) || compare(a.key, b.key))) {
    const versions = unsorted.sort((a, b) => (at(b) ?? -Infinity) - (at(a) ?? -Infinity) || b.id - a.id);
    let r = 0;
    for (const p of versions) {
      ordered.push(p);
      if (at(p) !== undefined && counts(p)) rank.set(p.id, r++);
    }
  }
  return { ordered, rank };
}
