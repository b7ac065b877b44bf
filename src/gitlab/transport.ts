/**
 * The one place that talks HTTP: auth header, timeout and cancellation, bounded retries of
 * reads, redirects that never carry the token to another origin. Failures become typed errors
 * (responseErrors.ts, tlsFailure.ts). Receives `fetch` and the per-origin connection handle so
 * each platform (Node, a browser, tests) passes its own.
 */
import { BadResponseError, CaFileError, CancelledError, GitLabError, InsecureRequestError, TimeoutError, TlsError, TokenReadError } from './errors';
import { ShapeError } from './models';
import { errorForStatus, networkError, parseBody } from './responseErrors';
import { abortableSleep, retryDelay } from './retryPolicy';
import { tlsErrorFor, type PeerCertificate } from './tlsFailure';
import { untilAborted } from '../util/untilAborted';
import type { AuthStyle, FetchLike, FetchResponse, HeaderBag, RequestLogEntry } from './types';

export interface HttpOptions {
  /** Instance root, e.g. `https://gitlab.example.com` or `https://host/gitlab`. */
  instanceUrl: string;
  fetch: FetchLike;
  getToken: () => Promise<string | undefined>;
  authStyle?: AuthStyle;
  timeoutMs?: number;
  userAgent: string;
  log?: (entry: RequestLogEntry) => void;
  /** Retries of a read after 429/502/503/504 or a dropped connection. */
  maxRetries?: number;
  /** A `Retry-After` longer than this is not waited for: the error is reported instead. */
  maxRetryDelayMs?: number;
  /** Plain http is refused for non-loopback hosts unless this is set. */
  allowInsecureHttp?: boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0 ≤ x < 1, for the jitter of retries whose `Retry-After` could not be read (default Math.random). */
  random?: () => number;
  /**
   * The https agent for an origin (custom CA, certificate checks), asked per hop so that a
   * redirect to another origin never inherits the instance's. Undefined: the default stack.
   * May reject (an unusable CA file); the request then fails with a TlsError naming why.
   */
  agent?: (origin: string) => Promise<unknown>;
  /** Reads a failing server certificate for the error's facts (a handshake that sends nothing); absent: no certificate facts. */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Sent as JSON (POST, PATCH). */
  body?: Record<string, unknown>;
  /** Tries after the first for a GET (default: `maxRetries`); writes are never retried. */
  retries?: number;
}

/** Reads may be retried; writes never are (one that reached GitLab is not sent twice). */
export type Method = 'GET' | 'DELETE' | 'POST' | 'PATCH';

export interface JsonResponse {
  status: number;
  headers: HeaderBag;
  body: unknown;
}

const MAX_REDIRECTS = 5;

