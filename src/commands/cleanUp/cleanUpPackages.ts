/**
 * Clean Up Packages… (project and group rows, the palette) and Clean Up Versions… (a name row of
 * the grouped view): a retention rule (asked, or given as an argument object), one full listing,
 * the preview to trim, one confirmation, the workspace's lockfiles read again (what one now uses
 * stays), then the one delete flow — exactly the confirmed ids, bounded concurrency, Cancel stops
 * sending — one report, one refresh. "Copy Clean-Up Preview"
 * runs the same up to the preview and copies it instead.
 */
import * as vscode from 'vscode';
import { cleanUpDeletions } from '../../core/cleanUp/cleanUpDeletions';
import { evaluateRule, type Evaluation } from '../../core/cleanUp/cleanUpEvaluate';
import { listEveryPackage, listingTypes, type ListingProgress } from '../../core/cleanUp/cleanUpListing';
import { cleanUpScope } from '../../core/cleanUp/cleanUpPreview';
import { isRuleArgument, parseRule, type CleanUpRule } from '../../core/cleanUp/cleanUpRule';
import { listKey } from '../../core/browse/packageOwner';
import { typesOn } from '../../core/browse/packageTypes';
import { ruleStanding } from '../../core/protection/protectionRules';
import type { Package } from '../../gitlab/models';
import { say } from '../../host/l10n';
import { packageLabel } from '../../tree/presentation';
import { confirmCleanUp } from './cleanUpConfirm';
import { pickCandidates, previewText, showPreviewDocument } from './cleanUpPreviewPick';
import { askCleanUpRule } from './cleanUpRuleSteps';
import { resolveCleanUpTarget, type CleanUpTarget } from './cleanUpTarget';
import { copied } from '../shared/clipboard';
import { reportDeletion } from '../shared/deleteReport';
import type { CommandDeps, Handler } from '../shared/deps';
import { readOnlyTokenMessage } from '../shared/readOnlyToken';
import { withCancellableProgress, withCountedProgress } from '../shared/progress';
import { registryChanged } from '../shared/registryChanged';

export function cleanUpPackagesCommand(deps: CommandDeps, mode: 'delete' | 'copy' = 'delete'): Handler {
  return async (...args: unknown[]) => {
    const argument = args.find(isRuleArgument);
    const target = await resolveCleanUpTarget(deps, args, argument, mode === 'delete');
    if (!target) return;
    const { source, label, where } = target;
    // The one delete flow looks at the token now: a read-only one is told before any question (its run looks again).
    const deletes = mode === 'delete' ? await deps.deletes.begin(source.ref.instanceUrl) : undefined;
    if (mode === 'delete' && !deletes) {
      readOnlyTokenMessage(source);
      return;
    }
    const rule = await ruleFor(deps, target, argument);
    if (!rule) return;
    const evaluation = await evaluate(deps, target, rule);
    const input = { source: label, rule, evaluation, scope: cleanUpScope(source.kind, target.only) };
    // Copy Clean-Up Preview: no delete flow.
    if (!deletes) {
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
    const requests = cleanUpDeletions(source, chosen).map((r) => ({ ...r, label: packageLabel(r.pkg), projectPath: r.pkg.projectPath ?? label }));
    deps.log.info(
      `Clean-up of ${where} (${JSON.stringify(rule)}): ${requests.length} packages chosen: ${requests.map((r) => `${r.label} #${r.deletion.packageId}`).join(', ')}`,
    );
    const report = await deletes.run(requests, {
      confirm: async (targets, setAside) =>
        (await confirmCleanUp({ where, typed: target.only?.projectPath ?? label }, rule, evaluation, targets, setAside)) &&
        stillUnused(deps, target, evaluation.listing, targets),
      progress: (targets, run) => withCountedProgress(vscode.l10n.t('Cleaning up {0}: deleting {1} packages…', where, targets.length), run),
    });
    const refresh = (): void => registryChanged(deps, source);
    if (report.outcomes.length) refresh();
    reportDeletion(
      report,
      (n) => vscode.l10n.t('Deleted {0} packages from {1}.', n, where),
      refresh,
      (kept) => vscode.l10n.t('Kept since the preview (a workspace lockfile changed and may use them): {0}.', kept),
    );
  };
}

/**
 * The lockfiles read again once the clean-up is confirmed, as a delete reads them after its first
 * answer: one changed while the preview was open keeps what it now uses (true: none).
 */
async function stillUnused<T extends { pkg: Package }>(
  deps: CommandDeps,
  target: CleanUpTarget,
  listing: readonly Package[],
  targets: T[],
): Promise<true | T[]> {
  const guard = deps.config().lockfiles.guardDeletes && (await deps.lockfileGuard());
  if (!guard) return true;
  const keeper = guard.keeper(target.source, listing);
  const free = targets.filter((t) => !keeper.keeps(t.pkg));
  return free.length === targets.length || free;
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
  // A group's name rows are named with their project: the same name in two projects has two rules.
  const title = [target.label, target.only?.projectPath, target.only?.name].filter((p) => p !== undefined).join(' · ');
  const types = typesOn(await deps.facts.version(ref.instanceUrl));
  const rule = await askCleanUpRule(title, deps.cleanUpRules.get(ref, nameKey), types);
  if (rule) await deps.cleanUpRules.set(ref, rule, nameKey);
  return rule;
}

/** One listing of every package (cancellable), then the rule over it; the listing is kept for the lockfiles' second look. */
async function evaluate(deps: CommandDeps, target: CleanUpTarget, rule: CleanUpRule): Promise<Evaluation & { listing: Package[] }> {
  const { source } = target;
  const client = deps.clients.get(source.ref.instanceUrl);
  const listSource = {
    kind: source.kind,
    key: listKey(source),
    includeSubgroups: deps.config().includeSubgroups,
    packageTypes: listingTypes(rule.packageTypes, target.only?.packageType),
  };
  return withCancellableProgress(vscode.l10n.t('Listing the packages of {0}…', target.label), async (signal, progress) => {
    // Read beside the listing: the rules (a group's list reads none), for what a protection rule keeps from this user,
    // and the workspace's lockfiles, for the versions they resolve to.
    const [listing, protection, guard] = await Promise.all([
      listEveryPackage(client, listSource, signal, (p) => progress.report({ message: progressText(p) })),
      deps.protection.read(source),
      deps.config().lockfiles.guardDeletes ? deps.lockfileGuard() : undefined,
    ]);
    const keeper = guard?.keeper(source, listing.packages);
    const evaluation = evaluateRule(listing.packages, rule, {
      now: Date.now(),
      standing: (pkg) => ruleStanding(protection, pkg),
      only: target.only,
      inUse: keeper?.keeps,
    });
    const unread = keeper?.notes(evaluation.kept.map((k) => k.pkg)) ?? [];
    return { ...evaluation, notes: [...listing.notes, ...evaluation.notes, ...unread], listing: listing.packages };
  });
}

/** `105/110`; with two listings (the default one and terraform modules) each is counted apart: `list 2 of 2: 3/5`. */
function progressText(p: ListingProgress): string {
  const counts = p.total ? `${p.listed}/${p.total}` : `${p.listed}`;
  return p.parts > 1 ? vscode.l10n.t('list {0} of {1}: {2}', p.part, p.parts, counts) : counts;
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
