/** Command ids of the public contract (kept identical to package.json by a unit test). */
export const COMMANDS = {
  refresh: 'gitlabPackages.refresh',
  setToken: 'gitlabPackages.setToken',
  clearToken: 'gitlabPackages.clearToken',
  addProject: 'gitlabPackages.addProject',
  removeProject: 'gitlabPackages.removeProject',
  addGroup: 'gitlabPackages.addGroup',
  toggleGroupByName: 'gitlabPackages.toggleGroupByName',
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
} as const;

export type CommandName = keyof typeof COMMANDS;

export const VIEW_ID = 'gitlabPackages.packages';
