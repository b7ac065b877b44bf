/**
 * Access tokens in VS Code's SecretStorage, one per instance origin, under
 * `gitlabPackages.token:<origin>`. A token from GITLAB_PACKAGES_TOKEN is held in memory for
 * one origin only and never written anywhere; a stored token for that origin wins over it.
 */
import * as vscode from 'vscode';
import type { EnvironmentToken } from '../core/tokens/environmentToken';

const PREFIX = 'gitlabPackages.token:';
/** A SecretStorage read answers in milliseconds; one still pending after this is not shared further. */
const READ_PATIENCE_MS = 5_000;

/** Where the token sent to an origin comes from. */
export type TokenSource = 'secretStorage' | 'environment';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose token changed, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /**
   * SecretStorage's answer per key until it says the key changed. Every request sends the
   * token, and each read is a round trip to the window (in code-server, to the browser) queued
   * behind this extension's other reads: 100 pages read it 100 times, one after another.
   */
  private readonly reads = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private environmentToken?: EnvironmentToken,
    private readonly readPatienceMs = READ_PATIENCE_MS,
  ) {
    // Fires for a change in this window or another one.
    this.subscription = secrets.onDidChange((e) => {
      this.reads.delete(e.key);
      if (e.key.startsWith(PREFIX)) this.changed.fire(e.key.slice(PREFIX.length));
    });
  }

  async get(origin: string): Promise<string | undefined> {
    const stored = await this.read(PREFIX + origin);
    if (stored) return stored;
    return this.environmentToken?.origin === origin ? this.environmentToken.token : undefined;
  }

  /**
   * Whether a token is there. A secret store that fails to answer counts as yes: its failure is
   * what the request reports (TokenReadError), not a missing token, and asking never throws.
   */
  async has(origin: string): Promise<boolean> {
    return this.get(origin).then(
      (token) => token !== undefined,
      () => true,
    );
  }

  async source(origin: string): Promise<TokenSource | undefined> {
    if (await this.read(PREFIX + origin)) return 'secretStorage';
    return this.environmentToken?.origin === origin ? 'environment' : undefined;
  }

  /** An environment token is held for this origin (whether or not a stored token hides it). */
  hasEnvironmentToken(origin: string): boolean {
    return this.environmentToken?.origin === origin;
  }

  async set(origin: string, token: string): Promise<void> {
    this.reads.delete(PREFIX + origin);
    await this.secrets.store(PREFIX + origin, token);
    this.reads.delete(PREFIX + origin);
  }

  /** Removes the stored token; an environment token for the origin stays (see stopUsingEnvironmentToken). */
  async delete(origin: string): Promise<void> {
    this.reads.delete(PREFIX + origin);
    await this.secrets.delete(PREFIX + origin);
    this.reads.delete(PREFIX + origin);
  }

  /** The environment cannot be changed from inside VS Code: this window stops sending its token. */
  stopUsingEnvironmentToken(): void {
    const origin = this.environmentToken?.origin;
    this.environmentToken = undefined;
    if (origin) this.changed.fire(origin);
  }

  /**
   * One read per key until it changes. Requests at the same time share a read; a failed read is
   * not kept, and one still unanswered after `readPatienceMs` (a locked keyring) is not waited on
   * by later requests.
   */
  private read(key: string): Promise<string | undefined> {
    const known = this.reads.get(key);
    if (known) return known;
    const read = Promise.resolve(this.secrets.get(key));
    this.reads.set(key, read);
    const forget = (): void => {
      if (this.reads.get(key) === read) this.reads.delete(key);
    };
    const patience = setTimeout(forget, this.readPatienceMs);
    read.then(
      () => clearTimeout(patience),
      () => (clearTimeout(patience), forget()),
    );
    return read;
  }

  dispose(): void {
    this.reads.clear();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
