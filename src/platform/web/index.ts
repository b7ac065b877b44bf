/**
 * The browser platform (a web worker: vscode.dev, github.dev, code-server's web-worker host):
 * the global fetch and pure-JS digests. What a browser cannot do is left out, which switches the
 * feature to its workspace.fs form or off: no per-origin TLS settings (the browser decides which
 * certificates it trusts), no reading a server's certificate, no local file paths, no environment.
 */
import type { Platform } from '../../core/platform';
import { streamingHasher } from './hashes';
import { webFetch } from './webFetch';

export function webPlatform(): Platform {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  return {
    fetch: webFetch((url, init) => globalThis.fetch(url, init), page),
    createHasher: streamingHasher,
  };
}
