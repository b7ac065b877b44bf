/**
 * What deletes and clean-ups are told about the workspace's lockfiles, worded: a clean-up's reason
 * to keep a version (`used by package-lock.json:31`), and the question a delete asks again. Built
 * in the lockfile engine beside the index it reads (the main web bundle only shows what it gets).
 * A lockfile that could not be read (a merge conflict, yarn 2+, past the size limit) may resolve
 * to any version of its ecosystem: those are kept and asked about too, naming it.
 */
import type { Package } from '../../gitlab/models';
import { plainLine } from '../../util/format';
import { text, verbatim, type Text } from '../../util/text';
import { knownPaths, type KnownPaths, type LockfileUse, type LockfileUsage, type UnreadLockfile } from './lockfileUsage';
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

/** A clean-up's view of the lockfiles over one listing. */
export interface Keeper {
  /** Why a lockfile keeps the package; undefined when none resolves to it, nor may. A function, to be handed on. */
  keeps: (pkg: Package) => Text | undefined;
  /** One note per lockfile that could not be read and may use some of `kept`. */
  notes(kept: readonly Package[]): Text[];
}

export interface LockfileGuard {
  /** A clean-up's keeper for the packages of one listing (the paths GitLab gave them tell which project a lockfile names). */
  keeper(listed: UsageListing, listing: readonly Package[]): Keeper;
  /** What a delete asks again when a lockfile resolves (or may) to some of `targets`; undefined when none. */
  question<T>(targets: readonly T[], of: (target: T) => GuardTarget): InUseQuestion<T> | undefined;
}

export function lockfileGuard(usage: LockfileUsage): LockfileGuard {
  const held = (listed: UsageListing, pkg: Package, known: KnownPaths) => ({
    uses: usage.uses(usageQuery(listed, pkg), known),
    unread: usage.unread(pkg.packageType),
  });
  return {
    keeper(listed, listing) {
      const known = knownPaths(listing.map((pkg) => usageQuery(listed, pkg)));
      return {
        keeps: (pkg) => {
          const { uses, unread } = held(listed, pkg, known);
          return uses.length ? usedBy(uses) : unread.length ? notRead(unread) : undefined;
        },
        notes: (kept) =>
          [...new Set(kept.map((p) => p.packageType))].flatMap((type) =>
            usage.unread(type).map((u) => text('{0} could not be read ({1}): the {2} packages it may use are kept', u.label, why(u), type)),
          ),
      };
    },
    question<T>(targets: readonly T[], of: (target: T) => GuardTarget) {
      const guarded = targets.map((t) => ({ t, g: of(t) }));
      const known = knownPaths(guarded.map(({ g }) => usageQuery(g.listed, g.pkg)));
      const used = guarded.flatMap(({ t, g }) => {
        const h = held(g.listed, g.pkg, known);
        return h.uses.length || h.unread.length ? [{ t, label: verbatim(g.label), ...h }] : [];
      });
      if (!used.length) return undefined;
      const inUse = new Set(used.map((u) => u.t));
      const others = targets.filter((t) => !inUse.has(t));
      const [one] = used;
      const single = used.length === 1;
      // Every lockfile that could not be read and may use one of these, once.
      const unread = [...new Map(used.flatMap((u) => u.unread).map((u) => [u.label, u])).values()];
      const maybe = used.some((u) => !u.uses.length);
      return {
        message: single
          ? one.uses.length
            ? text('{0} is used by a workspace lockfile. Delete it anyway?', one.label)
            : text('{0} may be used by a workspace lockfile that could not be read. Delete it anyway?', one.label)
          : maybe
            ? text('{0} of these may be used by workspace lockfiles. Delete them anyway?', used.length)
            : text('{0} of these are used by workspace lockfiles. Delete them anyway?', used.length),
        lines: single
          ? [...one.uses.map(useLabel), ...unread.map((u) => text('{0} could not be read ({1}); it may use this version', u.label, why(u)))]
          : [
              ...unread.map((u) => text('{0} could not be read ({1}); it may use these versions', u.label, why(u))),
              ...used.map((u) => text('{0} — {1}', u.label, u.uses.length ? usedBy(u.uses) : notRead(u.unread))),
            ],
        note: text('Installing from these lockfiles fails once it is deleted. This cannot be undone.'),
        all: single ? text('Delete Anyway') : text('Delete All'),
        ...(others.length ? { onlyOthers: { button: text('Delete the Others Only'), targets: others } } : {}),
      };
    },
  };
}

/** `package-lock.json:31`; a line naming another path than the project's: that path, said to be a former one maybe. */
function useLabel(use: LockfileUse): Text {
  const at = verbatim(`${use.label}:${use.line}`);
  return use.via === undefined ? at : text('{0} (names {1}, maybe a former path of its project)', at, verbatim(use.via));
}

/** `used by package-lock.json:31`, the first one named and the rest counted (there is one at least). */
function usedBy(uses: readonly LockfileUse[]): Text {
  const first = useLabel(uses[0]);
  return uses.length === 1 ? text('used by {0}', first) : text('used by {0} and {1} more', first, uses.length - 1);
}

/** `package-lock.json could not be read` (there is one at least). */
function notRead(unread: readonly UnreadLockfile[]): Text {
  return text('{0} could not be read', verbatim(unread.map((u) => u.label).join(', ')));
}

/** What stopped the reader, short, in its own words: `line 3: merge conflict marker`, `line 1: lockfileVersion 9`. */
function why(u: UnreadLockfile): Text {
  const p = u.problem;
  const what = p.kind === 'too-large' ? text('larger than a lockfile is read') : verbatim(plainLine(p.detail ?? '', 120));
  return p.line ? text('line {0}: {1}', p.line, what) : what;
}
