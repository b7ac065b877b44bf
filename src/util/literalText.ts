/**
 * Server text where VS Code renders markup inside plain strings: shown as typed, never as an
 * icon or a link. Plain splits, no regular expressions.
 */

/** QuickPick labels, descriptions and details draw `$(name)` as an icon; `\$(` shows it as typed. */
export function literalIcons(s: string): string {
  return s.split('$(').join('\\$(');
}

/** Notifications turn `[label](https://…)` and `[label](command:…)` into links; a space after `]` keeps it text. */
export function literalLinks(s: string): string {
  return s.split('](').join('] (');
}
