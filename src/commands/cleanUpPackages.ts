/**
 * Clean Up Packages… (project and group rows, the palette) and Clean Up Versions… (a name row of
 * the grouped view): a retention rule (asked, or given as an argument object), one full listing,
 * the preview to trim, one confirmation, then the one delete flow — exactly the confirmed ids,
 * bounded concurrency, Cancel stops sending — one report, one refresh. "Copy Clean-Up Preview"
 * runs the same up to the preview and copies it instead.
 */
import * as vscode from 'vscode';
import { evaluateRule, type Evaluation } from '../core/cleanUpEvaluate';
import { listEveryPackage } from '../core/cleanUpListing';
import { cleanUpScope } from '../core/cleanUpPreview';
import { isRuleArgument, parseRule, type CleanUpRule } from '../core/cleanUpRule';
import { listKey } from '../core/packageOwner';
import { say } from '../host/words';
import { text } from '../util/text';
import { packageDeletion } from '../tree/deletions';
import type { PackageNode } from '../tree/nodes';
import { packageLabel } from '../tree/presentation';
import { confirmCleanUp } from './cleanUpConfirm';
import { pickCandidates, previewText, showPreviewDocument } from './cleanUpPreviewPick';
import { askRule } from './cleanUpRuleSteps';
import { resolveCleanUpTarget, type CleanUpTarget } from './cleanUpTarget';
import { copied } from './copyChecksum';
import { reportDeletion } from './deleteReport';
import type { CommandDeps, Handler } from './deps';
import { readOnlyTokenMessage } from './packagePicker';
import { withCancellableProgress } from './progress';

export function cleanUpPackagesCommand(deps: CommandDeps, mode: 'delete' | 'copy' = 'delete'): Handler {
  return async (...args: unknown[]) => {
    const argument = args.find(isRuleArgument);
    const target = await resolveCleanUpTarget(deps, args, argument, mode === 'delete');
    if (!target) return;
    const { source, label } = target;
    if (mode === 'delete' && !(await deps.health.tokenMayDelete(source.ref.instanceUrl))) {
      readOnlyTokenMessage(source);
      return;
    }
    const rule = await ruleFor(deps, target, argument);
    if (!rule) return;
    const evaluation = await evaluate(deps, target, rule);
    const input = { source: label, rule, evaluation, scope: cleanUpScope(source.kind, target.only) };
    if (mode === 'copy') {
      await copied(previewText(input), vscode.l10n.t('Copied the clean-up preview of {0}: {1} packages to delete', label, evaluation.candidates.length));
      return;
    }
    if (!evaluation.candidates.length) {
      nothingToDo(deps, input);
      return;
    }
    const chosen = await pickCandidates(deps, input);
    if (!chosen) return;
    if (!chosen.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing was deleted: every package was unchecked.'));
      return;
    }
    const requests = chosen.map((v) => {
      const node: PackageNode = { kind: 'package', id: `${source.id}/package:${v.pkg.id}`, parent: source, pkg: v.pkg };
      return { ...packageDeletion(node), label: packageLabel(v.pkg), projectPath: v.pkg.projectPath ?? label };
    });
    deps.log.info(
      `Clean-up of ${label} (${JSON.stringify(rule)}): ${requests.length} packages chosen: ${requests.map((r) => `${r.label} #${r.deletion.packageId}`).join(', ')}`,
    );
    const report = await deps.deletes.run(requests, {
      confirm: (targets, setAside) => confirmCleanUp(label, rule, evaluation.notes, targets, setAside),
      progress: (targets, run) =>
        withCancellableProgress(vscode.l10n.t('Cleaning up {0}: deleting {1} packages…', label, targets.length), (signal, progress) =>
          run((done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }), signal),
        ),
    });
    const refresh = (): void => deps.model.refresh(source);
    if (report.outcomes.length) refresh();
    reportDeletion(report, (n) => vscode.l10n.t('Deleted {0} packages from {1}.', n, label), refresh);
  };
}

/** The argument object's rule (questions skipped), else the questions, remembering the answer. */
async function ruleFor(deps: CommandDeps, target: CleanUpTarget, argument: Record<string, unknown> | undefined): Promise<CleanUpRule | undefined> {
  if (argument) {
    const parsed = parseRule(argument);
    if (parsed.ok) return parsed.rule;
    void vscode.window.showErrorMessage(vscode.l10n.t('The clean-up rule cannot be used: {0}', say(parsed.problem)));
    return undefined;
  }
  // A name row's rule is remembered for that name, apart from the project's or group's.
  const { ref } = target.source;
  const nameKey = target.only?.key;
  const rule = await askRule(target.only ? `${target.label} · ${target.only.name}` : target.label, deps.cleanUpRules.get(ref, nameKey));
  if (rule) await deps.cleanUpRules.set(ref, rule, nameKey);
  return rule;
}

/** One listing of every package (cancellable), then the rule over it. */
async function evaluate(deps: CommandDeps, target: CleanUpTarget, rule: CleanUpRule): Promise<Evaluation> {
  const { source } = target;
  const client = deps.clients.get(source.ref.instanceUrl);
  const listSource = { kind: source.kind, key: listKey(source), includeSubgroups: deps.config().includeSubgroups, packageTypes: rule.packageTypes };
  return withCancellableProgress(vscode.l10n.t('Listing the packages of {0}…', target.label), async (signal, progress) => {
    // The rules are read beside the listing: what a protection rule keeps from this user is kept.
    const refusals = deps.protection.refusalsFor(source);
    let unsure = false;
    const report = (n: number, total: number | undefined): void => progress.report({ message: total ? `${n}/${total}` : `${n}` });
    const packages = await listEveryPackage(client, listSource, signal, report, () => (unsure = true));
    const protectionOf = await refusals;
    const evaluation = evaluateRule(packages, rule, { now: Date.now(), protectionOf, only: target.only });
    if (unsure) evaluation.notes.push(text('Paging headers hidden, the list may be incomplete'));
    const adminNote = await deps.protection.adminModeNote(
      source,
      evaluation.candidates.map((c) => c.pkg),
    );
    if (adminNote) evaluation.notes.push(adminNote);
    return evaluation;
  });
}

function nothingToDo(deps: CommandDeps, input: Parameters<typeof showPreviewDocument>[1]): void {
  const e = input.evaluation;
  const show = vscode.l10n.t('Show Preview');
  const notes = e.notes.map((n) => ' ' + say(n) + '.').join('');
  const text =
    vscode.l10n.t('Nothing to clean up in {0}: the rule selects none of its {1} packages ({2} kept).', input.source, e.listed, e.kept.length) + notes;
  void vscode.window.showInformationMessage(text, show).then((choice) => {
    if (choice === show) void showPreviewDocument(deps, input);
  });
}
