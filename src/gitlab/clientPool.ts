/** One GitLabClient per instance URL, rebuilt when the settings that shape it change. */
import { GitLabClient } from './client';
import type { AuthStyle, FetchLike, RequestLogEntry } from './http';

export interface ClientPoolOptions {
  fetch: FetchLike;
  getToken(origin: string): Promise<string | undefined>;
  userAgent: string;
  log(entry: RequestLogEntry): void;
  settings(): { authHeader: AuthStyle; timeoutMs: number; concurrency: number; allowHttpFor: string[] };
}

export class ClientPool {
  private readonly clients = new Map<string, GitLabClient>();

  constructor(private readonly opts: ClientPoolOptions) {}

  get(instanceUrl: string): GitLabClient {
    let client = this.clients.get(instanceUrl);
    if (!client) {
      const s = this.opts.settings();
      const origin = new URL(instanceUrl).origin;
      client = new GitLabClient({
        instanceUrl,
        fetch: this.opts.fetch,
        getToken: () => this.opts.getToken(origin),
        authStyle: s.authHeader,
        timeoutMs: s.timeoutMs,
        concurrency: s.concurrency,
        userAgent: this.opts.userAgent,
        log: (e) => this.opts.log(e),
        allowInsecureHttp: s.allowHttpFor.includes(origin),
      });
      this.clients.set(instanceUrl, client);
    }
    return client;
  }

  /** Settings changed: clients are rebuilt on next use. */
  reset(): void {
    this.clients.clear();
  }
}
