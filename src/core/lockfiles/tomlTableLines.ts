/**
 * Lines of the `[[name]]` headers of a TOML text, in order (the TOML parser keeps the order of an
 * array of tables but gives no positions). One pass that knows TOML's strings, comments and
 * brackets, so a `[[package]]` inside a multi-line string or an array value is not taken for a
 * header.
 */
export function arrayTableLines(text: string, name: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0; // open [ and { of values
  let atLineStart = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      atLineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (atLineStart && depth === 0 && c === '[') {
      const header = readHeader(text, i);
      if (header.arrayOf === name) lines.push(line);
      i = header.end;
      atLineStart = false;
      continue;
    }
    atLineStart = false;
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      // Count within the string only (an indexOf from here could run to the end of the text each time).
      for (let j = i; j < end; j++) if (text.charCodeAt(j) === 10) line++;
      i = end;
    } else {
      if (c === '[' || c === '{') depth++;
      else if ((c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
  }
  return lines;
}

/** A `[table]` or `[[array.of.tables]]` header at `start`: the dotted key of an array of tables, and where the line goes on. */
function readHeader(text: string, start: number): { arrayOf?: string; end: number } {
  const double = text[start + 1] === '[';
  let i = start + (double ? 2 : 1);
  const parts: string[] = [];
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    let part = '';
    if (text[i] === '"' || text[i] === "'") {
      const end = stringEnd(text, i);
      part = text.slice(i + 1, end - 1);
      i = end;
    } else {
      while (i < text.length && /[A-Za-z0-9_-]/.test(text[i])) part += text[i++];
    }
    parts.push(part);
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '.') break;
    i++;
  }
  const closes = double ? text.startsWith(']]', i) : text[i] === ']';
  return { arrayOf: double && closes ? parts.join('.') : undefined, end: closes ? i + (double ? 2 : 1) : i };
}

/** Just past the string opening at `start`: basic, literal, and their multi-line forms; a single-line one ends at the line's end at the latest. */
function stringEnd(text: string, start: number): number {
  const q = text[start];
  const triple = text.startsWith(q + q + q, start);
  if (triple) {
    let i = start + 3;
    for (;;) {
      const close = text.indexOf(q + q + q, i);
      if (close < 0) return text.length;
      if (q === '"' && isEscaped(text, close, start)) {
        i = close + 1;
        continue;
      }
      // Up to two more quotes may belong to the content (`""""` ends with a quote).
      let end = close + 3;
      while (end < text.length && text[end] === q && end < close + 5) end++;
      return end;
    }
  }
  let i = start + 1;
  while (i < text.length && text[i] !== '\n') {
    if (q === '"' && text[i] === '\\') i += 2;
    else if (text[i] === q) return i + 1;
    else i++;
  }
  return i;
}

function isEscaped(text: string, at: number, floor: number): boolean {
  let backslashes = 0;
  for (let j = at - 1; j > floor && text[j] === '\\'; j--) backslashes++;
  return backslashes % 2 === 1;
}
