/** Reads the `gitlabPackages.*` settings into one validated snapshot, and writes settings back where they come from. */
import * as vscode from 'vscode';
import { parseInstanceSettings } from '../core/instances/instanceSettings';
import { parseInstanceUrl } from '../core/projects/projectRef';
import { CONNECTION_SETTINGS, SECTION, type Config } from '../core/config';
import type { Text } from '../util/text';

export function readConfig(homeDir = ''): Config {
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
    ...instancesSetting(c.get<unknown>('instances'), homeDir),
    lockfiles: {
      guardDeletes: c.get<boolean>('lockfiles.guardDeletes') !== false,
      verifyAutomatically: c.get<boolean>('lockfiles.verifyAutomatically') !== false,
      weakDiagnostics: c.get<boolean>('lockfiles.weakDiagnostics') !== false,
    },
    user: {
      instanceUrl: userValue<string>(c, 'instanceUrl') || 'https://gitlab.com',
      projectEntries: stringList(userValue(c, 'projects')),
      groupEntries: stringList(userValue(c, 'groups')),
    },
  };
}

/** The user-settings value (else the default): what no workspace or folder setting has touched. */
function userValue<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

function instancesSetting(raw: unknown, homeDir: string): Pick<Config, 'instances' | 'instanceProblems'> {
  const { byOrigin, problems } = parseInstanceSettings(raw, homeDir);
  return { instances: byOrigin, instanceProblems: problems };
}

export function writeProjectEntries(entries: string[], key: 'projects' | 'groups' = 'projects'): Promise<void> {
  return writeSetting(key, entries);
}

/**
 * Writes a setting where its effective value comes from (a workspace value would hide a user
 * one), else to user settings — so changing it always changes what the user sees.
 */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const inspect = c.inspect(key);
  const target =
    inspect?.workspaceValue !== undefined && vscode.workspace.workspaceFolders !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [];
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}

export interface SettingsChange {
  /** Clients, agents, versions and token facts must be built and asked again. */
  connections: boolean;
}

/** The current snapshot, read again when a `gitlabPackages.*` setting changes. */
export class Settings implements vscode.Disposable {
  private snapshot: Config;
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  /** `reportProblem` hears each unusable `gitlabPackages.instances` entry, at start and when it changes. */
  constructor(
    private readonly homeDir: string,
    reportProblem: (problem: Text) => void,
  ) {
    this.snapshot = readConfig(homeDir);
    this.snapshot.instanceProblems.forEach(reportProblem);
    const reread = (): void => {
      this.snapshot = readConfig(this.homeDir);
    };
    this.subscriptions = [
      // Trusting the workspace lets its values of the restricted settings count from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        reread();
        this.changed.fire({ connections: true });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        reread();
        if (e.affectsConfiguration(`${SECTION}.instances`)) this.snapshot.instanceProblems.forEach(reportProblem);
        this.changed.fire({ connections: CONNECTION_SETTINGS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`)) });
      }),
    ];
  }

  get current(): Config {
    return this.snapshot;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
