/**
 * Reveal in Packages View: from a lockfile entry (its diagnostics and hovers) to the package's row.
 * Shows the view, finds the row (tree/packageLocator.ts) and reveals it selected, focused and
 * expanded. When it cannot, one message says why, with the action that helps: Set Access Token…,
 * Add Project… (pre-filled) or Clear Filter — each of which reveals it afterwards. Only an
 * instance in the settings is ever asked: the argument may come from a lockfile's URL.
 */
import * as vscode from 'vscode';
import { COMMANDS, VIEW_ID } from '../../constants';
import { instanceUrls } from '../../core/config';
import { parseRevealTarget, type RevealPackageTarget } from '../../core/browse/revealTarget';
import { matches } from '../../core/browse/packageFilter';
import { parseInstanceUrl } from '../../core/projects/projectRef';
import { PackageLocator, type Placement } from '../../tree/packageLocator';
import { projectLabel } from '../../tree/presentation';
import type { SourceNode } from '../../tree/nodes';
import type { Package } from '../../gitlab/models';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCancellableProgress } from '../shared/progress';
import { filtersChanged } from './filtersChanged';
import { withThousands } from '../../util/format';

export function revealPackageCommand(deps: CommandDeps): Handler {
  return async (arg?: unknown): Promise<void> => {
    const target = parseRevealTarget(arg);
    if (!target) return void vscode.window.showWarningMessage(vscode.l10n.t('Reveal in Packages View needs a package version to reveal.'));
    const what = `${target.name} ${target.version}`;
    const instance = parseInstanceUrl(target.instanceUrl);
    if (!instance.ok || !instanceUrls(deps.config()).includes(instance.url))
      return void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} is on {1}, which is not a GitLab instance in your settings.', what, target.instanceUrl),
      );
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    const engine = await deps.lockfiles();
    const locator = new PackageLocator({
      model: deps.model,
      clientFor: (url) => deps.clients.get(url),
      hasToken: (origin) => deps.tokens.has(origin),
      filterFor: (ref) => deps.filters.get(ref),
      includeSubgroups: () => deps.config().includeSubgroups,
      findVersion: engine.findVersion,
    });
    const placement = await withCancellableProgress(vscode.l10n.t('Finding {0} in the Packages view…', what), (signal) =>
      locator.locate(target, instance, signal),
    );
    const again = (): void => void vscode.commands.executeCommand(COMMANDS.revealPackage, target);
    if (placement.kind === 'row') return void (await deps.treeView.reveal(placement.node, { select: true, focus: true, expand: true }));
    if (placement.kind === 'noToken') {
      const setToken = vscode.l10n.t('Set Access Token…');
      const text = vscode.l10n.t('{0} cannot be looked up: there is no access token for {1}.', what, new URL(instance.origin).host);
      return void vscode.window.showWarningMessage(text, setToken).then(async (choice) => {
        if (choice !== setToken) return;
        await vscode.commands.executeCommand(COMMANDS.setToken, instance.url);
        if (await deps.tokens.has(instance.origin)) again();
      });
    }
    if (placement.kind === 'notInView') {
      const add = vscode.l10n.t('Add Project…');
      const entries = deps.config().projectEntries.length;
      const text = vscode.l10n.t('{0} is in {1}, which is not in the Packages view.', what, placement.project);
      return void vscode.window.showInformationMessage(text, add).then(async (choice) => {
        if (choice !== add) return;
        await vscode.commands.executeCommand(COMMANDS.addProject, projectEntry(placement.project, instance.url, deps));
        if (deps.config().projectEntries.length > entries) again();
      });
    }
    if (placement.kind === 'filtered') {
      const clear = vscode.l10n.t('Clear Filter');
      const text = vscode.l10n.t('{0} is hidden by the filter on {1}.', what, projectLabel(placement.source));
      return void vscode.window.showInformationMessage(text, clear).then(async (choice) => {
        if (choice !== clear) return;
        await clearFilterHiding(deps, placement.source, placement.pkg);
        again();
      });
    }
    void vscode.window.showInformationMessage(unplacedText(placement, what, target));
  };
}

/** The source's own filter; when the one for all projects hides it too, that one as well. */
async function clearFilterHiding(deps: CommandDeps, source: SourceNode, pkg: Package): Promise<void> {
  await deps.filters.clear(source.ref);
  if (!matches(pkg, deps.filters.get(source.ref))) await deps.filters.clear();
  filtersChanged(deps);
}

/** What Add Project… is pre-filled with: the path or id on the default instance, else a URL naming the instance. */
function projectEntry(project: string, instanceUrl: string, deps: CommandDeps): string {
  const def = parseInstanceUrl(deps.config().instanceUrl);
  return def.ok && def.url === instanceUrl ? project : `${instanceUrl}/${project}`;
}

type Unplaced = Exclude<Placement, { kind: 'row' | 'noToken' | 'notInView' | 'filtered' }>;

function unplacedText(p: Unplaced, what: string, t: RevealPackageTarget): string {
  const owner = String(t.project ?? t.group);
  switch (p.kind) {
    case 'ownerNotFound':
      return t.project !== undefined
        ? vscode.l10n.t('Project {0} was not found, or your token has no access to it.', owner)
        : vscode.l10n.t('Group {0} was not found, or your token has no access to it.', owner);
    case 'absent':
      return t.project !== undefined
        ? vscode.l10n.t('{0} is no longer in the package registry of {1}.', what, p.owner)
        : vscode.l10n.t('{0} cannot be placed: no project of group {1} holds it.', what, p.owner);
    case 'cutShort':
      return vscode.l10n.t(
        '{0} was not among the first {1} packages of its name GitLab listed: this GitLab (before 16.6) cannot be asked for one version.',
        what,
        withThousands(p.listed),
      );
    case 'unplaced':
      return vscode.l10n.t('{0} cannot be placed: GitLab does not say which project of group {1} holds it.', what, owner);
    case 'status':
      return vscode.l10n.t('{0} has status {1}: the list of {2} shows it only when filtered by that status.', what, p.status, projectLabel(p.source));
    case 'notListed':
      return vscode.l10n.t('{0} is not among the {1} packages listed for {2}: filter the list by its name to see it.', what, p.loaded, projectLabel(p.source));
  }
}
