/**
 * `gitlabPackages.instances`: connection settings per instance origin, validated. Keys are
 * normalised to origins; anything unusable is dropped and named in `problems` for the log.
 */
import * as path from 'node:path';
import type { AuthStyle } from '../gitlab/transport';
import { parseInstanceUrl } from './projectRef';

export const INSTANCES_SETTING = 'gitlabPackages.instances';

export interface InstanceSettings {
  authHeader?: AuthStyle;
  /** A PEM bundle of extra CAs, `~` expanded (checked when the connection is built). */
  caFile?: string;
  allowUntrustedCertificate?: boolean;
}

/** What a connection to one origin uses: the per-instance values over the global ones. */
export interface EffectiveInstanceSettings {
  authHeader: AuthStyle;
  caFile?: string;
  allowUntrustedCertificate: boolean;
}

export interface ParsedInstances {
  byOrigin: ReadonlyMap<string, InstanceSettings>;
  problems: string[];
}

const AUTH_STYLES: readonly AuthStyle[] = ['private-token', 'bearer'];

export function parseInstanceSettings(raw: unknown, homeDir: string): ParsedInstances {
  const byOrigin = new Map<string, InstanceSettings>();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { byOrigin, problems };
  if (!isPlainObject(raw))
    return { byOrigin, problems: [`${INSTANCES_SETTING} must be an object keyed by instance origin, e.g. { "https://gitlab.example.com": { … } }`] };
  for (const [key, value] of Object.entries(raw)) {
    const parsed = parseInstanceUrl(key);
    if (!parsed.ok) {
      problems.push(`${INSTANCES_SETTING}: ignored "${key}": ${parsed.reason}`);
      continue;
    }
    // Tokens and certificates belong to an origin; a path would suggest a finer split than there is.
    if (parsed.url !== parsed.origin) {
      problems.push(`${INSTANCES_SETTING}: ignored "${key}": use the origin only ("${parsed.origin}")`);
      continue;
    }
    if (!isPlainObject(value)) {
      problems.push(`${INSTANCES_SETTING}: ignored "${key}": the value must be an object`);
      continue;
    }
    const settings = parseOne(key, value, homeDir, problems);
    const earlier = byOrigin.get(parsed.origin);
    if (earlier) problems.push(`${INSTANCES_SETTING}: "${key}" names the same instance as an earlier key; merged, later values win`);
    byOrigin.set(parsed.origin, { ...earlier, ...settings });
  }
  return { byOrigin, problems };
}

export function effectiveInstanceSettings(
  byOrigin: ReadonlyMap<string, InstanceSettings>,
  origin: string,
  globalAuthHeader: AuthStyle,
): EffectiveInstanceSettings {
  const own = byOrigin.get(origin);
  return { authHeader: own?.authHeader ?? globalAuthHeader, caFile: own?.caFile, allowUntrustedCertificate: own?.allowUntrustedCertificate === true };
}

/** `~` and `~/…` are the home folder; other paths are returned as they are. */
export function expandHome(file: string, homeDir: string): string {
  if (file === '~') return homeDir;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(homeDir, file.slice(2));
  return file;
}

function parseOne(key: string, value: Record<string, unknown>, homeDir: string, problems: string[]): InstanceSettings {
  const out: InstanceSettings = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'authHeader') {
      if (AUTH_STYLES.includes(v as AuthStyle)) out.authHeader = v as AuthStyle;
      else problems.push(`${INSTANCES_SETTING}: "${key}".authHeader must be "private-token" or "bearer"; ignored`);
    } else if (name === 'caFile') {
      if (typeof v === 'string' && v.trim()) out.caFile = expandHome(v.trim(), homeDir);
      else problems.push(`${INSTANCES_SETTING}: "${key}".caFile must be the path of a PEM file; ignored`);
    } else if (name === 'allowUntrustedCertificate') {
      if (typeof v === 'boolean') out.allowUntrustedCertificate = v;
      else problems.push(`${INSTANCES_SETTING}: "${key}".allowUntrustedCertificate must be true or false; ignored`);
    } else {
      problems.push(`${INSTANCES_SETTING}: "${key}": unknown property "${name}" (known: authHeader, caFile, allowUntrustedCertificate); ignored`);
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
