/** Filters and sort per project (or for all projects), remembered per workspace. */
import type * as vscode from 'vscode';
import { refIdentity, type ProjectRef } from '../core/projects/projectRef';
import { describeFilter, isDefault, type PackageFilter } from '../core/browse/packageFilter';
import { joinTexts, text, type Text } from '../util/text';

const KEY = 'gitlabPackages.filters';
const ALL = '*';

export class FilterStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The project's own filter, else the one for all projects. */
  get(ref: ProjectRef): PackageFilter {
    const all = this.all();
    return all[refIdentity(ref)] ?? all[ALL] ?? {};
  }

  forAll(): PackageFilter {
    return this.all()[ALL] ?? {};
  }

  /** Sets the filter of one project, or of all when `ref` is undefined; a default filter clears it. */
  async set(ref: ProjectRef | undefined, filter: PackageFilter): Promise<void> {
    const all = { ...this.all() };
    const key = ref ? refIdentity(ref) : ALL;
    if (isDefault(filter)) delete all[key];
    else all[key] = filter;
    await this.state.update(KEY, all);
  }

  async clear(ref?: ProjectRef): Promise<void> {
    if (ref) await this.set(ref, {});
    else await this.state.update(KEY, {});
  }

  any(): boolean {
    return Object.keys(this.all()).length > 0;
  }

  /** For the view's description. */
  summary(): Text | undefined {
    const all = this.all();
    const perProject = Object.keys(all).filter((k) => k !== ALL).length;
    const count = perProject === 0 ? undefined : perProject === 1 ? text('1 project filter') : text('{0} project filters', perProject);
    return joinTexts([describeFilter(all[ALL] ?? {}), count]);
  }

  private all(): Record<string, PackageFilter> {
    return this.state.get<Record<string, PackageFilter>>(KEY) ?? {};
  }
}
