/**
 * The last clean-up rule used per project or group — and, apart from it, per package name (a
 * name row's Clean Up Versions…) — remembered per workspace and offered first next time there.
 */
import type * as vscode from 'vscode';
import { parseRule, type CleanUpRule } from '../core/cleanUp/cleanUpRule';
import { refIdentity, type ProjectRef } from '../core/projects/projectRef';

const KEY = 'gitlabPackages.cleanUpRules';

export class CleanUpRuleStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The remembered rule, if one was stored and still reads as a rule; `nameKey`: a name row's own. */
  get(ref: ProjectRef, nameKey?: string): CleanUpRule | undefined {
    const stored = this.all()[storeKey(ref, nameKey)];
    if (typeof stored !== 'object' || stored === null) return undefined;
    const parsed = parseRule(stored as Record<string, unknown>);
    return parsed.ok ? parsed.rule : undefined;
  }

  async set(ref: ProjectRef, rule: CleanUpRule, nameKey?: string): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [storeKey(ref, nameKey)]: rule });
  }

  private all(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(KEY) ?? {};
  }
}

function storeKey(ref: ProjectRef, nameKey: string | undefined): string {
  return nameKey === undefined ? refIdentity(ref) : `${refIdentity(ref)}|name:${nameKey}`;
}
