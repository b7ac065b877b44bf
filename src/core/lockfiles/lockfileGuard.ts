/**
 * What deletes and clean-ups are told about the workspace's lockfiles, worded: a clean-up's reason
 * to keep a version (`used by package-lock.json:31`), and the question a delete asks again. Built
 * in the lockfile engine beside the index it reads (the main web bundle only shows what it gets).
 */
import type { Package } from '../../gitlab/models';
import { text, verbatim, type Text } from '../../util/text';
import type { LockfileUse, LockfileUsage } from './lockfileUsage';
import { usageQuery, type UsageListing } from './usageQuery';

/** A package to delete (or a file of it): how the question names it, and where it was listed. */
export interface GuardTarget {
  label: string;
  listed: UsageListing;
  pkg: Package;
}

/** The question for a delete of which some is in use. */
export interface InUseQuestion<T> {
  message: Text;
  /** One line per lockfile use (one package in use), else per package in use with its uses. */
  lines: Text[];
  note: Text;
  /** Deletes everything. */
  all: Text;
  /** Deletes only what no lockfile uses: offered when there is some. */
  onlyOthers?: { button: Text; targets: T[] };
}

export interface LockfileGuard {
  /** A clean-up's reason to keep the package; undefined when no lockfile resolves to it. */
  keeps(listed: UsageListing, pkg: Package): Text | undefined;
  /** What a delete asks again when a lockfile resolves to some of `targets`; undefined when none. */
  question<T>(targets: readonly T[], of: (target: T) => GuardTarget): InUseQuestion<T> | undefined;
}

export function lockfileGuard(usage: LockfileUsage): LockfileGuard {
  return {
    keeps(listed, pkg) {
      const uses = usage.uses(usageQuery(listed, pkg));
      return uses.length ? usedBy(uses) : undefined;
    },
    question<T>(targets: readonly T[], of: (target: T) => GuardTarget) {
      const used = targets.flatMap((t) => {
        const g = of(t);
        const uses = usage.uses(usageQuery(g.listed, g.pkg));
        return uses.length ? [{ t, label: verbatim(g.label), uses }] : [];
      });
      if (!used.length) return undefined;
      const inUse = new Set(used.map((u) => u.t));
      const others = targets.filter((t) => !inUse.has(t));
      const [one] = used;
      const single = used.length === 1;
      return {
        message: single
          ? text('{0} is used by a workspace lockfile. Delete it anyway?', one.label)
          : text('{0} of these are used by workspace lockfiles. Delete them anyway?', used.length),
        lines: single ? one.uses.map((u) => verbatim(useLabel(u))) : used.map((u) => text('{0} — {1}', u.label, usedBy(u.uses))),
        note: text('Installing from these lockfiles fails once it is deleted. This cannot be undone.'),
        all: single ? text('Delete Anyway') : text('Delete All'),
        ...(others.length ? { onlyOthers: { button: text('Delete the Others Only'), targets: others } } : {}),
      };
    },
  };
}

/** `package-lock.json:31`. */
function useLabel(use: LockfileUse): string {
  return `${use.label}:${use.line}`;
}

/** `used by package-lock.json:31`, the first one named and the rest counted (there is one at least). */
function usedBy(uses: readonly LockfileUse[]): Text {
  const first = verbatim(useLabel(uses[0]));
  return uses.length === 1 ? text('used by {0}', first) : text('used by {0} and {1} more', first, uses.length - 1);
}
