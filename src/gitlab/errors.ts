/**
 * Typed errors that cross the seam between the pure client and the VS Code layer.
 * Each carries the HTTP status (when there was one), the server's own text and the
 * request path — never a token, never a query string.
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
  | 'tls';

export abstract class GitLabError extends Error {
  abstract readonly kind: GitLabErrorKind;
  /** The instance that failed (set by the HTTP layer), so a "Set Access Token…" action can name it. */
  instanceUrl?: string;

  constructor(
    message: string,
    /** Request path below the API root, without the query string. */
    readonly path: string,
    readonly status?: number,
    /** What the server said (`message` / `error` / `error_description`), if anything. */
    readonly serverMessage?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends GitLabError {
  readonly kind = 'unauthorized';
  /** True when no token was sent at all (as opposed to a rejected one). */
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly noToken: boolean,
  ) {
    super(noToken ? 'No access token is set for this GitLab instance.' : 'GitLab rejected the access token' + suffix(serverMessage), path, 401, serverMessage);
  }
}

export class ForbiddenError extends GitLabError {
  readonly kind = 'forbidden';
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly reason: 'protected' | 'scope' | 'role',
  ) {
    super(forbiddenText(reason) + suffix(serverMessage), path, 403, serverMessage);
  }
}

export class NotFoundError extends GitLabError {
  readonly kind = 'notFound';
  constructor(path: string, serverMessage: string | undefined) {
    super('Not found' + suffix(serverMessage), path, 404, serverMessage);
  }
}

export class RateLimitedError extends GitLabError {
  readonly kind = 'rateLimited';
  constructor(
    path: string,
    serverMessage: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super('GitLab is rate-limiting requests' + (retryAfterMs !== undefined ? `; retry in ${Math.ceil(retryAfterMs / 1000)} s` : ''), path, 429, serverMessage);
  }
}

export class ServerError extends GitLabError {
  readonly kind = 'server';
  constructor(path: string, status: number, serverMessage: string | undefined) {
    super(`GitLab answered with HTTP ${status}` + suffix(serverMessage), path, status, serverMessage);
  }
}

/** 400 (a filter an old server does not know), 409, 412 and other 4xx the user can act on. */
export class BadRequestError extends GitLabError {
  readonly kind = 'badRequest';
  constructor(path: string, status: number, serverMessage: string | undefined) {
    super(`GitLab refused the request (HTTP ${status})` + suffix(serverMessage), path, status, serverMessage);
  }
}

export class NetworkError extends GitLabError {
  readonly kind = 'network';
  constructor(
    path: string,
    readonly detail: string,
  ) {
    super(`Cannot reach GitLab: ${detail}`, path);
  }
}

export class TimeoutError extends GitLabError {
  readonly kind = 'timeout';
  constructor(
    path: string,
    readonly timeoutMs: number,
  ) {
    super(`GitLab did not answer within ${Math.round(timeoutMs / 1000)} s`, path);
  }
}

export class CancelledError extends GitLabError {
  readonly kind = 'cancelled';
  constructor(path: string) {
    super('Request cancelled', path);
  }
}

export class BadResponseError extends GitLabError {
  readonly kind = 'badResponse';
  constructor(path: string, status: number | undefined, detail: string) {
    super(`Unexpected answer from GitLab: ${detail}`, path, status);
  }
}

/** Refused before sending: e.g. a token would go over plain http to a non-loopback host. */
export class InsecureRequestError extends GitLabError {
  readonly kind = 'insecure';
  constructor(path: string, detail: string) {
    super(detail, path);
  }
}

/**
 * The TLS handshake failed (or could not be set up): which check failed, in plain words, and
 * the setting that fixes it. Not retried: the same certificate fails the same way again.
 */
export type TlsProblem = 'selfSigned' | 'unknownIssuer' | 'expired' | 'notYetValid' | 'hostname' | 'notHttps' | 'caFile' | 'other';

export class TlsError extends GitLabError {
  readonly kind = 'tls';
  constructor(
    path: string,
    readonly problem: TlsProblem,
    /** The host whose certificate failed (a redirect target may differ from the instance). */
    readonly host: string,
    message: string,
    /** Node's error code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`. */
    readonly code?: string,
  ) {
    super(message, path);
  }
}

export function isGitLabError(e: unknown): e is GitLabError {
  return e instanceof GitLabError;
}

function suffix(serverMessage: string | undefined): string {
  return serverMessage ? `: ${serverMessage}` : '';
}

function forbiddenText(reason: 'protected' | 'scope' | 'role'): string {
  switch (reason) {
    case 'protected':
      return 'The package is protected against deletion';
    case 'scope':
      return 'The access token lacks the scope this needs (deleting needs the "api" scope)';
    case 'role':
      return 'Access denied';
  }
}
