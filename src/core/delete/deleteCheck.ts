/**
 * A DELETE whose answer was lost — a timeout, a dropped connection, a 5xx a proxy may have sent
 * after GitLab did the work — is never sent again: the package (or the package's file list) is
 * read once more to learn what happened. GitLab marks a deleted package `pending_destruction` at
 * once (app/services/packages/mark_package_for_destruction_service.rb); from then on its routes
 * answer 404 (app/finders/packages/package_finder.rb: only `displayable` packages — default,
 * error, deprecated), and a deleted file leaves the file list (lib/api/package_files.rb:
 * `installable_package_files`). The package's own GET says 404 for an `error` package too
 * (lib/api/project_packages.rb: `detailed_info?`), so a 404 there is asked again of its file list.
 * Each read is tried once (no automatic retries: the bulk delete pauses on a 429 and counts failures),
 * and a Cancel aborts it.
 */
import type { GitLabClient } from '../../gitlab/client';
import {
  asGitLabError,
  BadResponseError,
  NetworkError,
  NotFoundError,
  ServerError,
  TimeoutError,
  type GitLabError,
  type NetworkProblem,
} from '../../gitlab/errors';
import type { DeleteOutcome, DeleteTarget, Recheck } from './deleteOutcome';
import { findFile } from './fileSearch';

export interface RereadOptions {
  /** Aborts the reads (a Cancel): the outcome is then "may have been deleted (not read again)". */
  signal?: AbortSignal;
  /** The server lists a package's files by ascending id (GitLab 14.9+): only then can "not listed" mean gone. */
  filesInIdOrder: boolean;
}

/** Failures that come before anything is sent. */
const NEVER_SENT: ReadonlySet<NetworkProblem> = new Set(['dns', 'refused', 'unreachable', 'mixedContent']);

/** The failure may have come after GitLab applied the request: its answer, not the request, was lost. */
export function answerMayBeLost(e: GitLabError): boolean {
  if (e instanceof TimeoutError || e instanceof ServerError) return true;
  if (e instanceof NetworkError) return !NEVER_SENT.has(e.problem) && !e.whileConnecting;
  // A 2xx whose body was cut off was applied; a redirect was not (a DELETE is never followed), nor an
  // HTML page (a sign-in page of a proxy in front of GitLab answers 200 in GitLab's place).
  return e instanceof BadResponseError && e.problem !== 'html' && e.status !== undefined && e.status >= 200 && e.status < 300;
}

/**
 * Only Rails' own error answer (GitLab's JSON, not a 504) proves GitLab is done with the request; after
 * anything else — a timeout, a dropped or refused connection (a load balancer's idle cut, a proxy page a
 * browser will not show), a proxy's or Workhorse's page — GitLab may still be at work, so "still listed"
 * proves nothing.
 */
function mayStillBeAtWork(e: GitLabError): boolean {
  return !(e instanceof ServerError && e.fromRails && e.status !== 504);
}

/** The outcome of a DELETE that failed with `error`, re-reading first when its answer may have been lost. */
export async function settleFailure<T extends DeleteTarget>(
  client: GitLabClient,
  target: T,
  error: GitLabError,
  opts: RereadOptions,
): Promise<DeleteOutcome<T>> {
  if (!answerMayBeLost(error)) return { target, ok: false, error };
  const recheck = await reread(client, target, opts);
  if (recheck.found === 'gone') return { target, ok: true, answerLost: error };
  const unsure = recheck.found !== 'listed' || mayStillBeAtWork(error);
  return { target, ok: false, error, recheck, ...(unsure ? { mayHaveBeenDeleted: true as const } : {}) };
}

/** The package's GET (its 404 confirmed by its file list); a file: the package's file list (fileSearch.ts). */
export async function reread(client: GitLabClient, t: DeleteTarget, opts: RereadOptions): Promise<Recheck> {
  const filesPage = (page: number) => client.packageFilesPage(t.project, t.packageId, page, { orderBy: 'id', sort: 'asc' }, opts.signal, true);
  try {
    if (t.fileId === undefined) {
      const pkg = await client.getPackage(t.project, t.packageId, opts.signal, true).catch((e: unknown) => {
        if (e instanceof NotFoundError) return undefined;
        throw e;
      });
      if (pkg) return pkg.status === 'pending_destruction' ? GONE : LISTED;
      // A 404: gone — or an `error` package, whose file list still answers (a 404 there lands below).
      await filesPage(1);
      return LISTED;
    }
    return await findFile(filesPage, t.fileId, opts.filesInIdOrder);
  } catch (e) {
    // The package is gone, and a file goes with it.
    if (e instanceof NotFoundError) return GONE;
    return { found: 'unknown', error: asGitLabError(e) };
  }
}

const GONE: Recheck = { found: 'gone' };
const LISTED: Recheck = { found: 'listed' };
