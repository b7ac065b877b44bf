/** The primitive types the GitLab layer shares with whoever injects its parts (a leaf module). */

/** Numeric id or full path (`group/sub/project`). */
export type ProjectKey = number | string;

export interface HeaderBag {
  get(name: string): string | null;
  /** True when the platform could not see this header even if it was sent (a browser reading a cross-origin answer). */
  hidden?(name: string): boolean;
}

export interface FetchResponse {
  status: number;
  headers: HeaderBag;
  text(): Promise<string>;
  /** The body as an async iterable of chunks, for downloads. */
  body?: unknown;
  /** A redirect the platform followed no further and does not show (a browser's opaque redirect). */
  redirectHidden?: boolean;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  redirect: 'manual';
  /** A JSON request body (POST, PATCH). */
  body?: string;
  /** The platform's connection handle for an origin with its own TLS settings (opaque here). */
  agent?: unknown;
}

/** `fetch` as the platform provides it (node-fetch on Node, the global fetch in a browser). */
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
