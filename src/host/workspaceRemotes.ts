/**
 * Projects named by the git remotes of the workspace's repositories, through the built-in
 * `vscode.git` extension where its API is reachable (not from a web worker, where detection is
 * skipped); kept current as repositories open and close.
 */
import * as vscode from 'vscode';
import { projectFromRemote } from '../core/projects/remoteProjects';
import { refIdentity, type ProjectRef } from '../core/projects/projectRef';

/** The small part of the git extension's API (v1) used here. */
interface GitRemote {
  name: string;
  fetchUrl?: string;
  pushUrl?: string;
}
interface GitRepository {
  state: { remotes: GitRemote[]; onDidChange: vscode.Event<void> };
}
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
  onDidCloseRepository: vscode.Event<GitRepository>;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

export class WorkspaceRemotes implements vscode.Disposable {
  private api: GitApi | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly perRepository = new Map<GitRepository, vscode.Disposable>();
  /** The remotes last reported: a repository's state changes with every edit, its remotes rarely. */
  private lastRemotes = '[]';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Starts watching; resolves once the git extension answered (or is known to be absent). */
  async start(): Promise<void> {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return;
    try {
      const git = ext.isActive ? ext.exports : await ext.activate();
      // Running in another extension host (a web worker beside the Node one), its API does not reach here.
      if (typeof git?.getAPI !== 'function') return;
      this.api = git.getAPI(1);
    } catch {
      return; // git disabled or not installed: nothing to detect
    }
    const watch = (repo: GitRepository): void => {
      if (!this.perRepository.has(repo))
        this.perRepository.set(
          repo,
          repo.state.onDidChange(() => this.fireIfRemotesChanged()),
        );
    };
    this.api.repositories.forEach(watch);
    this.subscriptions.push(
      this.api.onDidOpenRepository((repo) => {
        watch(repo);
        this.fireIfRemotesChanged();
      }),
      this.api.onDidCloseRepository((repo) => {
        this.perRepository.get(repo)?.dispose();
        this.perRepository.delete(repo);
        this.fireIfRemotesChanged();
      }),
    );
    this.fireIfRemotesChanged();
  }

  private fireIfRemotesChanged(): void {
    const remotes = JSON.stringify((this.api?.repositories ?? []).map((r) => r.state.remotes.map((m) => [m.name, m.fetchUrl, m.pushUrl])));
    if (remotes === this.lastRemotes) return;
    this.lastRemotes = remotes;
    this.changed.fire();
  }

  /** Projects on `instanceUrls` that the workspace's remotes point at, without duplicates. */
  projects(instanceUrls: readonly string[]): ProjectRef[] {
    const seen = new Set<string>();
    const out: ProjectRef[] = [];
    for (const repo of this.api?.repositories ?? []) {
      for (const remote of repo.state.remotes) {
        const url = remote.fetchUrl ?? remote.pushUrl;
        const ref = url ? projectFromRemote(url, instanceUrls) : undefined;
        if (!ref) continue;
        const key = refIdentity(ref);
        if (seen.has(key)) continue;
        seen.add(key);
        // The entry names the remote, never its URL (which may hold credentials).
        out.push({ ...ref, entry: `${remote.name}: ${String(ref.key)}` });
      }
    }
    return out;
  }

  dispose(): void {
    for (const d of [...this.subscriptions, ...this.perRepository.values()]) d.dispose();
    this.perRepository.clear();
    this.changed.dispose();
  }
}
