/** `l10n.t` as VS Code formats it without a bundle: `{0}` by position, `{name}` from an object. */
export function l10nT(...params: unknown[]): string {
  const first = params[0];
  let message: string;
  let args: unknown[] | Record<string, unknown>;
  if (typeof first === 'object' && first !== null) {
    const o = first as { message: string; args?: unknown[] | Record<string, unknown> };
    message = o.message;
    args = o.args ?? [];
  } else {
    message = String(first);
    const rest = params.slice(1);
    args = rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null && !Array.isArray(rest[0]) ? (rest[0] as Record<string, unknown>) : rest;
  }
  return message.replace(/\{([^}]+)\}/g, (whole, key: string) => {
    const v = Array.isArray(args) ? args[Number(key)] : args[key];
    return v === undefined ? whole : typeof v === 'string' ? v : JSON.stringify(v);
  });
}
