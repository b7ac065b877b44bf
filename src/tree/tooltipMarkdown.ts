/** A tooltip's facts as Markdown: server text escaped, links only where a fact carries a same-origin one. */
import { escapeMarkdown, markdownLinkTarget } from '../util/markdown';
import { word, type Text } from '../util/text';
import type { Fact } from './packageFacts';
import type { Tooltip } from './presentation';

export function tooltipMarkdown(t: Tooltip, say: (t: Text) => string = (x) => word(x)): string {
  const cell = (f: Fact): string => {
    const value = escapeMarkdown(say(f.value));
    return f.link ? `[${value}](${markdownLinkTarget(f.link)})` : value;
  };
  const parts = [t.title ? `**${escapeMarkdown(t.title)}**` : undefined];
  if (t.facts.length) parts.push(['| | |', '|---|---|', ...t.facts.map((f) => `| ${say(f.label)} | ${cell(f)} |`)].join('\n'));
  if (t.note) parts.push(escapeMarkdown(say(t.note)));
  return parts.filter(Boolean).join('\n\n');
}
