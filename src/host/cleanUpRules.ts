/** The last clean-up rule used per project or group, remembered per workspace (offered first next time). */
import type * as vscode from 'vscode';
import { parseRule, type CleanUpRule } from '../core/cleanUpRule';
import { refIdentity, type ProjectRef } from '../core/projectRef';

const KEY = 'gitlabPackages.cleanUpRules';

export class CleanUpRuleStore {
  constructor(private readonly state: vscode.Memento) {}

  /** The remembered rule, if one was stored and still reads as a rule. */
  get(ref: ProjectRef): CleanUpRule | undefined {
    const stored = this.all()[refIdentity(ref)];
    if (typeof stored !== 'object' || stored === null) return undefined;
    const parsed = parseRule(stored as Record<string, unknown>);
    return parsed.ok ? parsed.rule : undefined;
  }

  async set(ref: ProjectRef, rule: CleanUpRule): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [refIdentity(ref)]: rule });
  }

  private all(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(KEY) ?? {};
  }
}
