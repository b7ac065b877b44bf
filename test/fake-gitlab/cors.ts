/**
 * GitLab's Rack::Cors rule for `/api/*` (config/application.rb), as the fake answers it: any
 * origin, any request header, any method, without credentials; preflights (`OPTIONS`) answered
 * before anything else runs; exposed response headers exactly GitLab's list — so `Retry-After`,
 * `RateLimit-*`, `Content-Disposition` and `X-Checksum-SHA256` stay unreadable to browser code,
 * as they are against a real GitLab. Requests without an `Origin` header get nothing extra.
 */
import type * as http from 'node:http';

export const EXPOSED_HEADERS = [
  'Link',
  'X-Total',
  'X-Total-Pages',
  'X-Per-Page',
  'X-Page',
  'X-Next-Page',
  'X-Prev-Page',
  'X-Gitlab-Blob-Id',
  'X-Gitlab-Commit-Id',
  'X-Gitlab-Content-Sha256',
  'X-Gitlab-Encoding',
  'X-Gitlab-File-Name',
  'X-Gitlab-File-Path',
  'X-Gitlab-Last-Commit-Id',
  'X-Gitlab-Ref',
  'X-Gitlab-Size',
  'X-Request-Id',
  'ETag',
];
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const MAX_AGE = '7200';

/**
 * Adds the CORS headers for `routePath` (below the URL root) to `res`; answers a preflight
 * itself and returns true then. `exposed`: GitLab's list, or fewer (a proxy that rewrites
 * `Access-Control-Expose-Headers` and drops the paging headers from it).
 */
export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, routePath: string, exposed: readonly string[] = EXPOSED_HEADERS): boolean {
  const origin = req.headers.origin;
  if (!origin || !routePath.startsWith('/api/')) return false;
  res.setHeader('vary', 'Origin');
  // `origins '*'` without credentials: the wildcard, never the caller's origin with Allow-Credentials.
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', METHODS);
  res.setHeader('access-control-max-age', MAX_AGE);
  const requestMethod = req.headers['access-control-request-method'];
  if (req.method === 'OPTIONS' && requestMethod) {
    // `headers: :any`: whatever the browser asks for (PRIVATE-TOKEN, Authorization) is allowed.
    const asked = req.headers['access-control-request-headers'];
    if (asked) res.setHeader('access-control-allow-headers', asked);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end();
    return true;
  }
  res.setHeader('access-control-expose-headers', exposed.join(', '));
  return false;
}
