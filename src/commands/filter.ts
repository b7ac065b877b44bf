/** Filter and Sort… (view title: all projects; project row: that project) and Clear Filter. */
import * as vscode from 'vscode';
import type { PackageOrderBy, SortDirection } from '../gitlab/client';
import type { FilterStore } from '../host/filterStore';
import { DEFAULT_SORT, describeFilter, type PackageFilter } from '../core/packageFilter';
import { projectLabel, type ProjectNode } from '../tree/nodes';
import type { CommandDeps, Handler } from './deps';

export interface FilterDeps {
  filters: FilterStore;
  /** Re-reads the filters into the view (description, context key, rows). */
  filtersChanged(): void;
}

const TYPES = ['maven', 'npm', 'pypi', 'nuget', 'generic', 'helm', 'conan', 'composer', 'golang', 'debian', 'rubygems', 'rpm', 'terraform_module', 'ml_model'];
const STATUSES = ['default', 'error', 'deprecated', 'hidden', 'processing', 'pending_destruction'];
const SORTS: { orderBy: PackageOrderBy; sort: SortDirection; label: string }[] = [
  { orderBy: 'created_at', sort: 'desc', label: 'Newest first' },
  { orderBy: 'created_at', sort: 'asc', label: 'Oldest first' },
  { orderBy: 'name', sort: 'asc', label: 'Name A→Z' },
  { orderBy: 'name', sort: 'desc', label: 'Name Z→A' },
  { orderBy: 'version', sort: 'desc', label: 'Version, highest first' },
  { orderBy: 'version', sort: 'asc', label: 'Version, lowest first' },
  { orderBy: 'type', sort: 'asc', label: 'Type A→Z' },
];

type Step = 'apply' | 'name' | 'type' | 'version' | 'status' | 'sort' | 'clear';

export function filterCommand(deps: CommandDeps & FilterDeps): Handler {
  return async (node?: unknown) => {
    const project = (node as ProjectNode | undefined)?.kind === 'project' ? (node as ProjectNode) : undefined;
    const f: PackageFilter = { ...(project ? deps.filters.get(project.ref) : deps.filters.forAll()) };
    const any = vscode.l10n.t('any');
    for (;;) {
      const sort = SORTS.find((s) => s.orderBy === (f.orderBy ?? DEFAULT_SORT.orderBy) && s.sort === (f.sort ?? DEFAULT_SORT.sort));
      const items: (vscode.QuickPickItem & { step: Step })[] = [
        { label: `$(check) ${vscode.l10n.t('Apply')}`, description: describeFilter(f) || vscode.l10n.t('no filter, newest first'), step: 'apply' },
        { label: `$(search) ${vscode.l10n.t('Name contains…')}`, description: f.packageName ?? any, step: 'name' },
        { label: `$(package) ${vscode.l10n.t('Type')}`, description: f.packageType ?? any, step: 'type' },
        { label: `$(versions) ${vscode.l10n.t('Version')}`, description: f.packageVersion ?? any, step: 'version' },
        { label: `$(pulse) ${vscode.l10n.t('Status')}`, description: f.status ?? vscode.l10n.t('default, error, deprecated'), step: 'status' },
        { label: `$(list-ordered) ${vscode.l10n.t('Sort')}`, description: sort?.label, step: 'sort' },
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
        const v = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Part of the package name (empty: any)'), value: f.packageName ?? '' });
        if (v !== undefined) f.packageName = v.trim() || undefined;
      } else if (pick.step === 'version') {
        const v = await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('Exact version (empty: any; needs GitLab 16.6+)'),
          value: f.packageVersion ?? '',
        });
        if (v !== undefined) f.packageVersion = v.trim() || undefined;
      } else if (pick.step === 'type' || pick.step === 'status') {
        const values = pick.step === 'type' ? TYPES : STATUSES;
        const v = await vscode.window.showQuickPick([any, ...values], { title });
        if (v !== undefined) {
          const chosen = v === any ? undefined : v;
          if (pick.step === 'type') f.packageType = chosen;
          else f.status = chosen;
        }
      } else {
        const v = await vscode.window.showQuickPick(SORTS, { title });
        if (v) {
          f.orderBy = v.orderBy;
          f.sort = v.sort;
        }
      }
    }
    await deps.filters.set(project?.ref, f);
    deps.filtersChanged();
  };
}

export function clearFilterCommand(deps: CommandDeps & FilterDeps): Handler {
  return async (node?: unknown) => {
    const project = (node as ProjectNode | undefined)?.kind === 'project' ? (node as ProjectNode) : undefined;
    await deps.filters.clear(project?.ref);
    deps.filtersChanged();
  };
}
