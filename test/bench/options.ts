/** The benchmark scripts' command line: `--name value` numbers and bare flags. */
export const args = process.argv.slice(2);

export function opt(name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}
