/**
 * The one place that talks HTTP: auth header, timeout and cancellation, bounded retries of
 * reads, redirects that never carry the token to another origin, and mapping of failures to
 * typed errors. Receives `fetch` so tests and the extension can each pass their own.
 */
import type { Agent } from 'node:http';
import {
  BadRequestError,
  BadResponseError,
  CancelledError,
  ForbiddenError,
  GitLabError,
  InsecureRequestError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  TlsError,
  UnauthorizedError,
} from './errors';
import { ShapeError } from './models';
import { readPeerCertificate, tlsErrorFor, type PeerCertificate } from './tlsFailure';

export interface HeaderBag {
  get(name: string): string | null;
}

export interface FetchResponse {
  status: number;
  headers: HeaderBag;
  text(): Promise<string>;
  /** The body as a stream (node-fetch: a Readable), for downloads. */
  body?: unknown;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  redirect: 'manual';
  /** Set only for an origin with its own TLS settings (node-fetch v2 passes it to https). */
  agent?: Agent;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export type AuthStyle = 'private-token' | 'bearer';

export interface RequestLogEntry {
  method: string;
  /** Path below the API root, query string included (queries never hold secrets here). */
  path: string;
  status?: number;
  durationMs: number;
  attempt: number;
  error?: string;
}

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
  /**
   * The https agent for an origin (custom CA, certificate checks), asked per hop so that a
   * redirect to another origin never inherits the instance's. Undefined: the default stack.
   * May reject (an unusable CA file); the request then fails with a TlsError naming why.
   */
  agent?: (origin: string) => Promise<Agent | undefined>;
  /** Reads a failing server certificate to word the error (default: a handshake that sends nothing). */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

export interface JsonResponse {
  status: number;
  headers: HeaderBag;
  body: unknown;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
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

