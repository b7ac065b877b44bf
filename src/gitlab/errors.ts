/**
 * Typed errors that cross the seam between the GitLab layer and the rest. Each carries the
 * HTTP status (when there was one), the server's own text and the request path — never a
 * token, never a query string — and the facts a message needs, as data: the words a person
 * reads are chosen above this layer (core/errorText.ts). `message` is a short technical line
 * for logs and stack traces.
 */

export type GitLabErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'badRequest'
  | 'conflict'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'badResponse'
  | 'insecure'
  | 'tls'
  | 'tokenRead';

export abstract class GitLabError extends Error {
  abstract readonly kind: GitLabErrorKind;
  /** The instance that failed (set by the HTTP layer), so a "Set Access Token…" action can name it. */
  instanceUrl?: string;

  constructor(
    /** Request path below the API root, without the query string. */
    readonly path: string,
    readonly status?: number,
    /** What the server said (`message` / `error` / `error_description`), if anything. */
    readonly serverMessage?: string,
    detail?: string,
  ) {
    super([status !== undefined ? `HTTP ${status}` : undefined, path || undefined, detail, serverMessage].filter(Boolean).join(' · '));
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends GitLabError {
  readonly kind = 'unauthorized';
  /** `noToken`: no token was sent at all (as opposed to a rejected one). */
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly noToken: boolean,
  ) {
    super(path, 401, serverMessage, noToken ? 'no token' : 'token rejected');
  }
}

export type ForbiddenReason = 'protected' | 'scope' | 'role';

export class ForbiddenError extends GitLabError {
  readonly kind = 'forbidden';
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly reason: ForbiddenReason,
  ) {
    super(path, 403, serverMessage, reason);
  }
}

export class NotFoundError extends GitLabError {
  readonly kind = 'notFound';
  constructor(path: string, serverMessage: string | undefined) {
    super(path, 404, serverMessage);
  }
}

export class RateLimitedError extends GitLabError {
  readonly kind = 'rateLimited';
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly retryAfterMs: number | undefined,
    /** `Retry-After` may have been sent but could not be read (a browser, a cross-origin answer that does not expose it). */
    readonly retryAfterHidden = false,
  ) {
    super(path, 429, serverMessage, retryAfterMs !== undefined ? `retry after ${retryAfterMs} ms` : retryAfterHidden ? 'Retry-After unreadable' : undefined);
  }
}

export class ServerError extends GitLabError {
  readonly kind = 'server';
  constructor(
    path: string,
    status: number,
    serverMessage: string | undefined,
    /** As for RateLimitedError: a `Retry-After` (of a 503) may have been sent but could not be read. */
    readonly retryAfterHidden = false,
    /** The body was GitLab's JSON (Rails answered); false: a proxy's or Workhorse's page (HTML, plain text), GitLab may still be at work. */
    readonly fromRails = true,
    /** A 503's readable `Retry-After` (maintenance mode, a proxy): when to come back. */
    readonly retryAfterMs?: number,
  ) {
    super(path, status, serverMessage, retryAfterMs !== undefined ? `retry after ${retryAfterMs} ms` : undefined);
  }
}

/** 400 (a filter an old server does not know), 409, 412 and other 4xx the user can act on. */
export class BadRequestError extends GitLabError {
  readonly kind = 'badRequest';
  constructor(path: string, status: number, serverMessage: string | undefined) {
    super(path, status, serverMessage);
  }
}

/** Why a connection failed, as far as the platform could tell. */
export type NetworkProblem =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'closedEarly'
  | 'timedOut'
  | 'unreachable'
  /** A browser refused without saying why: its certificate checks, missing CORS headers, or no connection. */
  | 'browserRefused'
  /** A browser blocked plain http from a page served over https. */
  | 'mixedContent'
  | 'other';

export class NetworkError extends GitLabError {
  readonly kind = 'network';
  constructor(
    path: string,
    readonly problem: NetworkProblem,
    /** The platform's error code, e.g. `ECONNREFUSED`. */
    readonly code?: string,
    /** It failed while connecting (a connect-time ETIMEDOUT): nothing was sent. */
    readonly whileConnecting = false,
  ) {
    super(path, undefined, undefined, `network: ${problem}${code ? ` (${code})` : ''}`);
  }
}

