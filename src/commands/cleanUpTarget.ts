/**
 * What a clean-up acts on: the clicked project or group row, the project of a grouped view's
 * name row (only that name's versions), the argument object's `project` (a path, id or entry as
 * in the settings), or one picked in the palette.
 */
import * as vscode from 'vscode';
import type { SourceNode } from '../tree/nodes';
import { projectLabel } from '../tree/presentation';
import { isNode, type CommandDeps } from './deps';
import { pickWritableSource } from './packagePicker';

export interface CleanUpTarget {
  source: SourceNode;
  /** How the user knows it: the project or group path. */
  label: string;
  /** A name row: only this name's versions. */
  only?: { name: string; packageType: string };
}

export async function resolveCleanUpTarget(
  deps: CommandDeps,
  args: readonly unknown[],
  argument: Record<string, unknown> | undefined,
  toDelete: boolean,
): Promise<CleanUpTarget | undefined> {
  const node = args.find(isNode);
  if (node?.kind === 'project' || node?.kind === 'group') return { source: node, label: projectLabel(node) };
  // The row's key is `type:name` with the name as GitLab has it (the label may be a display name).
  if (node?.kind === 'packageName')
    return {
      source: node.parent,
      label: projectLabel(node.parent),
      only: { name: node.key.slice(node.packageType.length + 1), packageType: node.packageType },
    };
  // `{ project }` alone (the questions then follow) or beside a rule.
  const named = (argument ?? args.find((a): a is { project: unknown } => typeof a === 'object' && a !== null && !isNode(a) && 'project' in a))?.project;
  if (typeof named === 'string' || typeof named === 'number') {
    const wanted = String(named);
    const source = (await deps.model.projects()).find((p) => projectLabel(p) === wanted || p.ref.entry === wanted || String(p.ref.key) === wanted);
    if (!source) void vscode.window.showErrorMessage(vscode.l10n.t('No project or group {0} in the Packages view.', wanted));
    return source && { source, label: projectLabel(source) };
  }
  const placeHolder = toDelete ? vscode.l10n.t('Clean up which project or group?') : vscode.l10n.t('Preview a clean-up of which project or group?');
  const source = await pickWritableSource(deps, placeHolder, true);
  return source && { source, label: projectLabel(source) };
}
