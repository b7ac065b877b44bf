/** URL helpers for text from lockfiles: nothing here throws, and credentials never leave. */

/** Longer than any real package URL: a hostile value is not parsed at all. */
const MAX_URL = 8 * 1024;

/** An http(s) URL, or undefined for anything else (relative, other schemes, unparsable, too long). */
export function parseHttpUrl(raw: string): URL | undefined {
  if (raw.length > MAX_URL) return undefined;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
}

/** The URL without user name, password or fragment (pip index URLs often carry a token). */
export function withoutCredentials(raw: string): string {
  const u = parseHttpUrl(raw);
  if (!u) return raw.includes('@') ? '' : raw;
  u.username = '';
  u.password = '';
  u.hash = '';
  return u.toString();
}

/** A path's segments, percent-decoded; undefined when one does not decode or holds a control character. */
export function decodedSegments(pathname: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32 || s.charCodeAt(i) === 127) return undefined;
    out.push(s);
  }
  return out;
}

/** The last path segment of a URL, decoded (a file name); undefined when there is none. */
export function lastUrlSegment(raw: string): string | undefined {
  const u = parseHttpUrl(raw);
  const segments = u && decodedSegments(u.pathname);
  const last = segments?.[segments.length - 1];
  return last || undefined;
}
