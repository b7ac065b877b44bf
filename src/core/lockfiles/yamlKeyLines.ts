/**
 * Lines of the keys of one top-level block mapping in a YAML text, as pnpm writes it
 * (`packages:` then one key per entry, indented): the YAML parser gives values but no
 * positions. One pass over the lines, no regular expression on file content.
 */
import { textLines } from './textLines';

/** Keys of `section`'s mapping → 1-based line; `''` → the line of `section:` itself. */
export function sectionKeyLines(text: string, section: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inSection = false;
  let childIndent = -1;
  for (const [line, lineNo] of textLines(text)) {
    let indent = 0;
    while (indent < line.length && line[indent] === ' ') indent++;
    if (indent === line.length || line[indent] === '#') continue;
    if (indent === 0) {
      if (inSection) break;
      const key = readKey(line, 0);
      if (key?.key === section && line.slice(key.end + 1).trim() === '') {
        inSection = true;
        lines.set('', lineNo);
      }
      continue;
    }
    if (!inSection) continue;
    if (childIndent < 0) childIndent = indent;
    if (indent !== childIndent) continue;
    const key = readKey(line, indent);
    if (key) lines.set(key.key, lineNo);
  }
  return lines;
}

/** The mapping key at `start` and the index of its `:`; undefined when the line holds none. */
function readKey(line: string, start: number): { key: string; end: number } | undefined {
  const q = line[start];
  if (q === "'" || q === '"') {
    let i = start + 1;
    let key = '';
    while (i < line.length) {
      if (q === "'" && line[i] === "'") {
        if (line[i + 1] !== "'") break;
        key += "'";
        i += 2;
      } else if (q === '"' && line[i] === '\\') {
        key += unescapeDouble(line[i + 1]);
        i += 2;
      } else if (q === '"' && line[i] === '"') break;
      else key += line[i++];
    }
    return line[i + 1] === ':' ? { key, end: i + 1 } : undefined;
  }
  // A plain key ends at the first `: ` or at a `:` closing the line (`https://…` inside it is fine).
  for (let i = start; i < line.length; i++) {
    if (line[i] === ':' && (i + 1 === line.length || line[i + 1] === ' ')) return { key: line.slice(start, i), end: i };
  }
  return undefined;
}

function unescapeDouble(c: string | undefined): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case undefined:
      return '';
    default:
      return c;
  }
}
