/** Settings layered as VS Code layers them: package.json defaults < user < workspace < folder, with scopes and restricted mode. */
import type * as vscode from 'vscode';
import { ConfigurationTarget } from './enums';
import { EventEmitter } from './events';

export interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes?: {
    configuration?:
      { properties?: Record<string, { default?: unknown; scope?: string }> } | { properties?: Record<string, { default?: unknown; scope?: string }> }[];
    views?: Record<string, { id: string }[]>;
    commands?: { command: string }[];
  };
}

export type LayerName = 'global' | 'workspace' | 'workspaceFolder';

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects are merged across layers (as VS Code merges e.g. `files.exclude`); anything else is replaced. */
function merge(lower: unknown, higher: unknown): unknown {
  if (higher === undefined) return lower;
  if (isPlainObject(lower) && isPlainObject(higher)) {
    const out: Record<string, unknown> = { ...lower };
    for (const [k, v] of Object.entries(higher)) out[k] = merge(lower[k], v);
    return out;
  }
  return higher;
}

export class Settings {
  readonly defaults = new Map<string, { value: unknown; scope: string }>();
  readonly layers: Record<LayerName, Map<string, unknown>> = { global: new Map(), workspace: new Map(), workspaceFolder: new Map() };
  private readonly changed = new EventEmitter<vscode.ConfigurationChangeEvent>();
  readonly onDidChange = this.changed.event;

  get listenerCount(): number {
    return this.changed.listenerCount;
  }

  /** Settings VS Code reads from user settings only while the workspace is untrusted (restricted mode). */
  private readonly restricted: Set<string>;

  constructor(
    manifest: Manifest,
    private readonly hasWorkspace: () => boolean,
    private readonly isTrusted: () => boolean = () => true,
  ) {
    this.restricted = new Set(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? []);
    const conf = manifest.contributes?.configuration;
    for (const block of Array.isArray(conf) ? conf : conf ? [conf] : []) {
      for (const [key, p] of Object.entries(block.properties ?? {})) this.defaults.set(key, { value: p.default, scope: p.scope ?? 'window' });
    }
  }

  /** Machine-scoped settings are read from user settings only; window-scoped ones not per folder. */
  private applies(key: string, layer: LayerName, reading = true): boolean {
    const scope = this.defaults.get(key)?.scope ?? 'window';
    if (layer === 'global') return true;
    if (scope === 'machine' || scope === 'application') return false;
    // Restricted mode ignores the workspace's value when reading; the file itself may still hold one.
    if (reading && this.restricted.has(key) && !this.isTrusted()) return false;
    return layer === 'workspace' || scope === 'resource' || scope === 'language-overridable' || scope === 'machine-overridable';
  }

  effective(key: string, withFolder: boolean): unknown {
    let value = this.defaults.get(key)?.value;
    for (const layer of ['global', 'workspace', 'workspaceFolder'] as const) {
      if (layer === 'workspaceFolder' && !withFolder) continue;
      if (this.layers[layer].has(key) && this.applies(key, layer)) value = merge(value, this.layers[layer].get(key));
    }
    return value;
  }

  inspect(key: string): { key: string; defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } {
    return {
      key,
      defaultValue: clone(this.defaults.get(key)?.value),
      globalValue: clone(this.layers.global.get(key)),
      workspaceValue: clone(this.layers.workspace.get(key)),
      workspaceFolderValue: clone(this.layers.workspaceFolder.get(key)),
    };
  }

  /** Writes one layer like ConfigurationEditing does (same refusals), then fires the change event. */
  write(key: string, value: unknown, layer: LayerName): Promise<void> {
    const where = layer === 'global' ? 'User Settings' : layer === 'workspace' ? 'Workspace Settings' : 'Folder Settings';
    const def = this.defaults.get(key);
    if (!def) return Promise.reject(new Error(`Unable to write to ${where} because ${key} is not a registered configuration.`));
    if (layer !== 'global' && !this.hasWorkspace())
      return Promise.reject(new Error(`Unable to write to ${where} because no workspace is opened. Please open a workspace first and try again.`));
    if (layer !== 'global' && !this.applies(key, layer, false))
      return Promise.reject(
        new Error(`Unable to write to ${where} because ${key} does not support the ${layer === 'workspace' ? 'workspace' : 'folder resource'} scope.`),
      );
    const map = this.layers[layer];
    const before = JSON.stringify(map.get(key));
    if (value === undefined) map.delete(key);
    else map.set(key, clone(value));
    if (JSON.stringify(map.get(key)) !== before) this.fire([key]);
    return Promise.resolve();
  }

  fire(keys: string[]): void {
    const affects = (section: string): boolean => keys.some((k) => k === section || k.startsWith(section + '.') || section.startsWith(k + '.'));
    this.changed.fire({ affectsConfiguration: (section: string) => affects(section) });
  }

  /** `workspace.getConfiguration(section, scope)`: values are a snapshot taken now, and read-only. */
  configuration(section: string | undefined, scope: unknown): vscode.WorkspaceConfiguration {
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    const withFolder = scope !== undefined && scope !== null;
    const snapshot = new Map<string, unknown>();
    for (const key of new Set([...this.defaults.keys(), ...Object.values(this.layers).flatMap((m) => [...m.keys()])])) {
      if (!section || key.startsWith(section + '.')) snapshot.set(key, deepFreeze(clone(this.effective(key, withFolder))));
    }
    const config = {
      get: <T>(key: string, defaultValue?: T): T | undefined => {
        const v = snapshot.get(full(key)) as T | undefined;
        return v === undefined ? defaultValue : v;
      },
      has: (key: string) => snapshot.get(full(key)) !== undefined,
      inspect: (key: string) => this.inspect(full(key)),
      update: (key: string, value: unknown, target?: number | boolean | null): Promise<void> => {
        // true → user, false → workspace, undefined → folder for a resource-scoped configuration, else workspace.
        const t =
          target === true
            ? ConfigurationTarget.Global
            : target === false
              ? ConfigurationTarget.Workspace
              : (target ?? (withFolder ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace));
        if (t === ConfigurationTarget.WorkspaceFolder && !withFolder)
          return Promise.reject(new Error('Unable to write to Folder Settings because no resource is provided.'));
        return this.write(
          full(key),
          value,
          t === ConfigurationTarget.Global ? 'global' : t === ConfigurationTarget.Workspace ? 'workspace' : 'workspaceFolder',
        );
      },
    };
    return config as unknown as vscode.WorkspaceConfiguration;
  }
}
