/**
 * A clean-up preview as plain-text lines (for the read-only document and "Copy Clean-Up
 * Preview"): the rule, the counts, then every candidate and every kept package with its reasons.
 * What the user unchecked in the preview is listed as kept, saying so.
 */
import { displayName, versionLabel, type Package } from '../../gitlab/models';
import { plainLine } from '../../util/format';
import { joinTexts, text, verbatim, type Text } from '../../util/text';
import { describeRule, type CleanUpRule } from './cleanUpRule';
import type { Evaluation, JudgedPackage } from './cleanUpEvaluate';

export interface PreviewInput {
  /** The project or group path. */
  source: string;
  rule: CleanUpRule;
  evaluation: Evaluation;
  /** What the rule covers and where a name's versions are ranked, when not simply the project. */
  scope?: Text;
  /** Package ids the user unchecked in the preview. */
  unchecked?: ReadonlySet<number>;
}

/** A name row's versions: its nameKey (what evaluateRule's `only` takes) and how it is shown. */
export interface CleanUpOnly {
  key: string;
  name: string;
  packageType: string;
  /** A group's name row: the project of its versions. */
  projectPath?: string;
}

/** What a clean-up of a project or group (or of one name row in it) covers, in words; nothing for a whole project. */
export function cleanUpScope(kind: 'project' | 'group', only: CleanUpOnly | undefined): Text | undefined {
  if (only?.projectPath !== undefined)
    return text(
      'only {0} ({1}) in {2}: its versions there are ranked by age, apart from the same name in other projects',
      verbatim(plainLine(only.name)),
      verbatim(plainLine(only.packageType)),
      verbatim(plainLine(only.projectPath)),
    );
  if (only) return text('only {0} ({1})', verbatim(plainLine(only.name)), verbatim(plainLine(only.packageType)));
  return kind === 'group' ? text('every project of the group; a name is ranked within its project (the same name in two projects is two names)') : undefined;
}

/** One candidate or kept package on one line: `name version · type [· project] (id) — reasons`. */
export function judgedLine(v: JudgedPackage): Text {
  const p = v.pkg;
  const facts = [versionLabel(p) ?? '-', p.packageType, ...(p.status && p.status !== 'default' ? [p.status] : []), ...(p.projectPath ? [p.projectPath] : [])];
  return text('{0} {1} (id {2}) — {3}', verbatim(plainLine(displayName(p))), verbatim(plainLine(facts.join(' · '))), p.id, reasonsText(v.reasons));
}

/** The reasons a package goes or stays, joined. */
export function reasonsText(reasons: readonly Text[]): Text {
  return joinTexts(reasons) ?? verbatim('');
}

export function previewLines(input: PreviewInput): Text[] {
  const { evaluation: e, unchecked } = input;
  const isUnchecked = (p: Package): boolean => !!unchecked?.has(p.id);
  const candidates = e.candidates.filter((v) => !isUnchecked(v.pkg));
  const kept = [...e.candidates.filter((v) => isUnchecked(v.pkg)).map((v) => ({ pkg: v.pkg, reasons: [text('unchecked in the preview')] })), ...e.kept];
  const lines: Text[] = [
    text('Clean-up preview: {0}', verbatim(input.source)),
    text('Rule: {0}', describeRule(input.rule, e.applied)),
    ...(input.scope ? [text('Scope: {0}', input.scope)] : []),
    text('{0} of {1} packages to delete ({2} covered by the rule, {3} kept)', candidates.length, e.listed, e.inScope, kept.length),
    ...e.notes.map((n) => text('Note: {0}', n)),
    verbatim(''),
    text('To delete ({0})', candidates.length),
    ...candidates.map((v) => text('  {0}', judgedLine(v))),
    verbatim(''),
    text('Kept ({0})', kept.length),
    ...kept.map((v) => text('  {0}', judgedLine(v))),
  ];
  return lines;
}
