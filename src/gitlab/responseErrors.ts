/** What a failed answer or connection means: GitLab's error bodies and Node's error codes, as typed errors. */
import {
  BadRequestError,
  BadResponseError,
  ForbiddenError,
  type GitLabError,
  NetworkError,
  type NetworkProblem,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
} from './errors';
import type { HeaderBag } from './types';

export function parseBody(text: string, headers: HeaderBag, path: string, status: number): unknown {
  if (status === 204 || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadResponseError(path, status, looksLikeHtml(text, headers) ? 'html' : 'invalidJson');
  }
}

function looksLikeHtml(text: string, headers: HeaderBag): boolean {
  return (headers.get('content-type') ?? '').includes('html') || /^\s*</.test(text);
}

/** The human text GitLab put in an error body: `message` (string or object), `error`, `error_description`; `json`: the body was a JSON object. */
export function serverText(text: string, headers: HeaderBag): { message?: string; error?: string; json?: true } {
  if (!text) return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null) {
      const o = body as Record<string, unknown>;
      const message = typeof o.message === 'string' ? o.message : typeof o.message === 'object' && o.message !== null ? validationText(o.message) : undefined;
      const description = typeof o.error_description === 'string' ? o.error_description : undefined;
      const error = typeof o.error === 'string' ? o.error : undefined;
      return { message: message ?? description ?? error, error, json: true };
    }
  } catch {
    // Not JSON: Rack::Attack answers 429 with plain text.
  }
  if (looksLikeHtml(text, headers)) return {};
  return { message: text.trim().slice(0, 200) };
}

/**
 * GitLab's validation errors (`render_validation_error!`): `{ field: ["has already been taken"] }`,
 * or `{ error: [...] }` / `{ base: [...] }` for whole-record ones; or a plain list of full
 * messages (`render_api_error!` with an array) — as one readable line.
 */
function validationText(errors: object): string {
  const parts = Array.isArray(errors)
    ? strings(errors, 10)
    : Object.entries(errors)
        .slice(0, 10)
        .flatMap(([field, v]) => {
          const said = strings(Array.isArray(v) ? v : [v], 5);
          return field === 'error' || field === 'base' ? said : said.map((m) => `${field.replace(/_/g, ' ')} ${m}`);
        });
  return parts.length ? parts.join('; ').slice(0, 300) : JSON.stringify(errors).slice(0, 300);
}

/** The first `max` strings of a list the server sent (anything else in it is not said). */
function strings(list: readonly unknown[], max: number): string[] {
  return list.filter((x): x is string => typeof x === 'string').slice(0, max);
}

/** The typed error for a non-2xx answer; the token is cut out of anything the server echoed. */
export function errorForStatus(status: number, path: string, text: string, headers: HeaderBag, noToken: boolean, token: string | undefined): GitLabError {
  const { message: raw, error, json } = serverText(text, headers);
  const message = redact(raw, token);
  if (status === 401) return new UnauthorizedError(path, message, noToken);
  if (status === 403) {
    const reason = /deletion protected/i.test(raw ?? '') ? 'protected' : error === 'insufficient_scope' ? 'scope' : 'role';
    return new ForbiddenError(path, message, reason);
  }
  if (status === 404) return new NotFoundError(path, message);
  const retryAfterHidden = headers.hidden?.('retry-after') === true;
  if (status === 429) return new RateLimitedError(path, message, retryAfterMs(headers), retryAfterHidden);
  if (status >= 500) return new ServerError(path, status, message, retryAfterHidden, !!json, status === 503 ? retryAfterMs(headers) : undefined);
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

const NETWORK_PROBLEMS: Record<string, NetworkProblem> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'closedEarly',
  ETIMEDOUT: 'timedOut',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  // Set by platform/web/webFetch.ts: what a browser's bare "Failed to fetch" could be told apart as.
  ERR_BROWSER_REFUSED: 'browserRefused',
  ERR_MIXED_CONTENT: 'mixedContent',
};

export function networkError(path: string, e: unknown): NetworkError {
  type Raised = { code?: string; errno?: string; message?: string; syscall?: string; erroredSysCall?: string };
  const err = e as (Raised & { cause?: Raised }) | undefined;
  const code = err?.code ?? err?.errno ?? err?.cause?.code;
  const known = code ? NETWORK_PROBLEMS[code] : undefined;
  // Node names the system call that failed (node-fetch as `erroredSysCall`): `connect` means nothing was sent.
  const connecting = (err?.syscall ?? err?.erroredSysCall ?? err?.cause?.syscall) === 'connect';
  if (known) return new NetworkError(path, known, code, connecting);
  // A browser's fetch says only "Failed to fetch"; node-fetch words a dropped body like this.
  if (/premature close|aborted|socket hang up/i.test(err?.message ?? '')) return new NetworkError(path, 'closedEarly', code);
  return new NetworkError(path, 'other', code);
}
