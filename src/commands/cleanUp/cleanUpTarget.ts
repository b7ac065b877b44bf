/**
 * What a clean-up acts on: the clicked project or group row, the project or group of a grouped
 * view's name row (only that name's versions: in a group, in one project), the argument object's
 * `project` (a path or entry as in the settings, or a project's numeric id — never a group's), or
 * one picked in the palette.
 */
import * as vscode from 'vscode';
import type { CleanUpOnly } from '../../core/cleanUp/cleanUpPreview';
import { undeletableStatus } from '../../core/cleanUp/cleanUpRule';
import { isUndeletable } from '../../core/browse/packageStatus';
import { say } from '../../host/l10n';
import type { NameNode, SourceNode } from '../../tree/nodes';
import { projectLabel } from '../../tree/presentation';
import type { CommandDeps } from '../shared/deps';
import { isNode } from '../shared/targets';
import { pickWritableSource } from '../shared/sourcePicker';

export interface CleanUpTarget {
  source: SourceNode;
  /** How the user knows it: the project or group path. */
  label: string;
  /** How the confirmation and the report name what is cleaned up: the label, or a group's name row's project in the group. */
  where: string;
  /** A name row: only this name's versions. */
  only?: CleanUpOnly;
}

/** A number: GitLab reads an all-digit `:id` as an id, never as a path. */
const DIGITS = /^\d+$/;

export async function resolveCleanUpTarget(
  deps: CommandDeps,
  args: readonly unknown[],
  argument: Record<string, unknown> | undefined,
  toDelete: boolean,
): Promise<CleanUpTarget | undefined> {
  const node = args.find(isNode);
  if (node?.kind === 'project' || node?.kind === 'group') return whole(node);
  if (node?.kind === 'packageName') return nameRow(node);
  // `{ project }` alone (the questions then follow) or beside a rule.
  const named = (argument ?? args.find((a): a is { project: unknown } => typeof a === 'object' && a !== null && !isNode(a) && 'project' in a))?.project;
  if (typeof named === 'string' || typeof named === 'number') {
    const wanted = String(named).trim();
    const sources = await deps.model.projects();
    const source = sources.find((p) => names(p, wanted));
    if (!source) void vscode.window.showErrorMessage(notFound(sources, wanted));
    return source && whole(source);
  }
  const placeHolder = toDelete ? vscode.l10n.t('Clean up which project or group?') : vscode.l10n.t('Preview a clean-up of which project or group?');
  const source = await pickWritableSource(deps, placeHolder, true);
  return source && whole(source);
}

function whole(source: SourceNode): CleanUpTarget {
  const label = projectLabel(source);
  return { source, label, where: label };
}

/** A name row's versions; none for a row of hidden or processing packages, which GitLab neither lists by default nor deletes. */
function nameRow(node: NameNode): CleanUpTarget | undefined {
  if (isUndeletable(node.status)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be cleaned up: {1}', node.name, say(undeletableStatus(node.status))));
    return undefined;
  }
  const label = projectLabel(node.parent);
  return {
    source: node.parent,
    label,
    where: node.projectPath === undefined ? label : vscode.l10n.t('{0} in {1}', node.projectPath, label),
    only: { key: node.key, name: node.name, packageType: node.packageType, projectPath: node.projectPath },
  };
}

/** Whether `wanted` names this row: its path or settings entry; a number is a project's id (GitLab's group ids are another series). */
function names(source: SourceNode, wanted: string): boolean {
  if (DIGITS.test(wanted)) return source.kind === 'project' && (String(source.ref.key) === wanted || String(source.project?.id) === wanted);
  return projectLabel(source) === wanted || source.ref.entry === wanted;
}

/** Why nothing was found, truthfully: a number is only ever a project id, and the ids of projects not read are unknown. */
function notFound(sources: readonly SourceNode[], wanted: string): string {
  if (!DIGITS.test(wanted)) return vscode.l10n.t('No project or group {0} in the Packages view.', wanted);
  const unread = sources.filter((s) => s.kind === 'project' && !s.project && typeof s.ref.key === 'string').length;
  // GitLab reads an all-digit path as an id too: a group whose path is all digits is cleaned up from its row.
  const message = vscode.l10n.t('No project with id {0} in the Packages view (a number is a project id; clean up a group from its row).', wanted);
  return unread ? `${message} ${vscode.l10n.t('Projects not read, their ids unknown: {0}.', unread)}` : message;
}
