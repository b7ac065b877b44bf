/**
 * The settings as one typed, validated snapshot, and what follows from them: the parsed
 * project and group entries, the instances in use, each origin's connection settings. Pure:
 * host/settings.ts reads the snapshot from VS Code.
 */
import type { AuthStyle } from '../gitlab/types';
import type { Text } from '../util/text';
import { effectiveInstanceSettings, type EffectiveInstanceSettings, type InstanceSettings } from './instances/instanceSettings';
import { parseGroupEntry, parseInstanceUrl, parseProjectEntry, type ParsedEntry } from './projects/projectRef';

export const SECTION = 'gitlabPackages';

/** Settings that shape clients and connections; the others only change what the tree shows. */
export const CONNECTION_SETTINGS = ['instanceUrl', 'authHeader', 'instances', 'allowHttpFor', 'requestTimeoutSeconds', 'maxConcurrentRequests'] as const;

export interface Config {
  instanceUrl: string;
  projectEntries: string[];
  groupEntries: string[];
  includeSubgroups: boolean;
  groupByName: boolean;
  detectFromGitRemotes: boolean;
  authHeader: AuthStyle;
  timeoutMs: number;
  concurrency: number;
  /** Origins that may receive a token over plain http (loopback always may). */
  allowHttpFor: string[];
  /** `gitlabPackages.instances`, keyed by origin. */
  instances: ReadonlyMap<string, InstanceSettings>;
  /** Entries of `gitlabPackages.instances` that were ignored, and why (for the log). */
  instanceProblems: Text[];
  lockfiles: {
    /** Versions the workspace's lockfiles resolve to are kept by clean-ups and asked about again by deletes. */
    guardDeletes: boolean;
    /** Verify the workspace's lockfiles on opening and on every change (trusted workspaces only). */
    verifyAutomatically: boolean;
    /** Information diagnostics on entries only a SHA-1 or MD5 could confirm. */
    weakDiagnostics: boolean;
  };
  /**
   * The same three settings as the user set them (user settings or the default), without what a
   * workspace or folder adds: a cloned repository's `.vscode/settings.json` must not decide where a
   * token goes.
   */
  user: Pick<Config, 'instanceUrl' | 'projectEntries' | 'groupEntries'>;
}

/** The connection settings for one origin: its `gitlabPackages.instances` entry over the global ones. */
export function instanceSettingsFor(config: Config, origin: string): EffectiveInstanceSettings {
  return effectiveInstanceSettings(config.instances, origin, config.authHeader);
}

/** Entries parsed against the default instance; URL entries name their own instance. */
export function parsedEntries(config: Config): ParsedEntry[] {
  return config.projectEntries.map((e) => parseProjectEntry(e, config.instanceUrl, [config.instanceUrl]));
}

export function parsedGroupEntries(config: Config): ParsedEntry[] {
  return config.groupEntries.map((e) => parseGroupEntry(e, config.instanceUrl, [config.instanceUrl]));
}

/** Instance URLs in use: the default one plus any named by project URLs. */
export function instanceUrls(config: Config): string[] {
  const urls = new Set<string>();
  const def = parseInstanceUrl(config.instanceUrl);
  if (def.ok) urls.add(def.url);
  for (const e of [...parsedEntries(config), ...parsedGroupEntries(config)]) if (e.ok) urls.add(e.ref.instanceUrl);
  return [...urls];
}

/**
 * Origins in use that only the workspace's (or a folder's) settings name — no user setting
 * does. Their rows say so, and a token for them is asked for with a warning.
 */
export function workspaceNamedOrigins(config: Config): Set<string> {
  const byUser = new Set(instanceUrls({ ...config, ...config.user }).map((u) => new URL(u).origin));
  return new Set(
    instanceUrls(config)
      .map((u) => new URL(u).origin)
      .filter((o) => !byUser.has(o)),
  );
}
