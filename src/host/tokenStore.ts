/**
 * Access tokens in VS Code's SecretStorage, one per instance origin, under
 * `gitlabPackages.token:<origin>`. A token from GITLAB_PACKAGES_TOKEN is held in memory for
 * one origin only and never written anywhere; a stored token for that origin wins over it.
 */
import * as vscode from 'vscode';
import type { EnvironmentToken } from '../core/tokens/environmentToken';

const PREFIX = 'gitlabPackages.token:';

/** Where the token sent to an origin comes from. */
export type TokenSource = 'secretStorage' | 'environment';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose token changed, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private environmentToken?: EnvironmentToken,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this.changed.fire(e.key.slice(PREFIX.length));
    });
  }

  async get(origin: string): Promise<string | undefined> {
    const stored = await this.secrets.get(PREFIX + origin);
    if (stored) return stored;
    return this.environmentToken?.origin === origin ? this.environmentToken.token : undefined;
  }

  async has(origin: string): Promise<boolean> {
    return (await this.get(origin)) !== undefined;
  }

  async source(origin: string): Promise<TokenSource | undefined> {
    if (await this.secrets.get(PREFIX + origin)) return 'secretStorage';
    return this.environmentToken?.origin === origin ? 'environment' : undefined;
  }

  /** An environment token is held for this origin (whether or not a stored token hides it). */
  hasEnvironmentToken(origin: string): boolean {
    return this.environmentToken?.origin === origin;
  }

  async set(origin: string, token: string): Promise<void> {
    await this.secrets.store(PREFIX + origin, token);
  }

  /** Removes the stored token; an environment token for the origin stays (see stopUsingEnvironmentToken). */
  async delete(origin: string): Promise<void> {
    await this.secrets.delete(PREFIX + origin);
  }

  /** The environment cannot be changed from inside VS Code: this window stops sending its token. */
  stopUsingEnvironmentToken(): void {
    const origin = this.environmentToken?.origin;
    this.environmentToken = undefined;
    if (origin) this.changed.fire(origin);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
