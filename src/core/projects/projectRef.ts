/**
 * Turns a `gitlabPackages.projects` entry — `group/sub/project`, a numeric id or a full
 * project URL — into the instance it lives on and the key the API accepts.
 */
import type { ProjectKey } from '../../gitlab/types';
import { text, type Text } from '../../util/text';

export interface ProjectRef {
  /** The entry exactly as the user wrote it (used to remove it again). */
  entry: string;
  /** Instance root without trailing slash, e.g. `https://gitlab.example.com/gitlab`. */
  instanceUrl: string;
  /** `https://host[:port]`: the token's key. */
  origin: string;
  key: ProjectKey;
}

/** One string per project on one instance: how refs are compared and stored. */
export function refIdentity(ref: Pick<ProjectRef, 'origin' | 'key'>): string {
  return `${ref.origin}|${String(ref.key)}`;
}

export type ParsedEntry = { ok: true; ref: ProjectRef } | { ok: false; entry: string; reason: Text };

/** Normalises an instance URL, or explains what is wrong with it. */
export function parseInstanceUrl(raw: string): { ok: true; url: string; origin: string } | { ok: false; reason: Text } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, reason: text('"{0}" is not a URL (expected e.g. https://gitlab.example.com)', raw) };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: text('"{0}" must start with https://', raw) };
  if (u.username || u.password)
    return { ok: false, reason: text('The instance URL must not contain a user name or password; set the token with "Set Access Token…"') };
  if (u.search || u.hash) return { ok: false, reason: text('"{0}" must not contain ? or #', raw) };
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: u.origin + path, origin: u.origin };
}

const PATH_RE = /^[\w.-]+(\/[\w.-]+)+$/;
/** Groups may be top-level: one segment is enough. */
const GROUP_PATH_RE = /^[\w.-]+(\/[\w.-]+)*$/;

/** Like a project entry, but a top-level group path (`acme`) is fine too. */
export function parseGroupEntry(entry: string, defaultInstanceUrl: string, knownInstanceUrls: readonly string[] = []): ParsedEntry {
  return parseEntry(entry, defaultInstanceUrl, knownInstanceUrls, GROUP_PATH_RE, 'group');
}

export function parseProjectEntry(entry: string, defaultInstanceUrl: string, knownInstanceUrls: readonly string[] = []): ParsedEntry {
  return parseEntry(entry, defaultInstanceUrl, knownInstanceUrls, PATH_RE, 'project');
}

function parseEntry(entry: string, defaultInstanceUrl: string, knownInstanceUrls: readonly string[], pathRe: RegExp, what: 'project' | 'group'): ParsedEntry {
  const raw = entry.trim();
  if (!raw) return { ok: false, entry, reason: what === 'project' ? text('Empty project entry') : text('Empty group entry') };

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return fromUrl(entry, raw, knownInstanceUrls, pathRe, what);

  const instance = parseInstanceUrl(defaultInstanceUrl);
  if (!instance.ok) return { ok: false, entry, reason: text('Bad gitlabPackages.instanceUrl: {0}', instance.reason) };
  if (/^\d+$/.test(raw)) return { ok: true, ref: { entry, instanceUrl: instance.url, origin: instance.origin, key: Number(raw) } };
  const path = raw.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (!pathRe.test(path)) {
    return {
      ok: false,
      entry,
      reason:
        what === 'project'
          ? text('"{0}" is not a project path (group/project), a numeric id or a project URL', raw)
          : text('"{0}" is not a group path, a numeric id or a group URL', raw),
    };
  }
  return { ok: true, ref: { entry, instanceUrl: instance.url, origin: instance.origin, key: path } };
}

function fromUrl(entry: string, raw: string, knownInstanceUrls: readonly string[], pathRe: RegExp, what: 'project' | 'group'): ParsedEntry {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, entry, reason: text('"{0}" is not a valid URL', raw) };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, entry, reason: text('"{0}" must be an https:// URL', raw) };
  if (u.username || u.password) return { ok: false, entry, reason: text('Project URLs must not contain credentials') };
  // The longest known instance that prefixes the URL owns it (sub-path installs); else the origin.
  const known = knownInstanceUrls
    .map((k) => parseInstanceUrl(k))
    .filter((k): k is { ok: true; url: string; origin: string } => k.ok && k.origin === u.origin)
    .sort((a, b) => b.url.length - a.url.length)
    .find((k) => (u.origin + u.pathname).startsWith(k.url + '/'));
  const instanceUrl = known?.url ?? u.origin;
  let path = decodeURIComponent((u.origin + u.pathname).slice(instanceUrl.length));
  path = path
    .replace(/\/-\/.*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .replace(/^groups\//, '');
  if (/^\d+$/.test(path)) return { ok: true, ref: { entry, instanceUrl, origin: u.origin, key: Number(path) } };
  if (!pathRe.test(path))
    return {
      ok: false,
      entry,
      reason:
        what === 'project'
          ? text('"{0}" does not name a project (expected https://host/group/project)', raw)
          : text('"{0}" does not name a group (expected https://host/group)', raw),
    };
  return { ok: true, ref: { entry, instanceUrl, origin: u.origin, key: path } };
}
