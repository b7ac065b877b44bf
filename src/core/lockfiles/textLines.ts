/** The lines of a text with their 1-based numbers, without their `\n` or `\r\n`: one linear pass, no regex. */
export function* textLines(text: string): Generator<[line: string, lineNo: number]> {
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    yield [line.endsWith('\r') ? line.slice(0, -1) : line, lineNo];
  }
}
