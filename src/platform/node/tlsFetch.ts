/**
 * Requests to an instance with its own TLS settings (a CA bundle, or certificate checks off)
 * are sent through node:https with those settings on the request itself, not only on its
 * agent: VS Code's proxy support (`http.proxySupport: override`, the default) swaps a caller's
 * agent for its own on every non-loopback host and carries over only the agent's CA list, so a
 * switch set on the agent alone would silently not apply. Every other request stays on the
 * fetch it wraps (node-fetch).
 */
import type { IncomingMessage } from 'node:http';
import * as https from 'node:https';
import type { FetchInit, FetchLike, FetchResponse } from '../../gitlab/types';

type RequestFn = (
  url: string,
  options: https.RequestOptions,
  callback: (res: IncomingMessage) => void,
) => { on(event: 'error', listener: (e: Error) => void): unknown; end(body?: string): unknown };

export function withRequestTls(fetch: FetchLike, request: RequestFn = https.request): FetchLike {
  return (url, init) => (init.agent instanceof https.Agent ? tlsRequest(url, init, init.agent, request) : fetch(url, init));
}

function tlsRequest(url: string, init: FetchInit, agent: https.Agent, request: RequestFn): Promise<FetchResponse> {
  const { ca, rejectUnauthorized } = agent.options;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, signal: init.signal, agent, ca, rejectUnauthorized }, (res) =>
      resolve({
        status: res.statusCode ?? 0,
        headers: { get: (name) => headerValue(res, name) },
        text: () => readText(res),
        body: res,
      }),
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

function headerValue(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name.toLowerCase()];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
