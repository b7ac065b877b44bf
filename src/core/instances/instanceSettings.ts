/**
 * `gitlabPackages.instances`: connection settings per instance origin, validated. Keys are
 * normalised to origins; anything unusable is dropped and named in `problems` for the log.
 */
import type { AuthStyle } from '../../gitlab/types';
import { text, type Text } from '../../util/text';
import { parseInstanceUrl } from '../projects/projectRef';

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
  problems: Text[];
}

const AUTH_STYLES: readonly AuthStyle[] = ['private-token', 'bearer'];

export function parseInstanceSettings(raw: unknown, homeDir: string): ParsedInstances {
  const byOrigin = new Map<string, InstanceSettings>();
  const problems: Text[] = [];
  if (raw === undefined || raw === null) return { byOrigin, problems };
  if (!isPlainObject(raw))
    return {
      byOrigin,
      problems: [text('{0} must be an object keyed by instance origin, e.g. {1}', INSTANCES_SETTING, '{ "https://gitlab.example.com": { … } }')],
    };
  for (const [key, value] of Object.entries(raw)) {
    const parsed = parseInstanceUrl(key);
    if (!parsed.ok) {
      problems.push(text('{0}: ignored "{1}": {2}', INSTANCES_SETTING, key, parsed.reason));
      continue;
    }
    // Tokens and certificates belong to an origin; a path would suggest a finer split than there is.
    if (parsed.url !== parsed.origin) {
      problems.push(text('{0}: ignored "{1}": use the origin only ("{2}")', INSTANCES_SETTING, key, parsed.origin));
      continue;
    }
    if (!isPlainObject(value)) {
      problems.push(text('{0}: ignored "{1}": the value must be an object', INSTANCES_SETTING, key));
      continue;
    }
    const settings = parseOne(key, value, homeDir, problems);
    const earlier = byOrigin.get(parsed.origin);
    if (earlier) problems.push(text('{0}: "{1}" names the same instance as an earlier key; merged, later values win', INSTANCES_SETTING, key));
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
  if (file.startsWith('~/') || file.startsWith('~\\')) return `${homeDir.replace(/[\\/]+$/, '')}/${file.slice(2)}`;
  return file;
}

function parseOne(key: string, value: Record<string, unknown>, homeDir: string, problems: Text[]): InstanceSettings {
  const out: InstanceSettings = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'authHeader') {
      if (AUTH_STYLES.includes(v as AuthStyle)) out.authHeader = v as AuthStyle;
      else problems.push(text('{0}: "{1}".authHeader must be "private-token" or "bearer"; ignored', INSTANCES_SETTING, key));
    } else if (name === 'caFile') {
      if (typeof v === 'string' && v.trim()) out.caFile = expandHome(v.trim(), homeDir);
      else problems.push(text('{0}: "{1}".caFile must be the path of a PEM file; ignored', INSTANCES_SETTING, key));
    } else if (name === 'allowUntrustedCertificate') {
      if (typeof v === 'boolean') out.allowUntrustedCertificate = v;
      else problems.push(text('{0}: "{1}".allowUntrustedCertificate must be true or false; ignored', INSTANCES_SETTING, key));
    } else {
      problems.push(text('{0}: "{1}": unknown property "{2}" (known: authHeader, caFile, allowUntrustedCertificate); ignored', INSTANCES_SETTING, key, name));
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
