/**
 * Each project's protection rules and the user's role there, read once per project (keyed by
 * instance and project id) and kept for all who ask: the tree's rows, deletes, clean-up. The
 * rows read what is known here each time they are drawn; listeners hear when a read lands.
 * Reading a project again keeps what was known until the new read lands (its rows keep their
 * locks meanwhile); forgetting every project (a token or the settings changed) drops it all.
 */
import type { GitLabClient } from '../../gitlab/client';
import type { Project } from '../../gitlab/models';
import type { ListedUnder } from '../browse/packageOwner';
import type { GitLabVersion } from '../instances/versionGates';
import { loadProtection, mayReadRules } from './projectProtection';
import type { AdminStanding, ProjectProtection } from './protectionRules';

export interface ProtectionCacheDeps {
  clientFor(instanceUrl: string): GitLabClient;
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
  /** The token's user as an instance administrator (asked once per instance; undefined when not one, or unknown). */
  adminStanding?(instanceUrl: string): Promise<AdminStanding | undefined>;
  /** The token's user's id (a personal project's owner is its Owner whatever its member record says). */
  currentUserId?(instanceUrl: string): Promise<number | undefined>;
  /** The project's rules are read again or showed a delete level: delete protection may be on there. */
  deleteProtectionMayBeOn?(instanceUrl: string, projectId: number): void;
}

/** Which project a read was about. */
export interface ProtectionKey {
  instanceUrl: string;
  projectId: number;
}

interface Read {
  controller: AbortController;
  done: Promise<ProjectProtection | undefined>;
}

interface Entry {
  key: ProtectionKey;
  /** The read under way or done; none once the project is to be read again. */
  read?: Read;
  /** What the last read that landed found. */
  known?: ProjectProtection;
}

export class ProtectionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(key: ProtectionKey) => void>();

  constructor(private readonly deps: ProtectionCacheDeps) {}

  /** The rules of a looked-up project, read once (undefined for a group, a project not looked up, or a user who may not read them). */
  read(listed: ListedUnder): Promise<ProjectProtection | undefined> {
    const project = listed.project;
    if (!project) return Promise.resolve(undefined);
    const id = idOf(listed.ref.instanceUrl, project.id);
    let entry = this.entries.get(id);
    if (!entry) this.entries.set(id, (entry = { key: { instanceUrl: listed.ref.instanceUrl, projectId: project.id } }));
    return (entry.read ??= this.start(entry, project)).done;
  }

  /** What is known of the project now: undefined until its first read lands (or when its rules cannot be read). */
  known(listed: ListedUnder): ProjectProtection | undefined {
    return listed.project ? this.entries.get(idOf(listed.ref.instanceUrl, listed.project.id))?.known : undefined;
  }

  /** Called each time a read lands (with rules or without); returns the way to stop listening. */
  onDidLand(listener: (key: ProtectionKey) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read the project again at the next ask (a refresh, a rule changed); what was known stands until then. */
  reread(listed: ListedUnder): void {
    const entry = listed.project ? this.entries.get(idOf(listed.ref.instanceUrl, listed.project.id)) : undefined;
    if (entry) this.drop(entry);
  }

  /** Every project is read again, and nothing is known until it is (a token or the settings changed, the whole tree was refreshed). */
  forget(): void {
    for (const entry of this.entries.values()) this.drop(entry);
    this.entries.clear();
  }

  /** Resolves once the reads under way (and the administrator checks they ask) have landed. */
  async whenSettled(): Promise<void> {
    await Promise.all([...this.entries.values()].flatMap((e) => (e.read ? [e.read.done] : [])));
  }

  private drop(entry: Entry): void {
    if (!entry.read) return;
    entry.read.controller.abort();
    entry.read = undefined;
    this.deps.deleteProtectionMayBeOn?.(entry.key.instanceUrl, entry.key.projectId);
  }

  private start(entry: Entry, project: Project): Read {
    const controller = new AbortController();
    const { instanceUrl, projectId } = entry.key;
    const read: Read = {
      controller,
      done: this.load(instanceUrl, project, controller.signal).then(
        (p) => {
          if (p?.rules.some((r) => r.minimumAccessLevelForDelete !== undefined)) this.deps.deleteProtectionMayBeOn?.(instanceUrl, projectId);
          return p;
        },
        () => undefined,
      ),
    };
    // Only the read the entry still waits for says what is known (a replaced one was aborted).
    void read.done.then((p) => {
      if (entry.read !== read || this.entries.get(idOf(instanceUrl, projectId)) !== entry) return;
      entry.known = p;
      for (const listener of [...this.listeners]) listener(entry.key);
    });
    return read;
  }

  /**
   * With the server's version known, the gates decide before anything is sent; while it is
   * still being asked (right after activation), the rules are asked beside it rather than after
   * it — one round trip less before the first rows — and dropped if the server turns out too old.
   */
  private async load(instanceUrl: string, project: Project, signal: AbortSignal): Promise<ProjectProtection | undefined> {
    const client = this.deps.clientFor(instanceUrl);
    const version = this.deps.versionOf?.(instanceUrl) ?? Promise.resolve(undefined);
    const unknown = Symbol('unknown');
    // An already settled promise wins the race against one made after it: "known now" or not.
    const known = await Promise.race([version, Promise.resolve(unknown)]);
    const admin = (): Promise<AdminStanding | undefined> => this.deps.adminStanding?.(instanceUrl) ?? Promise.resolve(undefined);
    const userId = (): Promise<number | undefined> => this.deps.currentUserId?.(instanceUrl) ?? Promise.resolve(undefined);
    if (known !== unknown) return loadProtection(client, project, known, signal, admin, userId);
    const [v, protection] = await Promise.all([version, loadProtection(client, project, undefined, signal, admin, userId)]);
    return mayReadRules(project, v) ? protection : undefined;
  }
}

function idOf(instanceUrl: string, projectId: number): string {
  return `${instanceUrl}#${projectId}`;
}
