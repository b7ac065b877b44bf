/** A typed, validated snapshot of the `gitlabPackages.*` settings. */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AuthStyle } from '../gitlab/transport';
import { effectiveInstanceSettings, parseInstanceSettings, type EffectiveInstanceSettings, type InstanceSettings } from '../core/instanceSettings';
import { parseGroupEntry, parseInstanceUrl, parseProjectEntry, type ParsedEntry } from '../core/projectRef';

export const SECTION = 'gitlabPackages';

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
  instanceProblems: string[];
}

export function readConfig(): Config {
  const c = vscode.workspace.getConfiguration(SECTION);
  const entries = c.get<unknown>('projects');
  return {
    instanceUrl: c.get<string>('instanceUrl') || 'https://gitlab.com',
    projectEntries: stringList(entries),
    groupEntries: stringList(c.get<unknown>('groups')),
    includeSubgroups: c.get<boolean>('includeSubgroups') !== false,
    groupByName: c.get<boolean>('groupByName') === true,
    detectFromGitRemotes: c.get<boolean>('detectFromGitRemotes') !== false,
    authHeader: c.get<string>('authHeader') === 'bearer' ? 'bearer' : 'private-token',
    timeoutMs: clamp(c.get<number>('requestTimeoutSeconds') ?? 30, 1, 600) * 1000,
    concurrency: Math.round(clamp(c.get<number>('maxConcurrentRequests') ?? 8, 1, 16)),
    allowHttpFor: stringList(c.get<unknown>('allowHttpFor')).flatMap((u) => {
      const parsed = parseInstanceUrl(u);
      return parsed.ok ? [parsed.origin] : [];
    }),
    ...instancesSetting(c.get<unknown>('instances')),
  };
}

function instancesSetting(raw: unknown): Pick<Config, 'instances' | 'instanceProblems'> {
  const { byOrigin, problems } = parseInstanceSettings(raw, os.homedir());
  return { instances: byOrigin, instanceProblems: problems };
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

export async function writeProjectEntries(entries: string[], key: 'projects' | 'groups' = 'projects'): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const inspect = c.inspect<string[]>(key);
  // Write where the user keeps the list: the workspace if it is set there, else user settings.
  const target =
    inspect?.workspaceValue !== undefined && vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update(key, entries, target);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [];
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
