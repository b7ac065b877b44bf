/** Escaping for server text placed in (untrusted) Markdown tooltips. */

/** Makes text render literally in Markdown: no emphasis, links, HTML or code spans. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (c) => {
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === '&') return '&amp;';
    return '\\' + c;
  });
}

/**
 * A URL as a Markdown link target, in a table cell: every character that could end the target
 * or the cell, or start a title, is percent-encoded. (`encodeURIComponent` leaves `(`, `)` and
 * `'` as they are, and WHATWG URLs keep `(`, `)`, `[`, `]` and `|` in paths.)
 */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[()[\]<>|\\\s`"']/g, (c) => {
    const encoded = encodeURIComponent(c);
    return encoded !== c ? encoded : '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