export class HttpClient {
  readonly apiRoot: string;
  readonly origin: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly opts: HttpOptions) {
    const root = new URL(opts.instanceUrl);
    this.origin = root.origin;
    this.apiRoot = root.origin + root.pathname.replace(/\/+$/, '') + '/api/v4';
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxRetries = opts.maxRetries ?? 2;
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000;
    this.sleep = opts.sleep ?? abortableSleep;
  }

  /** GET (retried when safe) or a write (never retried) returning parsed JSON, or null for 204. */
  async json(method: Method, path: string, options: RequestOptions = {}): Promise<JsonResponse> {
    const url = this.apiRoot + path + queryString(options.query);
    const retries = method === 'GET' ? (options.retries ?? this.maxRetries) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(
          method,
          url,
          path,
          attempt,
          options.signal,
          async (res) => ({
            status: res.status,
            headers: res.headers,
            body: parseBody(await res.text(), res.headers, path, res.status),
          }),
          undefined,
          options.body,
        );
      } catch (e) {
        const delay = attempt < retries ? retryDelay(e, attempt, this.maxRetryDelayMs, this.opts.random) : undefined;
        if (delay === undefined) throw e;
        await this.sleep(delay, options.signal).catch(() => {
          throw new CancelledError(path);
        });
      }
    }
  }

  /** Parses a JSON body with `parse`, turning shape mismatches into BadResponseError. */
  async get<T>(path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<{ value: T; headers: HeaderBag }> {
    return this.parsed('GET', path, parse, options);
  }

  /** Any method, its JSON body parsed with `parse` (a write answers with what it created or changed). */
  async parsed<T>(method: Method, path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<{ value: T; headers: HeaderBag }> {
    const res = await this.json(method, path, options);
    try {
      return { value: parse(res.body), headers: res.headers };
    } catch (e) {
      if (e instanceof ShapeError) throw new BadResponseError(path, res.status, 'shape', e.message);
      throw e;
    }
  }

  /**
   * Streams a file (GET, not retried: the caller's sink has seen part of it). The timeout is an
   * idle timeout here: it restarts with every chunk, so a large file may take as long as it needs.
   */
  async download(path: string, onChunk: (chunk: Uint8Array) => void | Promise<void>, signal?: AbortSignal): Promise<{ headers: HeaderBag }> {
    return this.once(
      'GET',
      this.apiRoot + path,
      path,
      0,
      signal,
      async (res, touch) => {
        const body = res.body as AsyncIterable<Uint8Array> | null | undefined;
        if (!body || typeof body[Symbol.asyncIterator] !== 'function') throw new BadResponseError(path, res.status, 'noBody');
        for await (const chunk of body) {
          touch();
          await onChunk(chunk);
        }
        return { headers: res.headers };
      },
      '*/*',
    );
  }

  private async once<T>(
    method: string,
    firstUrl: string,
    path: string,
    attempt: number,
    outer: AbortSignal | undefined,
    consume: (res: FetchResponse, touch: () => void) => Promise<T>,
    accept = 'application/json',
    body?: Record<string, unknown>,
  ): Promise<T> {
    if (outer?.aborted) throw new CancelledError(path);
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const onTimeout = (): void => {
      timedOut = true;
      controller.abort();
    };
    let timer = setTimeout(onTimeout, this.timeoutMs);
    const touch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, this.timeoutMs);
    };
    const onOuterAbort = (): void => controller.abort();
    outer?.addEventListener('abort', onOuterAbort);
    let status: number | undefined;
    let url = firstUrl;
    let agent: unknown;
    try {
      for (let hop = 0; ; hop++) {
        const sameOrigin = new URL(url).origin === this.origin;
        // The token and the agent come first; a secret store or CA file that never answers must not outlast the timeout or a cancel
        // (the catch below tells which from `timedOut` and `outer`, whatever the rejection).
        const headers = await untilAborted(this.headers(url, path, sameOrigin, accept), controller.signal).catch((e: unknown) => {
          // Nothing was sent: a secret store that outlasts the timeout is no GitLab timeout (a DELETE is known not to have gone).
          if (timedOut) throw new TokenReadError(path, `no answer within ${Math.ceil(this.timeoutMs / 1000)} s`);
          throw e;
        });
        if (body) headers['Content-Type'] = 'application/json';
        agent = await untilAborted(this.agentFor(url, path), controller.signal);
        const payload = body ? { body: JSON.stringify(body) } : {};
        const res = await this.opts.fetch(url, { method, headers, signal: controller.signal, redirect: 'manual', ...payload, ...(agent ? { agent } : {}) });
        status = res.status;
        // The token never follows a redirect it cannot see the target of.
        if (res.redirectHidden) throw new BadResponseError(path, undefined, 'hiddenRedirect', url.split('?')[0]);
        const location = res.headers.get('location');
        if (status >= 300 && status < 400 && location) {
          if (method !== 'GET' || hop >= MAX_REDIRECTS) {
            throw new BadResponseError(path, status, method !== 'GET' ? 'redirectedDelete' : 'tooManyRedirects');
          }
          // The token rides only to its own origin; anything else is fetched anonymously.
          url = new URL(location, url).toString();
          continue;
        }
        if (status >= 200 && status < 300) {
          const result = await consume(res, touch);
          this.log(method, path, firstUrl, started, attempt, status);
          return result;
        }
        const text = await res.text();
        throw errorForStatus(status, path, text, res.headers, !headers['PRIVATE-TOKEN'] && !headers.Authorization, await this.tokenForRedaction());
      }
    } catch (e) {
      const err = await this.classify(e, path, timedOut, url, agent !== undefined, outer);
      err.instanceUrl ??= this.opts.instanceUrl;
      this.log(method, path, firstUrl, started, attempt, status, err.message);
      throw err;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  private log(method: string, path: string, url: string, started: number, attempt: number, status?: number, error?: string): void {
    const query = url.indexOf('?') >= 0 ? url.slice(url.indexOf('?')) : '';
    this.opts.log?.({ method, path: path + query, status, durationMs: Date.now() - started, attempt, error });
  }

  private async headers(url: string, path: string, sameOrigin: boolean, accept: string): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': this.opts.userAgent };
    if (!sameOrigin) return headers;
    const token = await this.opts.getToken().catch((e: unknown) => {
      throw new TokenReadError(path, firstLine(e));
    });
    if (!token) return headers;
    const u = new URL(url);
    if (u.protocol === 'http:' && !isLoopback(u.hostname) && !this.opts.allowInsecureHttp) {
      throw new InsecureRequestError(path, u.origin);
    }
    if ((this.opts.authStyle ?? 'private-token') === 'bearer') headers.Authorization = `Bearer ${token}`;
    else headers['PRIVATE-TOKEN'] = token;
    return headers;
  }

  private async tokenForRedaction(): Promise<string | undefined> {
    try {
      return await this.opts.getToken();
    } catch {
      return undefined;
    }
  }

  private async agentFor(url: string, path: string): Promise<unknown> {
    const u = new URL(url);
    if (u.protocol !== 'https:' || !this.opts.agent) return undefined;
    try {
      return await this.opts.agent(u.origin);
    } catch (e) {
      if (e instanceof CaFileError) throw new TlsError(path, 'caFile', { origin: u.origin, caFile: e.caFile });
      throw new TlsError(path, 'other', { origin: u.origin });
    }
  }

  private async classify(e: unknown, path: string, timedOut: boolean, url: string, customCa: boolean, outer?: AbortSignal): Promise<GitLabError> {
    if (e instanceof GitLabError) return e;
    if (timedOut) return new TimeoutError(path, this.timeoutMs);
    if (outer?.aborted) return new CancelledError(path);
    const tls = await tlsErrorFor(e, { path, url, customCa, peerCertificate: this.opts.peerCertificate });
    return tls ?? networkError(path, e);
  }
}

/** An error's first line, short: what a secret store said, for a row and the log. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? '?' + s : '';
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}
