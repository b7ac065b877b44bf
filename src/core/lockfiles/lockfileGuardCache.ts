/**
 * The workspace's lockfile guard, kept between deletes: a lockfile is parsed again only when its
 * stamp (the host's mtime and size, or an open document's version) changed, and the index is
 * built again only when a lockfile or the configured instances did. Parsing is local, so it is
 * done in untrusted workspaces too. A lockfile that is there but cannot be read is kept as such
 * (the guard then holds back what it may use), and read again next time.
 */
import { lockfileFormat } from './lockfileFormat';
import type { ParsedLockfile } from './lockEntry';
import { lockfileGuard, type LockfileGuard } from './lockfileGuard';
import { lockfileUsage } from './lockfileUsage';
import { parseLockfile } from './parseLockfile';

/** A lockfile as the host finds it: read only when its stamp is new. */
export interface LockfileSource {
  /** Its identity (the URI). */
  key: string;
  /** The path shown to people. */
  label: string;
  /** The path whose base name tells the format. */
  path: string;
  /** Changes whenever its text may have; a rejection (the file is gone) leaves the file out. */
  stamp: string | PromiseLike<string>;
  /** Its text; a rejection (its stamp was read, so the file is there) makes it a lockfile that could not be read. */
  read(): Promise<string>;
}

interface Parsed {
  stamp: string;
  label: string;
  parsed: ParsedLockfile;
  /** The read failed: not kept for the stamp. */
  readError?: string;
}

export class LockfileGuardCache {
  private parsed = new Map<string, Parsed>();
  private built?: { signature: string; guard: LockfileGuard };

  async guard(sources: readonly LockfileSource[], instanceUrls: readonly string[]): Promise<LockfileGuard> {
    const read = (await Promise.all(sources.map((s) => this.parse(s)))).filter((r): r is [string, Parsed] => r !== undefined);
    this.parsed = new Map(read.filter(([, p]) => p.readError === undefined));
    const files = read.map(([, p]) => p);
    const signature = JSON.stringify([instanceUrls, read.map(([key, p]) => [key, p.stamp, p.label, p.readError])]);
    if (this.built?.signature !== signature) this.built = { signature, guard: lockfileGuard(lockfileUsage(files, instanceUrls)) };
    return this.built.guard;
  }

  private async parse(s: LockfileSource): Promise<[string, Parsed] | undefined> {
    const format = lockfileFormat(s.path);
    if (!format) return undefined;
    const stamp = await Promise.resolve(s.stamp).catch(() => undefined);
    if (stamp === undefined) return undefined;
    const known = this.parsed.get(s.key);
    if (known?.stamp === stamp) return [s.key, { ...known, label: s.label }];
    const text = await s.read().then(
      (t) => ({ t }),
      (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
    );
    const parsed = 't' in text ? parseLockfile(format, text.t) : { format, entries: [], ignored: 0, problems: [] };
    return [s.key, { stamp, label: s.label, parsed, ...('error' in text ? { readError: text.error } : {}) }];
  }
}
