/** The command table: every id of the contract mapped to its handler (TS checks completeness). */
import * as vscode from 'vscode';
import { copyChecksumAsCommand, copyChecksumCommand } from './copyChecksum';
import { copyInstallCommandCommand } from './copyInstallCommand';
import { deletePackageCommand } from './deletePackage';
import { showDetailsCommand, type PackageDetailsDocuments } from './showDetails';
import { deletePackageFileCommand } from './deletePackageFile';
import { compareFileCommand, downloadFileCommand } from './download';
import { clearFilterCommand, filterCommand, type FilterDeps } from './filter';
import type { CommandDeps, Handler } from './deps';
import { COMMANDS, type CommandName } from '../constants';
import { addGroupCommand, addProjectCommand, removeProjectCommand, toggleGroupByNameCommand } from './projects';
import { loadMoreCommand, openInBrowserCommand, refreshCommand, showLogCommand } from './simple';
import { clearTokenCommand, setTokenCommand, type TokenCheckDeps } from './token';
import { wrapCommand } from './wrap';

export function registerCommands(deps: CommandDeps & TokenCheckDeps & FilterDeps & { details: PackageDetailsDocuments }): vscode.Disposable[] {
  const handlers: Record<CommandName, Handler> = {
    refresh: refreshCommand(deps),
    setToken: setTokenCommand(deps),
    clearToken: clearTokenCommand(deps),
    addProject: addProjectCommand(deps),
    removeProject: removeProjectCommand(deps),
    addGroup: addGroupCommand(deps),
    toggleGroupByName: toggleGroupByNameCommand(deps),
    copyChecksum: copyChecksumCommand(deps),
    copyChecksumAs: copyChecksumAsCommand(deps),
    copyInstallCommand: copyInstallCommandCommand(deps),
    deletePackage: deletePackageCommand(deps),
    deletePackageFile: deletePackageFileCommand(deps),
    openInBrowser: openInBrowserCommand(deps),
    showLog: showLogCommand(deps),
    showDetails: showDetailsCommand(deps),
    downloadFile: downloadFileCommand(deps),
    compareFile: compareFileCommand(deps),
    filter: filterCommand(deps),
    clearFilter: clearFilterCommand(deps),
    loadMore: loadMoreCommand(deps),
  };
  return (Object.keys(handlers) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], wrapCommand(COMMANDS[name], handlers[name], deps.log)),
  );
}
