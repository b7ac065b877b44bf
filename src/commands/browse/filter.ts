/** Filter and Sort… (view title: all projects; project row: that project) and Clear Filter. */
import * as vscode from 'vscode';
import type { PackageOrderBy, SortDirection } from '../../gitlab/client';
import { DEFAULT_SORT, describeFilter, type PackageFilter } from '../../core/browse/packageFilter';
import { PACKAGE_STATUSES } from '../../core/browse/packageStatus';
import { PACKAGE_TYPES } from '../../core/browse/packageTypes';
import { say } from '../../host/l10n';
import { text, type Text } from '../../util/text';
import { projectLabel } from '../../tree/presentation';
import type { CommandDeps, Handler } from '../shared/deps';
import { isNode } from '../shared/targets';
import { filtersChanged } from './filtersChanged';

const SORTS: { orderBy: PackageOrderBy; sort: SortDirection; label: Text }[] = [
  { orderBy: 'created_at', sort: 'desc', label: text('Newest first') },
  { orderBy: 'created_at', sort: 'asc', label: text('Oldest first') },
  { orderBy: 'name', sort: 'asc', label: text('Name A→Z') },
  { orderBy: 'name', sort: 'desc', label: text('Name Z→A') },
  // GitLab compares versions as text and types by its own order (app/models/packages/package.rb), so the labels say so.
  { orderBy: 'version', sort: 'desc', label: text('Version as text, Z→A (1.9 above 1.10)') },
  { orderBy: 'version', sort: 'asc', label: text('Version as text, A→Z (1.10 above 1.9)') },
  { orderBy: 'type', sort: 'asc', label: text("Type, in GitLab's order (maven, npm, conan, …)") },
];

type Step = 'apply' | 'name' | 'type' | 'version' | 'status' | 'sort' | 'clear';

export function filterCommand(deps: CommandDeps): Handler {
  return async (node?: unknown) => {
    const project = isNode(node) && (node.kind === 'project' || node.kind === 'group') ? node : undefined;
    const f: PackageFilter = { ...(project ? deps.filters.get(project.ref) : deps.filters.forAll()) };
    const any = vscode.l10n.t('any');
    for (;;) {
      const sort = SORTS.find((s) => s.orderBy === (f.orderBy ?? DEFAULT_SORT.orderBy) && s.sort === (f.sort ?? DEFAULT_SORT.sort));
      const items: (vscode.QuickPickItem & { step: Step })[] = [
        { label: `$(check) ${vscode.l10n.t('Apply')}`, description: say(describeFilter(f) ?? text('no filter, newest first')), step: 'apply' },
        { label: `$(search) ${vscode.l10n.t('Name contains…')}`, description: f.packageName ?? any, step: 'name' },
        { label: `$(package) ${vscode.l10n.t('Type')}`, description: f.packageType ?? any, step: 'type' },
        { label: `$(versions) ${vscode.l10n.t('Version')}`, description: f.packageVersion ?? any, step: 'version' },
        { label: `$(pulse) ${vscode.l10n.t('Status')}`, description: f.status ?? vscode.l10n.t('default, error, deprecated'), step: 'status' },
        { label: `$(list-ordered) ${vscode.l10n.t('Sort')}`, description: sort ? say(sort.label) : undefined, step: 'sort' },
        { label: `$(clear-all) ${vscode.l10n.t('Clear filter and sort')}`, step: 'clear' },
      ];
      const title = vscode.l10n.t('Filter and Sort: {0}', project ? projectLabel(project) : vscode.l10n.t('all projects'));
      const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose what to change, then Apply') });
      if (!pick) return;
      if (pick.step === 'apply') break;
      if (pick.step === 'clear') {
        for (const k of Object.keys(f) as (keyof PackageFilter)[]) delete f[k];
        break;
      }
      if (pick.step === 'name') {
        const v = await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('Words in the package name, each anywhere in it, any case; "quoted words" together (empty: any)'),
          value: f.packageName ?? '',
        });
        if (v !== undefined) f.packageName = v.trim() || undefined;
      } else if (pick.step === 'version') {
        const v = await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('Exact version (empty: any; needs GitLab 16.6+)'),
          value: f.packageVersion ?? '',
        });
        if (v !== undefined) f.packageVersion = v.trim() || undefined;
      } else if (pick.step === 'type' || pick.step === 'status') {
        const values = pick.step === 'type' ? PACKAGE_TYPES : PACKAGE_STATUSES;
        const v = await vscode.window.showQuickPick([any, ...values], { title });
        if (v !== undefined) {
          const chosen = v === any ? undefined : v;
          if (pick.step === 'type') f.packageType = chosen;
          else f.status = chosen;
        }
      } else {
        const v = await vscode.window.showQuickPick(
          SORTS.map((o) => ({ ...o, label: say(o.label) })),
          { title },
        );
        if (v) {
          f.orderBy = v.orderBy;
          f.sort = v.sort;
        }
      }
    }
    await deps.filters.set(project?.ref, f);
    filtersChanged(deps);
  };
}
