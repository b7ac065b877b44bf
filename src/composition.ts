/**
 * Composition root, shared by both entries (main.ts on Node, browser.ts in a web worker): builds
 * the parts on the platform it is handed, wires their events, registers every disposable. No policy here.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { VIEW_ID } from './constants';
import { ClientPool } from './core/instances/clientPool';
import { DeleteFlow } from './core/delete/deleteFlow';
import { environmentToken } from './core/tokens/environmentToken';
import { InstanceFacts } from './core/instances/instanceFacts';
import { InstanceHealth } from './core/instances/instanceHealth';
import { InstanceMonitor } from './core/instances/instanceMonitor';
import { ProtectionCache } from './core/protection/protectionCache';
import { errorText } from './core/errorText';
import type { Platform } from './core/platform';
import { instanceSettingsFor, instanceUrls, parsedEntries, parsedGroupEntries, workspaceNamedOrigins } from './core/config';
import { Settings } from './host/settings';
import { CleanUpRuleStore } from './host/cleanUpRuleStore';
import { DetailsDocuments } from './host/detailsDocuments';
import { DownloadVerdicts } from './core/lockfiles/downloadVerdicts';
import { FilterStore } from './host/filterStore';
import { LazyLockfileFeature } from './host/lazyLockfileFeature';
import type { LockfileModuleLoader } from './host/lockfileModule';
import { Log } from './host/log';
import { workspaceLockfileGuard } from './host/workspaceLockfileGuard';
import { TokenExpiryNotice } from './host/tokenExpiryNotice';
import { TokenStore } from './host/tokenStore';
import { UntrustedCertificateNotice } from './host/untrustedCertificateNotice';
import { ViewState } from './host/viewState';
import { say } from './host/l10n';
import { WorkspaceRemotes } from './host/workspaceRemotes';
import { PackagesTreeModel } from './tree/model';
import { PackagesTreeProvider } from './tree/provider';

/** Handed to tests only (never in normal use: it would expose tokens). */
export interface TestApi {
  tokens: TokenStore;
  provider: PackagesTreeProvider;
  model: PackagesTreeModel;
  protection: ProtectionCache;
  downloadVerdicts: DownloadVerdicts;
  lockfileChecks: LazyLockfileFeature;
}

