/** `vscode.env` (clipboard, openExternal, a desktop VS Code) and `vscode.extensions`. */
import { LogLevel, UIKind } from './enums';
import { EventEmitter } from './events';
import type { WindowState } from './state';
import type { Uri } from './uri';

export function createEnv(s: WindowState) {
  const user = s.user;
  return {
    clipboard: {
      readText: () => Promise.resolve(user.clipboard),
      writeText: (text: string) => {
        user.clipboard = text;
        user.clipboardWrites.push(text);
        return Promise.resolve();
      },
    },
    openExternal: (uri: Uri) => {
      user.openedExternally.push(uri);
      return Promise.resolve(true);
    },
    asExternalUri: (uri: Uri) => Promise.resolve(uri),
    uriScheme: 'vscode',
    appName: 'Visual Studio Code',
    appHost: 'desktop',
    language: 'en',
    machineId: 'someValue.machineId',
    sessionId: 'someValue.sessionId',
    remoteName: undefined,
    shell: '/bin/bash',
    uiKind: UIKind.Desktop,
    isTelemetryEnabled: false,
    logLevel: LogLevel.Info,
  };
}

export function createExtensions(s: WindowState) {
  return {
    getExtension: (id: string) => s.extensionsById.get(id),
    get all() {
      return [...s.extensionsById.values()];
    },
    onDidChange: new EventEmitter<void>().event,
  };
}
