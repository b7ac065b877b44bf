/**
 * Which GitLab project a git remote points at: https remotes (`https://host[:port]/sub/group/
 * proj.git`), scp-style ssh (`git@host:group/proj.git`) and ssh URLs (`ssh://git@host:2222/
 * group/proj.git`), matched against the instances the user configured. ssh remotes carry no
 * relative URL root, so a sub-path instance (`https://host/gitlab`) is matched by host alone.
 */
import { parseInstanceUrl, type ProjectRef } from './projectRef';

const PATH_RE = /^[\w.-]+(\/[\w.-]+)+$/;

interface RemoteParts {
  /** http(s) remotes: the origin; ssh remotes: undefined. */
  origin?: string;
  hostname: string;
  path: string;
}

function split(remote: string): RemoteParts | undefined {
  const raw = remote.trim();
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(raw);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return { hostname: scp[1].toLowerCase(), path: scp[2] };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol === 'ssh:' || u.protocol === 'git+ssh:') return { hostname: u.hostname.toLowerCase(), path: decodeURIComponent(u.pathname) };
  if (u.protocol === 'https:' || u.protocol === 'http:') return { origin: u.origin, hostname: u.hostname.toLowerCase(), path: decodeURIComponent(u.pathname) };
  return undefined;
}

function clean(path: string): string {
  return path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
}

/** The project a remote names on one of `instanceUrls`, or undefined when it is not theirs. */
export function projectFromRemote(remote: string, instanceUrls: readonly string[]): ProjectRef | undefined {
  const parts = split(remote);
  if (!parts) return undefined;
  const instances = instanceUrls.map(parseInstanceUrl).filter((i): i is { ok: true; url: string; origin: string } => i.ok);
  for (const inst of instances.sort((a, b) => b.url.length - a.url.length)) {
    const instHost = new URL(inst.url).hostname.toLowerCase();
    if (instHost !== parts.hostname) continue;
    let path: string;
    if (parts.origin) {
      if (parts.origin !== inst.origin) continue;
      const root = new URL(inst.url).pathname.replace(/\/+$/, '');
      if (root && !parts.path.startsWith(root + '/')) continue;
      path = clean(parts.path.slice(root.length));
    } else {
      path = clean(parts.path);
    }
    if (!PATH_RE.test(path)) return undefined;
    return { entry: remote, instanceUrl: inst.url, origin: inst.origin, key: path };
  }
  return undefined;
}
