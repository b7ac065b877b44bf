/** The benchmark scripts' command line: `--name value` numbers, bare flags and `--only` groups. */
export const args = process.argv.slice(2);

export function opt(name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}

/** `--only a,b`: which of the `known` groups of rows to run (every one without the flag). */
export function onlyGroups<G extends string>(known: readonly G[]): (group: G) => boolean {
  const i = args.indexOf('--only');
  if (i < 0) return () => true;
  const wanted = (args[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !(known as readonly string[]).includes(w));
  if (!wanted.length || unknown.length)
    throw new Error(`--only takes a comma-separated list of: ${known.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  return (group) => wanted.includes(group);
}
