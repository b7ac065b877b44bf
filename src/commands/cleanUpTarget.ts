/**
 * What a clean-up acts on: the clicked project or group row, the project or group of a grouped
 * view's name row (only that name's versions: in a group, in one project), the argument object's
 * `project` (a path or entry as in the settings, or a project's numeric id — never a group's), or
 * one picked in the palette.
 */
import * as vscode from 'vscode';
import type { CleanUpOnly } from '../core/cleanUpPreview';
import type { SourceNode } from '../tree/nodes';
import { projectLabel } from '../tree/presentation';
import { isNode, type CommandDeps } from './deps';
import { pickWritableSource } from './packagePicker';

export interface CleanUpTarget {
  source: SourceNode;
  /** How the user knows it: the project or group path. */
  label: string;
  /** A name row: only this name's versions. */
  only?: CleanUpOnly;
}

export async function resolveCleanUpTarget(
  deps: CommandDeps,
  args: readonly unknown[],
  argument: Record<string, unknown> | undefined,
  toDelete: boolean,
): Promise<CleanUpTarget | undefined> {
  const node = args.find(isNode);
  if (node?.kind === 'project' || node?.kind === 'group') return { source: node, label: projectLabel(node) };
  if (node?.kind === 'packageName')
    return {
      source: node.parent,
      label: projectLabel(node.parent),
      only: { key: node.key, name: node.name, packageType: node.packageType, projectPath: node.projectPath },
    };
  // `{ project }` alone (the questions then follow) or beside a rule.
  const named = (argument ?? args.find((a): a is { project: unknown } => typeof a === 'object' && a !== null && !isNode(a) && 'project' in a))?.project;
  if (typeof named === 'string' || typeof named === 'number') {
    const wanted = String(named).trim();
    const source = (await deps.model.projects()).find((p) => names(p, wanted));
    if (!source)
      void vscode.window.showErrorMessage(
        /^\d+$/.test(wanted)
          ? vscode.l10n.t('No project {0} in the Packages view (a number names a project; name a group by its path).', wanted)
          : vscode.l10n.t('No project or group {0} in the Packages view.', wanted),
      );
    return source && { source, label: projectLabel(source) };
  }
  const placeHolder = toDelete ? vscode.l10n.t('Clean up which project or group?') : vscode.l10n.t('Preview a clean-up of which project or group?');
  const source = await pickWritableSource(deps, placeHolder, true);
  return source && { source, label: projectLabel(source) };
}

/** Whether `wanted` names this row: its path or settings entry; a number is a project's id (GitLab's group ids are another series). */
function names(source: SourceNode, wanted: string): boolean {
  if (/^\d+$/.test(wanted)) return source.kind === 'project' && (String(source.ref.key) === wanted || String(source.project?.id) === wanted);
  return projectLabel(source) === wanted || source.ref.entry === wanted;
}
