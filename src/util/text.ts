/**
 * A sentence for the user, not yet put into their language. The pure layers return these;
 * the adapters word them with `vscode.l10n.t(message, ...args)`, so the English `message` is
 * also the key in `l10n/bundle.l10n.json` (a unit test keeps the bundle complete). Write the
 * message as a string literal in the `text(...)` call: that is how the test finds it.
 */
export type TextArg = string | number | Text;

export interface Text {
  readonly message: string;
  readonly args: readonly TextArg[];
  /** Server text or a name: shown as it is, never translated. */
  readonly verbatim?: true;
}

export function text(message: string, ...args: TextArg[]): Text {
  return { message, args };
}

/** Text that is not ours to translate (a package name, a path). */
export function verbatim(value: string): Text {
  return { message: value, args: [], verbatim: true };
}

/** Words a Text with `translate` (the adapters pass vscode.l10n.t), nested Texts first. */
export function word(t: Text, translate: (message: string, ...args: (string | number)[]) => string = english): string {
  if (t.verbatim) return t.message;
  return translate(t.message, ...t.args.map((a) => (typeof a === 'object' ? word(a, translate) : a)));
}

/** The English wording, as vscode.l10n.t gives it without a bundle: `{0}` … replaced by the arguments. */
export function english(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** `a · b · c`, or undefined when there is nothing. */
export function joinTexts(parts: readonly (Text | undefined)[]): Text | undefined {
  const present = parts.filter((p): p is Text => p !== undefined);
  if (!present.length) return undefined;
  return present.slice(1).reduce((all, p) => text('{0} · {1}', all, p), present[0]);
}
