/** Node's fetch standing in for a browser's in the web build's tests (src/platform/web/webFetch.ts). */
import { SAFELISTED, type BrowserFetch } from '../../src/platform/web/webFetch';

export const ORIGIN = 'http://127.0.0.1:9999';

/** Node's fetch sending what a browser adds: the page's Origin (and its own CORS preflight is not Node's to make). */
export const nodeAsBrowser: BrowserFetch = async (url, init) => {
  const res = await fetch(url, { ...init, headers: { ...init.headers, Origin: ORIGIN } });
  return { status: res.status, type: 'cors', headers: res.headers, text: () => res.text(), body: res.body };
};

/** …reading only the headers CORS lets a page read (the listed ones and the safelisted ones; Node's fetch shows them all, a browser does not). */
export const exposedOnly: BrowserFetch = async (url, init) => {
  const res = await nodeAsBrowser(url, init);
  const listed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
  const readable = new Set([...listed, ...SAFELISTED]);
  return { ...res, headers: { get: (name) => (readable.has(name.toLowerCase()) ? res.headers.get(name) : null) } };
};
