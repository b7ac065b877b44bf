/** Composition root: reads settings, builds the token store, clients, tree and commands. */
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import { TokenStore } from './host/tokenStore';
import { registerCommands } from './commands';
import { DETAILS_SCHEME, PackageDetailsDocuments } from './commands/showDetails';
import { COMMANDS, VIEW_ID } from './constants';
import { instanceSettingsFor, instanceUrls, parsedEntries, parsedGroupEntries, readConfig, SECTION, type Config } from './host/config';
import { WorkspaceRemotes } from './host/workspaceRemotes';
import { ClientPool } from './core/clientPool';
import { InstanceFacts } from './core/instanceFacts';
import { InstanceHealth } from './core/instanceHealth';
import { withRequestTls } from './platform/node/tlsFetch';
import { parseInstanceUrl } from './core/projectRef';
import { FilterStore } from './host/filterStore';
import { Log } from './host/log';
import { PackagesTreeModel } from './tree/model';
import type { TreeNode } from './tree/nodes';
import { PackagesTreeProvider } from './tree/provider';
import { TokenWarnings } from './host/tokenExpiryNotice';
import { UntrustedCertificateWarnings } from './host/untrustedCertificateNotice';

const RECHECK_MS = 12 * 60 * 60 * 1000;

/** Settings that shape clients and connections; the others only change what the tree shows. */
const CONNECTION_SETTINGS = ['instanceUrl', 'authHeader', 'instances', 'allowHttpFor', 'requestTimeoutSeconds', 'maxConcurrentRequests'];

/** Handed to the extension-host tests only (never in normal use: it would expose tokens). */
export interface TestApi {
  tokens: TokenStore;
  provider: PackagesTreeProvider;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = new Log();
  const userAgent = `gitlab-packages-vscode/${String((context.extension.packageJSON as { version?: string }).version)} (VS Code ${vscode.version})`;
  let config: Config = readConfig();
  const tokens = new TokenStore(context.secrets, environmentToken(config));
  // node-fetch, except for instances with their own TLS settings (see tlsFetch.ts for why).
  const httpFetch = withRequestTls(fetch);
  const tlsWarnings = new UntrustedCertificateWarnings(log);
  const logInstanceProblems = (): void => config.instanceProblems.forEach((p) => log.warn(p));
  logInstanceProblems();
  const clients = new ClientPool({
    fetch: httpFetch,
    getToken: (origin) => tokens.get(origin),
    userAgent,
    log: (e) => log.request(e),
    settings: () => config,
    instanceSettings: (origin) => instanceSettingsFor(config, origin),
    onUntrustedCertificates: (origin) => tlsWarnings.untrusted(origin),
  });
  const facts = new InstanceFacts((instanceUrl) => clients.get(instanceUrl));
  const warnings = new TokenWarnings(log, (origin) => vscode.commands.executeCommand(COMMANDS.setToken, origin));
  const health = new InstanceHealth({
    facts,
    hasToken: (origin) => tokens.has(origin),
    onDidChange: (status) => {
      model.instanceStatusChanged();
      warnings.consider(status);
    },
  });
  /** At start, on sign-in and when settings change: token scopes, expiry and version. */
  const checkInstances = (origin?: string): void => {
    for (const url of instanceUrls(config)) {
      if (!origin || new URL(url).origin === origin)
        health.check(url).catch((e: unknown) => log.warn(`Could not check ${new URL(url).host}: ${e instanceof Error ? e.message : String(e)}`));
    }
  };
  const changes = new vscode.EventEmitter<TreeNode | undefined>();
  const filters = new FilterStore(context.workspaceState);
  const remotes = new WorkspaceRemotes();
  const model = new PackagesTreeModel({
    entries: () => parsedEntries(config),
    groupEntries: () => parsedGroupEntries(config),
    includeSubgroups: () => config.includeSubgroups,
    groupByName: () => config.groupByName,
    detectedProjects: () => (config.detectFromGitRemotes ? remotes.projects(instanceUrls(config)) : []),
    filterFor: (ref) => filters.get(ref),
    clientFor: (ref) => clients.get(ref.instanceUrl),
    hasToken: (origin) => tokens.has(origin),
    versionOf: (instanceUrl) => facts.version(instanceUrl),
    instanceStatus: (instanceUrl) => health.get(instanceUrl),
    onDidChange: (node) => changes.fire(node),
  });
  const provider = new PackagesTreeProvider(model, changes.event, (node, signal) =>
    clients.get(node.parent.ref.instanceUrl).getPackage(node.pkg.projectId ?? node.parent.project?.id ?? node.parent.ref.key, node.pkg.id, signal),
  );
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const setNoProjectsContext = (): Thenable<unknown> =>
    vscode.commands.executeCommand('setContext', 'gitlabPackages.noProjects', config.projectEntries.length + config.groupEntries.length === 0);
  void setNoProjectsContext();
  const showFilters = (): void => {
    treeView.description = filters.summary() || undefined;
    void vscode.commands.executeCommand('setContext', 'gitlabPackages.filtered', filters.any());
  };
  showFilters();

  const details = new PackageDetailsDocuments();
  context.subscriptions.push(
    remotes,
    remotes.onDidChange(() => {
      if (config.detectFromGitRemotes) model.refresh();
    }),
    details,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    log,
    tokens,
    changes,
    treeView,
    { dispose: () => model.dispose() },
    tokens.onDidChange((origin) => {
      health.forget(origin);
      model.refresh();
      checkInstances(origin);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      config = readConfig();
      if (e.affectsConfiguration(`${SECTION}.instances`)) logInstanceProblems();
      // Clients, agents, versions and token facts hold across view settings; a new connection asks again.
      if (CONNECTION_SETTINGS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
        clients.reset();
        health.forget();
      }
      void setNoProjectsContext();
      model.refresh();
      checkInstances();
    }),
    ...registerCommands({
      model,
      treeView,
      tokens,
      clients,
      log,
      config: () => config,
      versionOf: (instanceUrl) => facts.version(instanceUrl),
      filters,
      details,
      filtersChanged: () => {
        showFilters();
        model.refresh();
      },
      clientWithToken: (instanceUrl, token) => clients.withToken(instanceUrl, token),
    }),
  );
  void remotes.start();
  checkInstances();
  // Windows stay open for days: look again twice a day, so an expiry still gets its warning.
  const recheck = setInterval(() => {
    health.forget();
    checkInstances();
  }, RECHECK_MS);
  context.subscriptions.push({ dispose: () => clearInterval(recheck) });
  log.info(`Activated (${userAgent})`);
  return context.extensionMode === vscode.ExtensionMode.Test ? { tokens, provider } : undefined;
}

/** GITLAB_PACKAGES_TOKEN seeds a token for the default instance, in memory only. */
function environmentToken(config: Config): { origin: string; token: string } | undefined {
  const token = process.env.GITLAB_PACKAGES_TOKEN?.trim();
  const instance = parseInstanceUrl(config.instanceUrl);
  return token && instance.ok ? { origin: instance.origin, token } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
