/** The Node platform: node-fetch (through VS Code's proxy-aware http stack), https agents, files, hashes. */
import fetch from 'node-fetch';
import * as os from 'node:os';
import type { Platform } from '../../core/platform';
import type { FetchLike } from '../../gitlab/types';
import { createHasher, hashFile, nodeDownloads } from './files';
import { readPeerCertificate } from './peerCertificate';
import { nodeConnections } from './tlsAgent';
import { withRequestTls } from './tlsFetch';

/** node-fetch typed as the GitLab layer's fetch (it passes `agent` on to node:https). */
export const nodeFetch = fetch as unknown as FetchLike;

export function nodePlatform(): Platform {
  return {
    // node-fetch, except for instances with their own TLS settings (see tlsFetch.ts for why).
    fetch: withRequestTls(nodeFetch),
    connections: nodeConnections,
    peerCertificate: (url) => readPeerCertificate(url),
    createHasher,
    createDigestHasher: createHasher,
    downloads: nodeDownloads,
    hashLocalFile: hashFile,
    homeDir: os.homedir(),
    environment: { GITLAB_PACKAGES_TOKEN: process.env.GITLAB_PACKAGES_TOKEN, GITLAB_PACKAGES_URL: process.env.GITLAB_PACKAGES_URL },
  };
}