export function activateOn(context: vscode.ExtensionContext, platform: Platform, lockfiles: LockfileModuleLoader): TestApi | undefined {
  const version = String((context.extension.packageJSON as { version?: string }).version);
  const userAgent = `gitlab-packages-vscode/${version} (VS Code ${vscode.version})`;
  const log = new Log();
  const settings = new Settings(platform.homeDir ?? '', (problem) => log.warn(say(problem)));
  const config = () => settings.current;
  const envToken = environmentToken(platform.environment, config().user.instanceUrl);
  if (envToken) log.info(`GITLAB_PACKAGES_TOKEN is used for ${envToken.origin} (from ${envToken.from})`);
  const tokens = new TokenStore(context.secrets, envToken);
  const certificateNotice = new UntrustedCertificateNotice(log);
  const clients = new ClientPool({
    ...platform,
    getToken: (origin) => tokens.get(origin),
    userAgent,
    log: (e) => log.request(e),
    settings: config,
    instanceSettings: (origin) => instanceSettingsFor(config(), origin),
    onUntrustedCertificates: (origin) => certificateNotice.untrusted(origin),
    onTlsSettingsIgnored: (origin) => certificateNotice.ignoredInBrowser(origin),
  });
  const facts = new InstanceFacts((url) => clients.get(url));
  const expiryNotice = new TokenExpiryNotice(log);
  const health = new InstanceHealth({
    facts,
    hasToken: (origin) => tokens.has(origin),
    onDidChange: (s) => (model.instanceStatusChanged(), expiryNotice.consider(s)),
  });
  const monitor = new InstanceMonitor({ health, instanceUrls: () => instanceUrls(config()), log: (line) => log.warn(line) });
  const provider = new PackagesTreeProvider((line) => log.debug(line));
  const filters = new FilterStore(context.workspaceState);
  const remotes = new WorkspaceRemotes();
  const protection = new ProtectionCache({
    clientFor: (url) => clients.get(url),
    versionOf: (url) => facts.version(url),
    adminStanding: (url) => facts.adminStanding(url),
    currentUserId: (url) => facts.currentUserId(url),
    deleteProtectionMayBeOn: (url, projectId) => facts.forgetDeleteProtectionOff(url, projectId),
  });
  const model = new PackagesTreeModel({
    entries: () => parsedEntries(config()),
    groupEntries: () => parsedGroupEntries(config()),
    includeSubgroups: () => config().includeSubgroups,
    groupByName: () => config().groupByName,
    detectedProjects: () => (config().detectFromGitRemotes ? remotes.projects(instanceUrls(config())) : []),
    filterFor: (ref) => filters.get(ref),
    clientFor: (ref) => clients.get(ref.instanceUrl),
    hasToken: (origin) => tokens.has(origin),
    versionOf: (url) => facts.version(url),
    instanceStatus: (url) => health.get(url),
    workspaceNamedOrigins: () => workspaceNamedOrigins(config()),
    protection,
    onDidChange: (node) => provider.changed(node),
    onBackgroundLoad: (settled) => provider.busy(settled),
  });
  provider.attach(model);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const viewState = new ViewState(treeView, filters, config);
  const deletes = new DeleteFlow({
    clientFor: (url) => clients.get(url),
    tokenMayDelete: (url) => health.tokenMayDelete(url),
    log: (line) => log.info(line),
    versionOf: (url) => facts.version(url),
  });
  const details = new DetailsDocuments();
  const lockfileCache = {};
  const downloadVerdicts = new DownloadVerdicts();
  // The editor's lockfile checks, loaded once the workspace has a lockfile (in the web worker, a bundle of their own).
  const lockfileChecks = new LazyLockfileFeature({
    load: lockfiles,
    feature: {
      downloads: downloadVerdicts,
      config,
      instanceUrls: () => instanceUrls(config()),
      clientFor: (url) => clients.get(url),
      cache: lockfileCache,
      say,
      errorText,
      log: (line) => log.warn(line),
    },
    onError: (e) => log.warn(`Lockfile checks in the editor: ${say(errorText(e))}`),
  });

  context.subscriptions.push(
    log,
    settings,
    tokens,
    provider,
    treeView,
    remotes,
    details,
    { dispose: () => model.dispose() },
    { dispose: () => monitor.dispose() },
    remotes.onDidChange(() => config().detectFromGitRemotes && model.refresh()),
    tokens.onDidChange((origin) => {
      model.refresh();
      monitor.recheck(origin);
      // A token is per origin; answers are kept per instance (one origin may hold several, under paths).
      for (const instanceUrl of instanceUrls(config()).filter((u) => new URL(u).origin === origin)) lockfileChecks.registryChanged({ instanceUrl });
    }),
    lockfileChecks,
    settings.onDidChange((change) => {
      lockfileChecks.settingsChanged();
      // Clients, agents, versions and token facts hold across view settings; a new connection asks again.
      if (change.connections) clients.reset();
      viewState.update();
      model.refresh();
      if (change.connections) monitor.recheck();
      else monitor.checkAll();
    }),
    ...registerCommands({
      model,
      protection,
      treeView,
      tokens,
      clients,
      log,
      config,
      health,
      facts,
      filters,
      details,
      deletes,
      platform,
      viewState,
      expiryNotice,
      cleanUpRules: new CleanUpRuleStore(context.workspaceState),
      lockfiles,
      lockfileCache,
      lockfileChecks,
      downloadVerdicts,
      lockfileGuard: workspaceLockfileGuard(lockfiles, () => instanceUrls(config())),
    }),
  );
  viewState.update();
  lockfileChecks.start();
  void remotes.start();
  monitor.start();
  log.info(`Activated (${userAgent})`);
  return context.extensionMode === vscode.ExtensionMode.Test ? { tokens, provider, model, protection, downloadVerdicts, lockfileChecks } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
