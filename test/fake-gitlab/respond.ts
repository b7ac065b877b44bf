/** What a route answers, and how that is written to the socket (JSON, text, bytes, empty). */
import type * as http from 'node:http';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** A non-JSON body (Rack::Attack's `Retry later`, an HTML sign-in page). */
export class TextBody {
  constructor(
    readonly text: string,
    readonly contentType = 'text/plain; charset=utf-8',
  ) {}
}

export type Body = Json | Buffer | TextBody | undefined;

export interface Reply {
  status: number;
  /** JSON value, raw bytes, text, or undefined for none. */
  body: Body;
  headers?: Record<string, string>;
}

/** Thrown by routes to answer with an error (GitLab's `render_api_error!` and friends). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Body,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status}`);
  }

  toReply(): Reply {
    return { status: this.status, body: this.body, headers: this.headers };
  }
}

export const json = (body: Json, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });

/** Grape's "no such route" body (note: `error`, not `message`). */
export const routeNotFound = (): HttpError => new HttpError(404, { error: '404 Not Found' });

/** `not_found!('Project')` and friends: `{"message":"404 Project Not Found"}`. */
export const notFound = (what: string): HttpError => new HttpError(404, { message: `404 ${what} Not Found` });

export const forbidden = (): HttpError => new HttpError(403, { message: '403 Forbidden' });

/** Grape parameter validation failure. */
export const invalidParam = (name: string, why = 'does not have a valid value'): HttpError => new HttpError(400, { error: `${name} ${why}` });

export function send(res: http.ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.headers ?? {})) headers[k.toLowerCase()] = v;
  const { status, body } = reply;
  if (status === 204 || status === 304 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  let bytes: Buffer;
  if (Buffer.isBuffer(body)) {
    bytes = body;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (body instanceof TextBody) {
    bytes = Buffer.from(body.text);
    headers['content-type'] ??= body.contentType;
  } else {
    bytes = Buffer.from(JSON.stringify(body));
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(bytes.length);
  res.writeHead(status, headers);
  res.end(bytes);
}
