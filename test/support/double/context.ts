/** The ExtensionContext handed to activate(). */
import * as posix from 'node:path/posix';
import { ExtensionMode } from './enums';
import { FakeMemento, FakeSecretStorage } from './storage';
import { Uri } from './uri';

export interface FakeExtensionContext {
  subscriptions: { dispose(): unknown }[];
  secrets: FakeSecretStorage;
  workspaceState: FakeMemento;
  globalState: FakeMemento;
  extensionMode: number;
  extension: { id: string; packageJSON: unknown; extensionUri: Uri; extensionPath: string; isActive: boolean; exports: unknown; extensionKind: number };
  extensionUri: Uri;
  extensionPath: string;
  storageUri: Uri;
  globalStorageUri: Uri;
  logUri: Uri;
  asAbsolutePath(relative: string): string;
}

export function createExtensionContext(opts: {
  packageJSON: { publisher?: string; name?: string };
  extensionPath: string;
  extensionMode?: number;
  storagePath?: string;
}): FakeExtensionContext {
  const extensionUri = Uri.file(opts.extensionPath);
  const storage = opts.storagePath ?? posix.join('/tmp', 'gitlab-packages-double-storage');
  return {
    subscriptions: [],
    secrets: new FakeSecretStorage(),
    workspaceState: new FakeMemento(),
    globalState: new FakeMemento(),
    extensionMode: opts.extensionMode ?? ExtensionMode.Production,
    extension: {
      id: `${opts.packageJSON.publisher}.${opts.packageJSON.name}`,
      packageJSON: opts.packageJSON,
      extensionUri,
      extensionPath: opts.extensionPath,
      isActive: true,
      exports: undefined,
      extensionKind: 2,
    },
    extensionUri,
    extensionPath: opts.extensionPath,
    storageUri: Uri.file(posix.join(storage, 'workspace')),
    globalStorageUri: Uri.file(posix.join(storage, 'global')),
    logUri: Uri.file(posix.join(storage, 'log')),
    asAbsolutePath: (relative: string) => posix.join(opts.extensionPath, relative),
  };
}
