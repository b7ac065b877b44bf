/** What command handlers receive (constructor-style injection from composition.ts). */
import type * as vscode from 'vscode';
import type { ClientPool } from '../../core/instances/clientPool';
import type { DeleteFlow } from '../../core/delete/deleteFlow';
import type { InstanceFacts } from '../../core/instances/instanceFacts';
import type { InstanceHealth } from '../../core/instances/instanceHealth';
import type { ProtectionCache } from '../../core/protection/protectionCache';
import type { Platform } from '../../core/platform';
import type { Config } from '../../core/config';
import type { DownloadVerdicts } from '../../core/lockfiles/downloadVerdicts';
import type { LockfileEngineLoader } from '../../core/lockfiles/engine';
import type { LockfileGuard } from '../../core/lockfiles/lockfileGuard';
import type { LookupCache } from '../../core/lockfiles/lookupCache';
import type { RegistryAnswer } from '../../core/lockfiles/verdict';
import type { CleanUpRuleStore } from '../../host/cleanUpRuleStore';
import type { DetailsDocuments } from '../../host/detailsDocuments';
import type { FilterStore } from '../../host/filterStore';
import type { LazyLockfileFeature } from '../../host/lazyLockfileFeature';
import type { Log } from '../../host/log';
import type { TokenStore } from '../../host/tokenStore';
import type { ViewState } from '../../host/viewState';
import type { PackagesTreeModel } from '../../tree/model';
import type { TreeNode } from '../../tree/nodes';

export interface CommandDeps {
  model: PackagesTreeModel;
  /** Each project's protection rules and the user's role there (what deletes check before sending). */
  protection: ProtectionCache;
  treeView: vscode.TreeView<TreeNode>;
  tokens: TokenStore;
  clients: ClientPool;
  log: Log;
  config(): Config;
  health: InstanceHealth;
  /** Versions (asked once per instance), for "needs GitLab ≥ X" messages. */
  facts: InstanceFacts;
  filters: FilterStore;
  details: DetailsDocuments;
  deletes: DeleteFlow;
  platform: Platform;
  viewState: ViewState;
  /** The clean-up rule used last per project or group. */
  cleanUpRules: CleanUpRuleStore;
  /** The lockfile parsers and verifier: the core on Node, a bundle loaded on first use in the web worker. */
  lockfiles: LockfileEngineLoader;
  /**
   * The registry's answers per package version for lockfile checks, made from the engine's class
   * on first use (the main web bundle stays without it); emptied by Refresh.
   */
  lockfileCache: { current?: LookupCache<RegistryAnswer> };
  /** The workspace's lockfiles as last verified (diagnostics, hover, status bar read them too), loaded on first use. */
  lockfileChecks: Pick<LazyLockfileFeature, 'feature' | 'registryChanged'>;
  /** What Verify by Downloading found per registry file, for the lockfile diagnostics; emptied by Refresh. */
  downloadVerdicts: DownloadVerdicts;
  /** What the workspace's lockfiles resolve to (clean-ups keep it, deletes ask again); undefined without lockfiles. */
  lockfileGuard(): Promise<LockfileGuard | undefined>;
}

export type Handler = (...args: unknown[]) => Promise<unknown>;
