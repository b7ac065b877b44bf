/**
 * What the extension needs from the platform it runs on, injected at the root: Node (desktop,
 * remote, code-server) implements it in platform/node; a web worker (vscode.dev, github.dev)
 * in platform/web, with what a browser can. Absent parts switch a feature to its workspace.fs
 * form or off; they are never faked.
 */
import type { PeerCertificate } from '../gitlab/tlsFailure';
import type { FetchLike } from '../gitlab/types';
import type { ChecksumAlgorithm } from './files/checksums';
import type { Connections } from './instances/clientPool';
import type { DownloadPlatform, Hasher } from './files/verifiedDownload';
import type { DigestAlgorithm } from './lockfiles/lockEntry';

export interface Platform {
  fetch: FetchLike;
  /** Origins with their own TLS settings (CA bundle, checks off). */
  connections?: Connections;
  /** Reads a failing server certificate, to say when and for whom it is. */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
  /** Streamed digests (Node's crypto, else a pure-JS one). */
  createHasher: (algorithm: ChecksumAlgorithm) => Hasher;
  /**
   * Streamed digests of every algorithm a lockfile pins, SHA-512 included (Node's crypto). Absent in
   * a web worker: the lockfile engine's pure-JS hasher streams them there (no weight in the main bundle).
   */
  createDigestHasher?: (algorithm: DigestAlgorithm) => Hasher;
  /** Downloads to local files (absent: written through workspace.fs once verified). */
  downloads?: DownloadPlatform;
  /** Digest of a local file, streamed (absent: read through workspace.fs). */
  hashLocalFile?: (path: string, algorithm: ChecksumAlgorithm) => Promise<string>;
  /** For `~/` in settings that name files. */
  homeDir?: string;
  /** The environment's GITLAB_PACKAGES_TOKEN and GITLAB_PACKAGES_URL, where there is an environment. */
  environment?: Readonly<Record<string, string | undefined>>;
}
