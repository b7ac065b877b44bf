/**
 * Access tokens in VS Code's SecretStorage, one per instance origin, under
 * `gitlabPackages.token:<origin>`. A token from GITLAB_PACKAGES_TOKEN (headless use) is held
 * in memory for the default instance only and never written anywhere.
 */
import * as vscode from 'vscode';

const PREFIX = 'gitlabPackages.token:';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose token changed, in this window or another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly environmentToken?: { origin: string; token: string },
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

  async set(origin: string, token: string): Promise<void> {
    await this.secrets.store(PREFIX + origin, token);
  }

  async delete(origin: string): Promise<void> {
    await this.secrets.delete(PREFIX + origin);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
