/** One GitLabClient per instance URL and one TLS agent per origin, rebuilt when the settings that shape them change. */
import { GitLabClient } from '../../gitlab/client';
import type { PeerCertificate } from '../../gitlab/tlsFailure';
import type { AuthStyle, FetchLike, RequestLogEntry } from '../../gitlab/types';
import { background } from '../../util/timers';
import type { InstanceSettings } from './instanceSettings';

export interface TlsSettings {
  caFile?: string;
  allowUntrustedCertificate?: boolean;
}

/**
 * The platform's connections for origins with their own TLS settings (an https agent on Node).
 * `open` may reject with a CaFileError (an unusable CA bundle): the request then says why.
 */
export interface Connections {
  open(origin: string, settings: TlsSettings): Promise<unknown>;
  close(connection: unknown): void;
}

export interface ClientPoolOptions {
  fetch: FetchLike;
  getToken(origin: string): Promise<string | undefined>;
  userAgent: string;
  log(entry: RequestLogEntry): void;
  settings(): { authHeader: AuthStyle; timeoutMs: number; concurrency: number; allowHttpFor: string[] };
  /** Per-instance overrides (`gitlabPackages.instances`) for an origin. */
  instanceSettings?(origin: string): InstanceSettings | undefined;
  /** Certificate checks are off for this origin: called each time its agent is built. */
  onUntrustedCertificates?(origin: string): void;
  /** Absent (a browser): every origin uses the platform's default stack. */
  connections?: Connections;
  /** An origin has TLS settings that this platform cannot apply (no `connections`: the browser decides). */
  onTlsSettingsIgnored?(origin: string): void;
  /** Reads a failing server certificate for the error's facts. */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
}

export class ClientPool {
  private readonly clients = new Map<string, GitLabClient>();
  private readonly agents = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: ClientPoolOptions) {}

  get(instanceUrl: string): GitLabClient {
    let client = this.clients.get(instanceUrl);
    if (!client) {
      const origin = new URL(instanceUrl).origin;
      client = this.build(instanceUrl, () => this.opts.getToken(origin));
      this.clients.set(instanceUrl, client);
    }
    return client;
  }

  /** A client like `get`'s that sends `token` instead of the stored one (to check a token before storing it). */
  withToken(instanceUrl: string, token: string): GitLabClient {
    return this.build(instanceUrl, () => Promise.resolve(token));
  }

  private build(instanceUrl: string, getToken: () => Promise<string | undefined>): GitLabClient {
    const s = this.opts.settings();
    const origin = new URL(instanceUrl).origin;
    return new GitLabClient({
      instanceUrl,
      fetch: this.opts.fetch,
      getToken,
      authStyle: this.opts.instanceSettings?.(origin)?.authHeader ?? s.authHeader,
      timeoutMs: s.timeoutMs,
      concurrency: s.concurrency,
      userAgent: this.opts.userAgent,
      log: (e) => this.opts.log(e),
      allowInsecureHttp: s.allowHttpFor.includes(origin),
      agent: (o) => this.agentFor(o),
      peerCertificate: this.opts.peerCertificate,
    });
  }

  /**
   * The https agent for an origin's own TLS settings, or undefined (the default stack, which
   * VS Code's proxy support patches). Built once per origin; a failed build is retried on the
   * next request, so fixing the CA file and pressing Retry is enough.
   */
  agentFor(origin: string): Promise<unknown> {
    let agent = this.agents.get(origin);
    if (!agent) {
      const settings = this.opts.instanceSettings?.(origin);
      if (!settings?.caFile && !settings?.allowUntrustedCertificate) return Promise.resolve(undefined);
      if (!this.opts.connections) {
        this.opts.onTlsSettingsIgnored?.(origin);
        return Promise.resolve(undefined);
      }
      agent = this.opts.connections.open(origin, settings);
      this.agents.set(origin, agent);
      agent.then(
        () => {
          if (settings.allowUntrustedCertificate) this.opts.onUntrustedCertificates?.(origin);
        },
        () => {
          if (this.agents.get(origin) === agent) this.agents.delete(origin);
        },
      );
    }
    return agent;
  }

  /** Settings changed: clients and agents are rebuilt on next use. */
  reset(): void {
    this.clients.clear();
    // Requests in flight finish on the old agents; their idle keep-alive sockets close a minute later.
    for (const agent of this.agents.values()) {
      void agent.then(
        (a) => background(setTimeout(() => this.opts.connections?.close(a), 60_000)),
        () => undefined,
      );
    }
    this.agents.clear();
  }
}