  /** GET (retried when safe) or DELETE (never retried) returning parsed JSON, or null for 204. */
  async json(method: 'GET' | 'DELETE', path: string, options: RequestOptions = {}): Promise<JsonResponse> {
    const url = this.apiRoot + path + queryString(options.query);
    const retries = method === 'GET' ? this.maxRetries : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, url, path, attempt, options.signal, async (res) => ({
          status: res.status,
          headers: res.headers,
          body: parseBody(await res.text(), res.headers, path, res.status),
        }));
      } catch (e) {
        const delay = attempt < retries ? this.retryDelay(e, attempt) : undefined;
        if (delay === undefined) throw e;
        await this.sleep(delay, options.signal).catch(() => {
          throw new CancelledError(path);
        });
      }
    }
  }

  /** Parses a JSON body with `parse`, turning shape mismatches into BadResponseError. */
  async get<T>(path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<{ value: T; headers: HeaderBag }> {
    const res = await this.json('GET', path, options);
    try {
      return { value: parse(res.body), headers: res.headers };
    } catch (e) {
      if (e instanceof ShapeError) throw new BadResponseError(path, res.status, e.message);
      throw e;
    }
  }

  private retryDelay(e: unknown, attempt: number): number | undefined {
    const backoff = 200 * 2 ** attempt;
    if (e instanceof RateLimitedError) {
      const wait = e.retryAfterMs ?? backoff;
      return wait <= this.maxRetryDelayMs ? wait : undefined;
    }
    if (e instanceof ServerError && RETRYABLE.has(e.status ?? 0)) return backoff;
    if (e instanceof NetworkError) return backoff;
    return undefined;
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
        if (!body || typeof body[Symbol.asyncIterator] !== 'function') throw new BadResponseError(path, res.status, 'the answer has no body to download');
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
    let agent: Agent | undefined;
    try {
      for (let hop = 0; ; hop++) {
        const sameOrigin = new URL(url).origin === this.origin;
        const headers = await this.headers(url, path, sameOrigin, accept);
        agent = await this.agentFor(url, path);
        const res = await this.opts.fetch(url, { method, headers, signal: controller.signal, redirect: 'manual', ...(agent ? { agent } : {}) });
        status = res.status;
        const location = res.headers.get('location');
        if (status >= 300 && status < 400 && location) {
          if (method !== 'GET' || hop >= MAX_REDIRECTS) {
            throw new BadResponseError(path, status, method !== 'GET' ? `unexpected redirect of a ${method}` : 'too many redirects');
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
        throw errorFor(status, path, text, res.headers, !headers['PRIVATE-TOKEN'] && !headers.Authorization, await this.tokenForRedaction());
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
    const token = await this.opts.getToken();
    if (!token) return headers;
    const u = new URL(url);
    if (u.protocol === 'http:' && !isLoopback(u.hostname) && !this.opts.allowInsecureHttp) {
      throw new InsecureRequestError(
        path,
        `Refusing to send the access token over plain http to ${u.host}. Use https, or add ${u.origin} to the setting gitlabPackages.allowHttpFor.`,
      );
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

  private async agentFor(url: string, path: string): Promise<Agent | undefined> {
    const u = new URL(url);
    if (u.protocol !== 'https:' || !this.opts.agent) return undefined;
    try {
      return await this.opts.agent(u.origin);
    } catch (e) {
      throw new TlsError(path, 'caFile', u.host, e instanceof Error ? e.message : String(e));
    }
  }

  private async classify(e: unknown, path: string, timedOut: boolean, url: string, customCa: boolean, outer?: AbortSignal): Promise<GitLabError> {
    if (e instanceof GitLabError) return e;
    if (timedOut) return new TimeoutError(path, this.timeoutMs);
    if (outer?.aborted) return new CancelledError(path);
    const tls = await tlsErrorFor(e, { path, url, customCa, peerCertificate: this.opts.peerCertificate ?? ((u) => readPeerCertificate(u)) });
    return tls ?? new NetworkError(path, describeNetworkFailure(e));
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? '?' + s : '';
}

function parseBody(text: string, headers: HeaderBag, path: string, status: number): unknown {
  if (status === 204 || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadResponseError(
      path,
      status,
      looksLikeHtml(text, headers) ? 'an HTML page instead of data (a sign-in page or proxy in the way?)' : 'the body is not valid JSON (cut off?)',
    );
  }
}

function looksLikeHtml(text: string, headers: HeaderBag): boolean {
  return (headers.get('content-type') ?? '').includes('html') || /^\s*</.test(text);
}

/** The human text GitLab put in an error body: `message` (string or object), `error`, `error_description`. */
export function serverText(text: string, headers: HeaderBag): { message?: string; error?: string } {
  if (!text) return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null) {
      const o = body as Record<string, unknown>;
      const message = typeof o.message === 'string' ? o.message : typeof o.message === 'object' && o.message !== null ? JSON.stringify(o.message) : undefined;
      const description = typeof o.error_description === 'string' ? o.error_description : undefined;
      const error = typeof o.error === 'string' ? o.error : undefined;
      return { message: message ?? description ?? error, error };
    }
  } catch {
    // Not JSON: Rack::Attack answers 429 with plain text.
  }
  if (looksLikeHtml(text, headers)) return {};
  return { message: text.trim().slice(0, 200) };
}

function errorFor(status: number, path: string, text: string, headers: HeaderBag, noToken: boolean, token: string | undefined): GitLabError {
  const { message: raw, error } = serverText(text, headers);
  const message = redact(raw, token);
  if (status === 401) return new UnauthorizedError(path, message, noToken);
  if (status === 403) {
    const reason = /deletion protected/i.test(raw ?? '') ? 'protected' : error === 'insufficient_scope' ? 'scope' : 'role';
    return new ForbiddenError(path, message, reason);
  }
  if (status === 404) return new NotFoundError(path, message);
  if (status === 429) return new RateLimitedError(path, message, retryAfterMs(headers));
  if (status >= 500) return new ServerError(path, status, message);
  return new BadRequestError(path, status, message);
}

function redact(text: string | undefined, token: string | undefined): string | undefined {
  if (!text || !token) return text;
  return text.split(token).join('[token]');
}

/** `Retry-After` as seconds or an HTTP date. */
export function retryAfterMs(headers: HeaderBag, now = Date.now()): number | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeNetworkFailure(e: unknown): string {
  const err = e as { code?: string; errno?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  const code = err?.code ?? err?.errno ?? err?.cause?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved (DNS)';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return 'the connection was closed before the answer was complete';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host is unreachable';
    default:
      if (/premature close|aborted|socket hang up/i.test(err?.message ?? '')) return 'the connection was closed before the answer was complete';
      return code ? `network error (${code})` : 'network error';
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
