/** Server-sent addresses are trusted only on the instance's own origin, over http(s). */

/** `url` (absolute, or a path on the instance) when it is an http(s) address on the instance's origin; else undefined. */
export function sameOriginUrl(url: string | undefined, instanceUrl: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, instanceUrl);
    return u.origin === new URL(instanceUrl).origin && /^https?:$/.test(u.protocol) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
