/** GitLab's `Link` header: the query parameters of the `rel="next"` address (offset and keyset paging both put their next position there). */

/** Parameter `name` of the `rel="next"` URL, or undefined when there is no such link. */
export function nextLinkParam(link: string | null, name: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!m || !/rel="?next"?/.test(m[2])) continue;
    try {
      return new URL(m[1], 'http://x').searchParams.get(name) ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
