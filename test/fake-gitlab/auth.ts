/**
 * Who is calling: credentials from the headers (doc §8.1), token checks and the exact error
 * bodies GitLab sends (doc §8.2): `{"message":"401 Unauthorized"}` for PRIVATE-TOKEN, the OAuth
 * shape with `WWW-Authenticate` for Bearer, `insufficient_scope` for a token lacking a scope.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './respond';
import type { Store, Token, User } from './store';

export type AuthMethod = 'private-token' | 'bearer' | 'job-token' | 'none';

export interface Credentials {
  method: AuthMethod;
  /** The presented secret. Kept out of every log and record. */
  secret?: string;
}

/** What the route needs: `read_user` (token/user checks), `read_api` (GETs) or `api` (writes). */
export type Need = 'read_user' | 'read_api' | 'api';

export interface Caller {
  method: AuthMethod;
  token?: Token;
  user?: User;
}

export const ANONYMOUS: Caller = { method: 'none' };

/** Query-string credentials GitLab also accepts (and that must never reach the request log). */
export const SECRET_QUERY_PARAMS = ['private_token', 'access_token', 'job_token'];

export function readCredentials(headers: IncomingHttpHeaders, query: Record<string, string>): Credentials {
  const h = (name: string): string | undefined => {
    const v = headers[name];
    const s = Array.isArray(v) ? v[0] : v;
    return s?.trim() ? s.trim() : undefined;
  };
  const privateToken = h('private-token') ?? query.private_token;
  if (privateToken) return { method: 'private-token', secret: privateToken };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(h('authorization') ?? '')?.[1] ?? query.access_token;
  if (bearer) return { method: 'bearer', secret: bearer };
  const job = h('job-token') ?? query.job_token;
  if (job) return { method: 'job-token', secret: job };
  return { method: 'none' };
}

export function isExpired(token: Token, today = new Date().toISOString().slice(0, 10)): boolean {
  // A token stops working on its expiry date (midnight UTC).
  return token.expired || (token.expiresAt !== null && token.expiresAt <= today);
}

const EXPIRED = 'Token is expired. You can either do re-authorization or token refresh.';
const REVOKED = 'Token was revoked. You have to re-authorize from the user.';

export function unauthorized(): HttpError {
  return new HttpError(401, { message: '401 Unauthorized' });
}

/** Bearer failures are answered the OAuth 2.0 way (RFC 6750). */
function invalidBearer(description: string): HttpError {
  return new HttpError(
    401,
    { error: 'invalid_token', error_description: description },
    { 'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"` },
  );
}

export function insufficientScope(scope: string): HttpError {
  const description = 'The request requires higher privileges than provided by the access token.';
  return new HttpError(
    403,
    { error: 'insufficient_scope', error_description: description, scope },
    { 'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="${description}", scope="${scope}"` },
  );
}

/**
 * Resolves the caller, or throws the error GitLab would answer with. No credentials → the
 * anonymous caller (each route decides whether that is enough). A presented token is always
 * checked, even on routes that would serve anonymous callers.
 */
export function authenticate(creds: Credentials, store: Store, need: Need, opts: { allowJobToken: boolean } = { allowJobToken: true }): Caller {
  if (!creds.secret) return ANONYMOUS;
  const token = store.tokens.get(creds.secret);
  const bearer = creds.method === 'bearer';
  if (!token) throw unauthorized();
  if (token.revoked) throw bearer ? invalidBearer(REVOKED) : unauthorized();
  if (isExpired(token)) throw bearer ? invalidBearer(EXPIRED) : unauthorized();
  if (creds.method === 'job-token' && !opts.allowJobToken) throw unauthorized();
  const user = store.users.get(token.userId);
  if (!user) throw unauthorized();
  const has = (s: string): boolean => token.scopes.some((t) => t === s);
  if (need === 'api' && !has('api')) throw insufficientScope('api');
  if (need === 'read_api' && !has('api') && !has('read_api')) throw insufficientScope('api read_api');
  if (need === 'read_user' && !has('api') && !has('read_api') && !has('read_user')) throw insufficientScope('api read_api read_user');
  return { method: creds.method, token, user };
}

/** Whether the presented secret names a token the fake knows (for the request log). */
export function tokenKnown(creds: Credentials, store: Store): boolean {
  return creds.secret !== undefined && store.tokens.has(creds.secret);
}
