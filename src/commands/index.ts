/** The command table: every id of the contract mapped to its handler (TypeScript checks it is complete). */
import * as vscode from 'vscode';
import { COMMANDS, type CommandName } from '../constants';
import type { TokenExpiryNotice } from '../host/tokenExpiryNotice';
import { addGroupCommand } from './addGroup';
import { addProjectCommand } from './addProject';
import { addProtectionRuleCommand } from './addProtectionRule';
import { cleanUpPackagesCommand } from './cleanUpPackages';
import { clearFilterCommand } from './clearFilter';
import { clearTokenCommand } from './clearToken';
import { compareFileCommand } from './compareFile';
import { copyChecksumCommand } from './copyChecksum';
import { copyChecksumAsCommand } from './copyChecksumAs';
import { copyInstallCommandCommand } from './copyInstallCommand';
import { deletePackageCommand } from './deletePackage';
import { deletePackageFileCommand } from './deletePackageFile';
import { deleteProtectionRuleCommand } from './deleteProtectionRule';
import type { CommandDeps, Handler } from './deps';
import { downloadFileCommand } from './downloadFile';
import { editProtectionRuleCommand } from './editProtectionRule';
import { filterCommand } from './filter';
import { loadMoreCommand } from './loadMore';
import { openInBrowserCommand } from './openInBrowser';
import { refreshCommand } from './refresh';
import { removeProjectCommand } from './removeProject';
import { setTokenCommand } from './setToken';
import { showDetailsCommand } from './showDetails';
import { showLogCommand } from './showLog';
import { groupByNameCommand } from './toggleGroupByName';
import { wrapCommand } from './wrap';

export function registerCommands(deps: CommandDeps & { expiryNotice: TokenExpiryNotice }): vscode.Disposable[] {
  const handlers: Record<CommandName, Handler> = {
    refresh: refreshCommand(deps),
    setToken: setTokenCommand(deps),
    clearToken: clearTokenCommand(deps),
    addProject: addProjectCommand(deps),
    removeProject: removeProjectCommand(deps),
    addGroup: addGroupCommand(deps),
    toggleGroupByName: groupByNameCommand(deps),
    groupByName: groupByNameCommand(deps, true),
    ungroupByName: groupByNameCommand(deps, false),
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
    addProtectionRule: addProtectionRuleCommand(deps),
    editProtectionRule: editProtectionRuleCommand(deps),
    deleteProtectionRule: deleteProtectionRuleCommand(deps),
    cleanUpPackages: cleanUpPackagesCommand(deps),
    cleanUpVersions: cleanUpPackagesCommand(deps),
    copyCleanUpPreview: cleanUpPackagesCommand(deps, 'copy'),
  };
  return (Object.keys(handlers) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], wrapCommand(COMMANDS[name], handlers[name], deps.log)),
  );
}
