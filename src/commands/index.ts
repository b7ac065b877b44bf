/** The command table: every id of the contract mapped to its handler (TypeScript checks it is complete). */
import * as vscode from 'vscode';
import { COMMANDS, type CommandName } from '../constants';
import type { TokenExpiryNotice } from '../host/tokenExpiryNotice';
import { addGroupCommand } from './projects/addGroup';
import { addProjectCommand } from './projects/addProject';
import { addProtectionRuleCommand } from './protection/addProtectionRule';
import { cleanUpPackagesCommand } from './cleanUp/cleanUpPackages';
import { clearFilterCommand } from './browse/clearFilter';
import { clearTokenCommand } from './tokens/clearToken';
import { compareFileCommand } from './files/compareFile';
import { copyChecksumCommand } from './files/copyChecksum';
import { copyChecksumAsCommand } from './files/copyChecksumAs';
import { copyInstallCommandCommand } from './files/copyInstallCommand';
import { deletePackageCommand } from './delete/deletePackage';
import { deletePackageFileCommand } from './delete/deletePackageFile';
import { deleteProtectionRuleCommand } from './protection/deleteProtectionRule';
import type { CommandDeps, Handler } from './shared/deps';
import { downloadFileCommand } from './files/downloadFile';
import { editProtectionRuleCommand } from './protection/editProtectionRule';
import { filterCommand } from './browse/filter';
import { loadMoreCommand } from './browse/loadMore';
import { openInBrowserCommand } from './browse/openInBrowser';
import { refreshCommand } from './browse/refresh';
import { revealPackageCommand } from './browse/revealPackage';
import { removeProjectCommand } from './projects/removeProject';
import { setTokenCommand } from './tokens/setToken';
import { showDetailsCommand } from './browse/showDetails';
import { showLogCommand } from './browse/showLog';
import { groupByNameCommand } from './browse/groupByName';
import { wrapCommand } from './shared/wrap';
import { verifyLockfilesCommand } from './lockfiles/verifyLockfiles';
import { verifyByDownloadingCommand } from './lockfiles/verifyByDownloading';

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
    verifyLockfiles: verifyLockfilesCommand(deps),
    revealPackage: revealPackageCommand(deps),
    verifyByDownloading: verifyByDownloadingCommand(deps),
  };
  return (Object.keys(handlers) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], wrapCommand(COMMANDS[name], handlers[name], deps.log)),
  );
}