export class TimeoutError extends GitLabError {
  readonly kind = 'timeout';
  constructor(
    path: string,
    readonly timeoutMs: number,
  ) {
    super(path, undefined, undefined, `no answer within ${timeoutMs} ms`);
  }
}

export class CancelledError extends GitLabError {
  readonly kind = 'cancelled';
  constructor(path: string) {
    super(path, undefined, undefined, 'cancelled');
  }
}

/** The token could not be read (VS Code's secret storage failed): nothing was sent. */
export class TokenReadError extends GitLabError {
  readonly kind = 'tokenRead';
  constructor(
    path: string,
    /** The secret store's own words (never the token: the read gave none). */
    readonly reason: string,
  ) {
    super(path, undefined, undefined, `token read failed: ${reason}`);
  }
}

/** What was wrong with an answer: HTML (a sign-in page or proxy), cut-off JSON, an unexpected shape… */
export type BadResponseProblem = 'html' | 'invalidJson' | 'shape' | 'noBody' | 'redirectedDelete' | 'tooManyRedirects' | 'hiddenRedirect' | 'other';

export class BadResponseError extends GitLabError {
  readonly kind = 'badResponse';
  constructor(
    path: string,
    status: number | undefined,
    readonly problem: BadResponseProblem,
    /** For `shape` and `other`: what was off, e.g. `package has no numeric "id"`; for `hiddenRedirect`: the URL that redirected. */
    readonly detail?: string,
  ) {
    super(path, status, undefined, detail ?? problem);
  }
}

/** Refused before sending: a token would go over plain http to a non-loopback host. */
export class InsecureRequestError extends GitLabError {
  readonly kind = 'insecure';
  constructor(
    path: string,
    /** `http://host[:port]` that would have received the token. */
    readonly origin: string,
  ) {
    super(path, undefined, undefined, `refused to send a token over plain http to ${new URL(origin).host}`);
  }
}

/**
 * The TLS handshake failed (or could not be set up): which check failed and the facts to say
 * it in plain words. Not retried: the same certificate fails the same way again.
 */
export type TlsProblem = 'selfSigned' | 'unknownIssuer' | 'expired' | 'notYetValid' | 'hostname' | 'notHttps' | 'caFile' | 'other';

/** Why a CA bundle named in the settings cannot be used. */
export type CaFileProblem = 'notAbsolute' | 'missing' | 'isFolder' | 'noPermission' | 'unreadable' | 'noPem' | 'badPem';

export interface TlsFacts {
  /** The origin whose certificate failed (a redirect target may differ from the instance). */
  origin: string;
  /** Node's error code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  code?: string;
  /** A CA bundle from the settings was in use. */
  customCa?: boolean;
  /** Read from the server's certificate, when it could be. */
  validFrom?: Date;
  validTo?: Date;
  /** Host names and IP addresses the certificate is for. */
  certificateNames?: string[];
  /** For `caFile`: the file and what is wrong with it. */
  caFile?: { file: string; problem: CaFileProblem; certificate?: number; of?: number; code?: string };
}

export class TlsError extends GitLabError {
  readonly kind = 'tls';
  constructor(
    path: string,
    readonly problem: TlsProblem,
    readonly facts: TlsFacts,
  ) {
    super(path, undefined, undefined, `tls: ${problem}${facts.code ? ` (${facts.code})` : ''} at ${new URL(facts.origin).host}`);
  }

  /** The host whose certificate failed. */
  get host(): string {
    return new URL(this.facts.origin).host;
  }

  get code(): string | undefined {
    return this.facts.code;
  }
}

/** Thrown by the platform when the CA bundle of an origin cannot be used; becomes a TlsError. */
export class CaFileError extends Error {
  constructor(readonly caFile: NonNullable<TlsFacts['caFile']>) {
    super(`caFile ${caFile.file}: ${caFile.problem}`);
    this.name = 'CaFileError';
  }
}

export function isGitLabError(e: unknown): e is GitLabError {
  return e instanceof GitLabError;
}

/** Anything thrown, as a GitLabError (an unexpected one becomes a BadResponseError of kind `other`). */
export function asGitLabError(e: unknown, path = ''): GitLabError {
  if (isGitLabError(e)) return e;
  return new BadResponseError(path, undefined, 'other', e instanceof Error ? e.message : String(e));
}
