/**
 * The browser's fetch as the GitLab layer's FetchLike. What a browser hides is said, not guessed:
 * a redirect it does not let us see (`redirect: 'manual'` gives an opaque answer, so the token can
 * never follow it to another origin), headers a cross-origin answer does not expose (GitLab's
 * CORS exposes the paging headers, not `Retry-After`), and a request it refused without saying
 * why (CORS, its certificate checks, mixed content: all a bare "Failed to fetch").
 */
import { isLoopback } from '../../gitlab/transport';
import type { FetchLike, FetchResponse, HeaderBag } from '../../gitlab/types';

/** Headers a cross-origin answer always exposes (the CORS-safelisted response headers). */
export const SAFELISTED: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** The parts of the browser's Request/Response used here. */
export interface BrowserResponse {
  status: number;
  type: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  body: { getReader(): BrowserReader } | null;
}
interface BrowserReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
  releaseLock(): void;
}
export type BrowserFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual'; credentials: 'omit'; mode: 'cors' },
) => Promise<BrowserResponse>;

/** A request the browser refused; `code` says what is known about why (see responseErrors.ts). */
export class BrowserRefusedError extends Error {
  constructor(
    readonly code: 'ERR_MIXED_CONTENT' | 'ERR_BROWSER_REFUSED',
    override readonly cause: unknown,
  ) {
    super(`${code}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BrowserRefusedError';
  }
}

/** `page`: the address the extension runs under (mixed content is judged against it). */
export function webFetch(fetch: BrowserFetch, page?: string): FetchLike {
  return async (url, init) => {
    // The browser sets its own User-Agent; no cookies: GitLab's CORS allows none, the token is the credential.
    const headers = { ...init.headers };
    delete headers['User-Agent'];
    let res: BrowserResponse;
    try {
      // The init is built anew (no agent: a browser has none), so everything the request carries is named here, its body too.
      const body = init.body === undefined ? {} : { body: init.body };
      res = await fetch(url, { method: init.method, headers, ...body, signal: init.signal, redirect: 'manual', credentials: 'omit', mode: 'cors' });
    } catch (e) {
      if (init.signal.aborted) throw e;
      throw new BrowserRefusedError(isMixedContent(url, page) ? 'ERR_MIXED_CONTENT' : 'ERR_BROWSER_REFUSED', e);
    }
    return response(res);
  };
}

function response(res: BrowserResponse): FetchResponse {
  const body = res.body;
  const headers: HeaderBag = {
    get: (name) => res.headers.get(name),
    // A cross-origin answer shows only what the server exposes: an absent header may just be hidden.
    hidden: (name) => res.type === 'cors' && res.headers.get(name) === null && !SAFELISTED.has(name.toLowerCase()),
  };
  return {
    status: res.status,
    headers,
    redirectHidden: res.type === 'opaqueredirect',
    text: () => res.text(),
    // Read lazily: taking the reader locks the body, and most answers are read with text().
    body: body ? { [Symbol.asyncIterator]: () => chunks(body.getReader()) } : null,
  };
}

async function* chunks(reader: BrowserReader): AsyncGenerator<Uint8Array> {
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      if (next.value) yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A page served over https may not fetch plain http (loopback excepted): the browser blocks it. */
function isMixedContent(url: string, page: string | undefined): boolean {
  if (!page) return false;
  const target = new URL(url);
  // A worker started from a blob: URL runs under the page that made it.
  return new URL(page.replace(/^blob:/, '')).protocol === 'https:' && target.protocol === 'http:' && !isLoopback(target.hostname);
}
