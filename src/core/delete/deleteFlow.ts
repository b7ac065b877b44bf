/**
 * The one way anything is deleted — a package row, file rows, a multi-selection, the palette,
 * and clean-up rules: drop duplicates, set aside what the token or GitLab does not allow,
 * what a protection rule will refuse, and what is already being deleted, ask once (the answer may
 * keep some back: what a workspace lockfile uses), claim what is left (a second click that
 * confirmed meanwhile gets only the rest), send each DELETE once, release. The caller words
 * everything from the one report it gets back, so the user hears about it once. A flow that asks
 * a lot before it deletes (a clean-up: a rule, a listing, a preview) begins first: its token is
 * looked at then, and a read-only one stops it before anything is asked or listed; its run looks
 * again, as the token may have been replaced meanwhile.
 */
import type { GitLabClient } from '../../gitlab/client';
import { InFlight } from '../../util/inFlight';
import { deletePackages, type DeleteOutcome } from './bulkDelete';
import { outcomeLogText } from './deleteVerdict';
import { deletionKey, uniqueBy, type Deletion } from './deletion';
import { supports, type GitLabVersion } from '../instances/versionGates';

export interface DeleteRequest {
  deletion: Deletion;
}

/** What was set aside before asking, and what happened to the rest. */
export interface DeleteReport<T extends DeleteRequest> {
  /** The instance's token can only read. */
  readOnly: T[];
  /** GitLab offers no delete for these (role, or protection). */
  notAllowed: T[];
  /** A protection rule lets only a higher role than the user's delete these (`deletion.refusedBy` says why). */
  protected: T[];
  /** Already being deleted by an earlier click. */
  busy: T[];
  /** The user did not confirm (nothing was sent). */
  declined: boolean;
  /** The user confirmed only the others (a workspace lockfile resolves to these): not sent. */
  kept: T[];
  outcomes: DeleteOutcome<{ project: Deletion['project']; packageId: number; fileId?: number; request: T }>[];
}

/** What was set aside before asking, by reason. */
export type SetAside<T extends DeleteRequest> = Pick<DeleteReport<T>, 'readOnly' | 'notAllowed' | 'protected' | 'busy'>;

export interface DeleteDialog<T extends DeleteRequest> {
  /** One confirmation for what may go, told what was set aside. Resolves true to go ahead, or with the only ones to delete. */
  confirm(targets: T[], setAside: SetAside<T>): Promise<boolean | T[]>;
  /** Runs the deletes under a progress indicator; aborting `signal` (its Cancel) stops sending, what is in flight finishes. */
  progress<R>(targets: T[], run: (onSettled: (done: number, total: number) => void, signal?: AbortSignal) => Promise<R>): Promise<R>;
}

export interface DeleteFlowDeps {
  clientFor(instanceUrl: string): GitLabClient;
  /** False when the instance's token is known to be read-only; waits for a check under way (a token just set). */
  tokenMayDelete(instanceUrl: string): Promise<boolean>;
  log(line: string): void;
  /** The instance's GitLab version, when known: whether its file lists keep an order a lost DELETE can be checked against. */
  versionOf?(instanceUrl: string): Promise<GitLabVersion | undefined>;
}

/** A delete flow begun on an instance whose token could delete then: its run looks again (a token swapped meanwhile is read-only). */
export interface DeleteSession {
  run<T extends DeleteRequest>(requests: readonly T[], dialog: DeleteDialog<T>): Promise<DeleteReport<T>>;
}

export class DeleteFlow {
  private readonly inFlight = new InFlight();

  constructor(private readonly deps: DeleteFlowDeps) {}

  /** Looks at the instance's token before the requests are known; undefined when it can only read. */
  async begin(instanceUrl: string): Promise<DeleteSession | undefined> {
    if (!(await this.deps.tokenMayDelete(instanceUrl))) return undefined;
    // The rule, listing and preview may take minutes: run asks again (the answer is cached, so cheaply).
    return { run: (requests, dialog) => this.run(requests, dialog) };
  }

  async run<T extends DeleteRequest>(requests: readonly T[], dialog: DeleteDialog<T>): Promise<DeleteReport<T>> {
    // Each instance's token is asked once per run.
    const mayDelete = new Map<string, Promise<boolean>>();
    const report: DeleteReport<T> = { readOnly: [], notAllowed: [], protected: [], busy: [], declined: false, kept: [], outcomes: [] };
    const candidates: T[] = [];
    for (const r of uniqueBy(requests, (x) => deletionKey(x.deletion))) {
      const url = r.deletion.instanceUrl;
      if (!mayDelete.has(url)) mayDelete.set(url, this.deps.tokenMayDelete(url));
      if (!(await mayDelete.get(url))) report.readOnly.push(r);
      else if (!r.deletion.allowed) report.notAllowed.push(r);
      else if (r.deletion.refusedBy) report.protected.push(r);
      else if (this.inFlight.has(deletionKey(r.deletion))) report.busy.push(r);
      else candidates.push(r);
    }
    if (!candidates.length) return report;
    const confirmed = await dialog.confirm(candidates, report);
    if (!confirmed) return { ...report, declined: true };
    const only = confirmed === true ? undefined : new Set(confirmed);
    const chosen = only ? candidates.filter((c) => only.has(c)) : candidates;
    report.kept = only ? candidates.filter((c) => !only.has(c)) : [];
    const claimed = new Set(this.inFlight.claim(chosen.map((c) => deletionKey(c.deletion))));
    const targets = chosen.filter((c) => claimed.has(deletionKey(c.deletion)));
    report.busy.push(...chosen.filter((c) => !claimed.has(deletionKey(c.deletion))));
    if (!targets.length) return report;
    try {
      report.outcomes = await dialog.progress(targets, (onSettled, signal) => this.send(targets, onSettled, signal));
    } finally {
      this.inFlight.release([...claimed]);
    }
    return report;
  }

  /** Per instance, each with its own bounded concurrency; one progress count across all. */
  private async send<T extends DeleteRequest>(
    targets: T[],
    onSettled: (done: number, total: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<DeleteReport<T>['outcomes']> {
    const byInstance = new Map<string, T[]>();
    for (const t of targets) byInstance.set(t.deletion.instanceUrl, [...(byInstance.get(t.deletion.instanceUrl) ?? []), t]);
    let done = 0;
    const results = await Promise.all(
      [...byInstance].map(async ([instanceUrl, requests]) => {
        const client = this.deps.clientFor(instanceUrl);
        const items = requests.map((request) => ({ ...request.deletion, request }));
        // An unknown version gives no such guarantee (before 14.9 the list had no order).
        const version = await this.deps.versionOf?.(instanceUrl).catch(() => undefined);
        const filesInIdOrder = version !== undefined && supports(version, 'fileIdOrder');
        return deletePackages(client, items, { concurrency: client.concurrency, signal, filesInIdOrder, onSettled: () => onSettled(++done, targets.length) });
      }),
    );
    const outcomes = results.flat();
    for (const o of outcomes) {
      const what = o.target.fileId === undefined ? `package ${o.target.packageId}` : `file ${o.target.fileId} of package ${o.target.packageId}`;
      this.deps.log(`DELETE ${what} of ${String(o.target.project)}: ${outcomeLogText(o)}`);
    }
    return outcomes;
  }
}
