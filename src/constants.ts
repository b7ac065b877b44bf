/** The ids of the public contract: commands (kept identical to package.json by a unit test), the view, context keys. */
export const COMMANDS = {
  refresh: 'gitlabPackages.refresh',
  setToken: 'gitlabPackages.setToken',
  clearToken: 'gitlabPackages.clearToken',
  addProject: 'gitlabPackages.addProject',
  removeProject: 'gitlabPackages.removeProject',
  addGroup: 'gitlabPackages.addGroup',
  toggleGroupByName: 'gitlabPackages.toggleGroupByName',
  groupByName: 'gitlabPackages.groupByName',
  ungroupByName: 'gitlabPackages.ungroupByName',
  copyChecksum: 'gitlabPackages.copyChecksum',
  copyChecksumAs: 'gitlabPackages.copyChecksumAs',
  copyInstallCommand: 'gitlabPackages.copyInstallCommand',
  deletePackage: 'gitlabPackages.deletePackage',
  deletePackageFile: 'gitlabPackages.deletePackageFile',
  openInBrowser: 'gitlabPackages.openInBrowser',
  showLog: 'gitlabPackages.showLog',
  showDetails: 'gitlabPackages.showDetails',
  downloadFile: 'gitlabPackages.downloadFile',
  compareFile: 'gitlabPackages.compareFile',
  filter: 'gitlabPackages.filter',
  clearFilter: 'gitlabPackages.clearFilter',
  loadMore: 'gitlabPackages.loadMore',
  addProtectionRule: 'gitlabPackages.addProtectionRule',
  editProtectionRule: 'gitlabPackages.editProtectionRule',
  deleteProtectionRule: 'gitlabPackages.deleteProtectionRule',
  cleanUpPackages: 'gitlabPackages.cleanUpPackages',
  cleanUpVersions: 'gitlabPackages.cleanUpVersions',
  copyCleanUpPreview: 'gitlabPackages.copyCleanUpPreview',
  verifyLockfiles: 'gitlabPackages.verifyLockfiles',
  revealPackage: 'gitlabPackages.revealPackage',
  verifyByDownloading: 'gitlabPackages.verifyByDownloading',
} as const;

export type CommandName = keyof typeof COMMANDS;

export const VIEW_ID = 'gitlabPackages.packages';

/** Context keys the extension sets (menus, the welcome view and keybindings read them). */
export const CONTEXT = {
  noProjects: 'gitlabPackages.noProjects',
  filtered: 'gitlabPackages.filtered',
  groupedByName: 'gitlabPackages.groupedByName',
} as const;

/** The scheme of the read-only Package Details documents. */
export const DETAILS_SCHEME = 'gitlab-package';
