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
