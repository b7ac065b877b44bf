/**
 * Where object keys sit in a JSON text: JSON.parse gives values but no positions, so one linear
 * pass over the text follows the nesting and records the line of each key a caller asks for.
 * Meant for text JSON.parse has accepted; on anything else it still ends, in one pass.
 */

/** Keys deeper than this are not offered to `wanted` (the nesting is still followed). */
const MAX_TRACKED_DEPTH = 256;

/**
 * The lines found, by container and key. A container (an object or array the text opens) is
 * named by a number: `ROOT` for the outermost one, `child(parent, segment)` for one below it
 * (undefined when the text has none there). A key is looked up in O(its length), whatever the
 * depth: a hostile lockfile nesting deep with many keys costs no more than its size.
 */
export interface KeyLines {
  line(container: number | undefined, key: string): number | undefined;
  child(container: number | undefined, segment: string): number | undefined;
  readonly size: number;
}

export const ROOT = 0;

/**
 * Lines of the keys `wanted(parentPath, key)` accepts. A path holds the keys of the enclosing
 * objects (`#` for an array element).
 */
export function jsonKeyLines(text: string, wanted: (parent: readonly string[], key: string) => boolean): KeyLines {
  const lines = new Map<string, number>();
  // `${parent id} ${segment}` → the child container's id; ids are the order containers were met.
  const children = new Map<string, number>();
  const ids: number[] = [ROOT];
  const path: string[] = [];
  /** One per open container: true for an object. */
  const isObject: boolean[] = [];
  let untracked = 0;
  let expectKey = false;
  let pendingKey: string | undefined;
  let line = 1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 34) {
      const end = stringEnd(text, i);
      const inObject = isObject.length > 0 && isObject[isObject.length - 1];
      if (inObject && expectKey) {
        const key = decodeKey(text, i, end);
        pendingKey = key;
        if (untracked === 0 && wanted(path, key)) lines.set(`${ids[ids.length - 1]} ${key}`, line);
      }
      for (let j = i + 1; j < end; j++) if (text.charCodeAt(j) === 10) line++;
      i = end;
    } else if (c === 123 || c === 91) {
      const segment = isObject.length > 0 && isObject[isObject.length - 1] ? (pendingKey ?? '') : '#';
      if (untracked > 0 || isObject.length >= MAX_TRACKED_DEPTH) untracked++;
      else {
        isObject.push(c === 123);
        if (isObject.length > 1) {
          path.push(segment);
          const named = `${ids[ids.length - 1]} ${segment}`;
          let id = children.get(named);
          if (id === undefined) children.set(named, (id = children.size + 1));
          ids.push(id);
        }
      }
      expectKey = c === 123;
      pendingKey = undefined;
      i++;
    } else if (c === 125 || c === 93) {
      if (untracked > 0) untracked--;
      else if (isObject.length > 0) {
        isObject.pop();
        if (isObject.length > 0) {
          path.pop();
          ids.pop();
        }
      }
      expectKey = false;
      i++;
    } else if (c === 44) {
      expectKey = untracked === 0 && isObject.length > 0 && isObject[isObject.length - 1];
      i++;
    } else if (c === 58) {
      expectKey = false;
      i++;
    } else i++;
  }
  return {
    line: (container, key) => (container === undefined ? undefined : lines.get(`${container} ${key}`)),
    child: (container, segment) => (container === undefined ? undefined : children.get(`${container} ${segment}`)),
    size: lines.size,
  };
}

/** Index just past the closing quote of the string opening at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let j = q - 1; j > start && text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (raw.indexOf('\\') < 0) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
