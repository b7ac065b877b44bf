/**
 * A DELETE whose answer was lost — a timeout, a dropped connection, a 5xx a proxy may have sent
 * after GitLab did the work — is never sent again: the package (or the package's file list) is
 * read once more to learn what happened. GitLab marks a deleted package `pending_destruction` at
 * once (app/services/packages/mark_package_for_destruction_service.rb); from then on its routes
 * answer 404 (app/finders/packages/package_finder.rb: only `displayable` packages — default,
 * error, deprecated), and a deleted file leaves the file list (lib/api/package_files.rb:
 * `installable_package_files`). The package's own GET says 404 for an `error` package too
 * (lib/api/project_packages.rb: `detailed_info?`), so a 404 there is asked again of its file list.
 */
import type { GitLabClient } from '../gitlab/client';
import { asGitLabError, NetworkError, NotFoundError, ServerError, TimeoutError, type GitLabError, type NetworkProblem } from '../gitlab/errors';
import type { DeleteOutcome, DeleteTarget, Recheck } from './deleteOutcome';

/** Failures that come before anything is sent. */
const NEVER_SENT: ReadonlySet<NetworkProblem> = new Set(['dns', 'refused', 'unreachable', 'mixedContent']);
/** A file list is read this far, no further (100 files a page). */
const MAX_FILE_PAGES = 100;

/** The failure may have come after GitLab applied the request: its answer, not the request, was lost. */
export function answerMayBeLost(e: GitLabError): boolean {
  if (e instanceof TimeoutError || e instanceof ServerError) return true;
  if (e instanceof NetworkError) return !NEVER_SENT.has(e.problem);
  // A 2xx whose body was odd was applied; a redirect was not (a DELETE is never followed).
  return e.kind === 'badResponse' && e.status !== undefined && e.status >= 200 && e.status < 300;
}

/** GitLab may still be working on it (the client or a proxy stopped waiting): "still listed" then proves nothing. */
function mayStillBeAtWork(e: GitLabError): boolean {
  return e instanceof TimeoutError || (e instanceof ServerError && e.status === 504) || (e instanceof NetworkError && e.problem === 'timedOut');
}

/** The outcome of a DELETE that failed with `error`, re-reading first when its answer may have been lost. */
export async function settleFailure<T extends DeleteTarget>(client: GitLabClient, target: T, error: GitLabError): Promise<DeleteOutcome<T>> {
  if (!answerMayBeLost(error)) return { target, ok: false, error };
  const recheck = await reread(client, target);
  if (recheck.found === 'gone') return { target, ok: true, answerLost: error };
  const unsure = recheck.found === 'unknown' || mayStillBeAtWork(error);
  return { target, ok: false, error, recheck, ...(unsure ? { mayHaveBeenDeleted: true as const } : {}) };
}

/** The package's GET (its 404 confirmed by its file list); a file: pages of the package's files until it is found. */
export async function reread(client: GitLabClient, t: DeleteTarget): Promise<Recheck> {
  try {
    if (t.fileId === undefined) {
      const pkg = await client.getPackage(t.project, t.packageId).catch((e: unknown) => {
        if (e instanceof NotFoundError) return undefined;
        throw e;
      });
      if (pkg) return pkg.status === 'pending_destruction' ? GONE : LISTED;
      // A 404: gone — or an `error` package, whose file list still answers (a 404 there lands below).
      await client.packageFilesPage(t.project, t.packageId, 1);
      return LISTED;
    }
    for (let page = 1, read = 0; read < MAX_FILE_PAGES; read++) {
      const files = await client.packageFilesPage(t.project, t.packageId, page);
      if (files.items.some((f) => f.id === t.fileId)) return LISTED;
      if (files.nextPage === undefined) return GONE;
      page = files.nextPage;
    }
    return { found: 'unknown', error: asGitLabError(new Error(`file ${t.fileId} not within ${MAX_FILE_PAGES} pages`)) };
  } catch (e) {
    // The package is gone, and a file goes with it.
    if (e instanceof NotFoundError) return GONE;
    return { found: 'unknown', error: asGitLabError(e) };
  }
}

const GONE: Recheck = { found: 'gone' };
const LISTED: Recheck = { found: 'listed' };

/** For the log: what happened to one target, in a few words. */
export function outcomeLogText(o: DeleteOutcome<DeleteTarget>): string {
  if (o.ok) return o.answerLost ? `deleted (the answer was lost: ${o.answerLost.message}; read again: gone)` : 'deleted';
  if (o.error.kind === 'cancelled') return 'not sent (cancelled)';
  const recheck = !o.recheck ? '' : o.recheck.found === 'listed' ? '; read again: still listed' : `; reading again failed: ${o.recheck.error.message}`;
  return o.mayHaveBeenDeleted ? `may have been deleted (the answer was lost: ${o.error.message}${recheck})` : `${o.error.message}${recheck}`;
}
