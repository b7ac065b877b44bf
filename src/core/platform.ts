/**
 * What the extension needs from the platform it runs on, injected at the root: Node (desktop,
 * remote, code-server) implements it in platform/node; a browser build implements what a
 * browser can. Absent parts switch features off, they are never faked.
 */
import type { PeerCertificate } from '../gitlab/tlsFailure';
import type { FetchLike } from '../gitlab/types';
import type { ChecksumAlgorithm } from './checksums';
import type { Connections } from './clientPool';
import type { DownloadPlatform } from './verifiedDownload';

export interface Platform {
  fetch: FetchLike;
  /** Origins with their own TLS settings (CA bundle, checks off). */
  connections?: Connections;
  /** Reads a failing server certificate, to say when and for whom it is. */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
  /** Downloads to local files. */
  downloads?: DownloadPlatform;
  /** Digest of a local file. */
  hashLocalFile?: (path: string, algorithm: ChecksumAlgorithm) => Promise<string>;
  /** For `~/` in settings that name files. */
  homeDir?: string;
  /** The environment's GITLAB_PACKAGES_TOKEN and GITLAB_PACKAGES_URL, where there is an environment. */
  environment?: Readonly<Record<string, string | undefined>>;
}
