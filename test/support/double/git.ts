/** The built-in git extension: repositories and their remotes, opened and closed. */
import type * as vscode from 'vscode';
import { EventEmitter } from './events';
import { Uri } from './uri';

export interface FakeRemote {
  name: string;
  fetchUrl?: string;
  pushUrl?: string;
  isReadOnly?: boolean;
}

export class FakeRepository {
  private readonly changed = new EventEmitter<void>();
  readonly state: { remotes: FakeRemote[]; onDidChange: vscode.Event<void> };

  constructor(
    readonly rootUri: Uri,
    remotes: FakeRemote[],
  ) {
    this.state = { remotes, onDidChange: this.changed.event };
  }

  setRemotes(remotes: FakeRemote[]): void {
    this.state.remotes = remotes;
    this.changed.fire();
  }
}

/** The built-in git extension's API (v1), just what is read of it. */
export class FakeGitApi {
  readonly repositories: FakeRepository[] = [];
  private readonly opened = new EventEmitter<FakeRepository>();
  private readonly closed = new EventEmitter<FakeRepository>();
  readonly onDidOpenRepository = this.opened.event;
  readonly onDidCloseRepository = this.closed.event;

  openRepository(folder: string, remotes: FakeRemote[]): FakeRepository {
    const repo = new FakeRepository(Uri.file(folder), remotes);
    this.repositories.push(repo);
    this.opened.fire(repo);
    return repo;
  }

  closeRepository(repo: FakeRepository): void {
    this.repositories.splice(this.repositories.indexOf(repo), 1);
    this.closed.fire(repo);
  }
}
