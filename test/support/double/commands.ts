/** `vscode.commands`: registered handlers, `setContext`, the built-in commands; anything else unknown rejects. */
import { Disposable } from './events';
import type { WindowState } from './state';

/** Commands VS Code itself provides that the extension may call. */
const BUILTIN_COMMANDS = [
  'vscode.open',
  'vscode.diff',
  'workbench.action.openSettings',
  'markdown.showPreview',
  'markdown.showPreviewToSide',
  'workbench.action.focusSideBar',
  'revealFileInOS',
];

export function createCommands(s: WindowState) {
  return {
    registerCommand: (id: string, fn: (...args: unknown[]) => unknown, thisArg?: unknown) => {
      if (s.commandHandlers.has(id)) throw new Error(`command '${id}' already exists`);
      s.commandHandlers.set(id, { fn, thisArg });
      return new Disposable(() => s.commandHandlers.delete(id));
    },
    executeCommand: async (id: string, ...args: unknown[]): Promise<unknown> => {
      s.executed.push({ id, args });
      const handler = s.commandHandlers.get(id);
      if (handler) return await handler.fn.apply(handler.thisArg, args);
      if (id === 'setContext') {
        s.contextKeys.set(String(args[0]), args[1]);
        return undefined;
      }
      if (BUILTIN_COMMANDS.includes(id) || s.contributedViews().some((v) => id === `${v}.focus`)) return undefined;
      throw new Error(`command '${id}' not found`);
    },
    getCommands: (filterInternal = false): Promise<string[]> =>
      Promise.resolve([...s.commandHandlers.keys(), ...(filterInternal ? [] : ['setContext']), ...BUILTIN_COMMANDS]),
  };
}
