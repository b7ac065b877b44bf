/** SecretStorage and Mementos (workspace and global state). */
import { EventEmitter } from './events';

export class FakeSecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;

  get listenerCount(): number {
    return this.changed.listenerCount;
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }

  store(key: string, value: string): Promise<void> {
    if (typeof value !== 'string') return Promise.reject(new Error('value must be a string'));
    this.values.set(key, value);
    return this.fireSoon(key);
  }

  delete(key: string): Promise<void> {
    this.values.delete(key);
    return this.fireSoon(key);
  }

  /** The change arrives from the main process: after the write, before the caller resumes. */
  private fireSoon(key: string): Promise<void> {
    return Promise.resolve().then(() => this.changed.fire({ key }));
  }
}

export class FakeMemento {
  readonly values = new Map<string, string>();
  readonly syncedKeys: string[] = [];

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? defaultValue : (JSON.parse(raw) as T);
  }

  /** Stored as JSON, as VS Code does: later mutation of the object does not leak in. */
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  setKeysForSync(keys: readonly string[]): void {
    this.syncedKeys.splice(0, this.syncedKeys.length, ...keys);
  }
}
