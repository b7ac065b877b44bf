/**
 * An in-memory `vscode` module for running the extension in plain Node, with a user the test
 * controls. Only the API surface the extension touches, but where a test depends on VS Code's
 * behaviour it behaves like VS Code: toasts stay open until clicked or dismissed, modals wait
 * for an answer, settings are layered (defaults from package.json < user < workspace <
 * folder), only Notification progress has a Cancel button, unknown commands reject.
 *
 * One `FakeVscode` is one window; `createVscodeModule` builds the object `require('vscode')`
 * returns, which forwards to whichever window is current (so a module loaded once serves many
 * tests). The harness (harness.ts) hands that object to the extension in place of `vscode`.
 *
 * By area: events.ts (events, disposables, cancellation), enums.ts, uri.ts, items.ts (tree items,
 * icons, Markdown), l10n.ts, user.ts (the person: scripted answers, what was shown), window.ts
 * (messages, input, quick picks, dialogs, progress), quickPick.ts (createQuickPick), treeView.ts,
 * documents.ts, outputChannel.ts, workspace.ts, settings.ts, storage.ts (SecretStorage, Mementos),
 * commands.ts, env.ts (clipboard, openExternal, extensions), git.ts (the git extension's API),
 * state.ts and fakeVscode.ts (one window), context.ts (ExtensionContext), module.ts.
 */
export * from './context';
export * from './documents';
export * from './enums';
export * from './events';
export * from './fakeVscode';
export * from './git';
export * from './items';
export * from './l10n';
export * from './languages';
export * from './module';
export * from './outputChannel';
export * from './quickPick';
export * from './settings';
export * from './statusBar';
export * from './state';
export * from './storage';
export * from './treeView';
export * from './uri';
export * from './user';
