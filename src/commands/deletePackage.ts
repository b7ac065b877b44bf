/**
 * Delete Package…: from a package row, a multi-selection, the Delete key, or the palette
 * (pick project, then search packages on the server). Always one modal confirmation naming
 * what goes; a package being deleted is never sent a second DELETE by a second click.
 */
import * as vscode from 'vscode';
import { deletePackages, type DeleteOutcome } from '../core/bulkDelete';
import type { GitLabError } from '../gitlab/errors';
import { displayName, type Package } from '../gitlab/models';
import {
  deletionKey,
  instanceLabel,
  isDeletable,
  uniqueDeletions,
  packageDescription,
  packageProjectLabel,
  projectLabel,
  type PackageNode,
  type ProjectNode,
} from '../tree/nodes';
import { InFlight } from '../util/inFlight';
import { targetNodes, type CommandDeps, type Handler } from './deps';
import { COMMANDS } from '../constants';

const LIST_LIMIT = 15;

export function deletePackageCommand(deps: CommandDeps): Handler {
  const inFlight = new InFlight();
  return async (node?: unknown, selected?: unknown) => {
    const fromPalette = node === undefined && selected === undefined;
    let targets = fromPalette ? await pickFromPalette(deps) : targetNodes(deps, node, selected).filter((n): n is PackageNode => n.kind === 'package');
    if (!targets.length) {
      if (!fromPalette) void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more packages to delete.'));
      return;
    }
    const readOnly = targets.filter((t) => t.parent.readOnly);
    // Not awaited: the confirmation for the packages that may go should not wait on this toast.
    if (readOnly.length) void readOnlyTokenMessage(readOnly[0].parent);
    targets = targets.filter((t) => !t.parent.readOnly);
    const notAllowed = targets.filter((t) => !isDeletable(t.pkg));
    targets = uniqueDeletions(targets.filter((t) => isDeletable(t.pkg) && !inFlight.has(deletionKey(t))));
    if (notAllowed.length)
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'You may not delete {0} (GitLab offers no delete for it: Maintainer role and a token with the "api" scope are needed).',
          notAllowed.map(label).join(', '),
        ),
      );
    if (!targets.length) return;

    if (!(await confirm(targets))) return;
    // Claimed after the modal: a second click that confirmed meanwhile gets only what is left.
    const claimedIds = new Set(inFlight.claim(targets.map(deletionKey)));
    const claimed = targets.filter((t) => claimedIds.has(deletionKey(t)));
    if (!claimed.length) return;
    try {
      const outcomes = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: claimed.length === 1 ? vscode.l10n.t('Deleting {0}…', label(claimed[0])) : vscode.l10n.t('Deleting {0} packages…', claimed.length),
        },
        (progress) => runDeletes(deps, claimed, (done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` })),
      );
      for (const project of new Set(claimed.map((t) => t.parent))) deps.model.refresh(project);
      report(outcomes);
    } finally {
      inFlight.release([...claimedIds]);
    }
  };
}

async function runDeletes(
  deps: CommandDeps,
  targets: PackageNode[],
  onSettled: (done: number, total: number) => void,
): Promise<DeleteOutcome<{ project: string | number; packageId: number; node: PackageNode }>[]> {
  const byInstance = new Map<string, PackageNode[]>();
  for (const t of targets) byInstance.set(t.parent.ref.instanceUrl, [...(byInstance.get(t.parent.ref.instanceUrl) ?? []), t]);
  let done = 0;
  const results = await Promise.all(
    [...byInstance].map(([instanceUrl, nodes]) => {
      const client = deps.clients.get(instanceUrl);
      const items = nodes.map((node) => ({ project: node.pkg.projectId ?? node.parent.project?.id ?? node.parent.ref.key, packageId: node.pkg.id, node }));
      return deletePackages(client, items, { concurrency: client.concurrency, onSettled: () => onSettled(++done, targets.length) });
    }),
  );
  const outcomes = results.flat();
  for (const o of outcomes) deps.log.info(`DELETE package ${o.target.packageId} of ${String(o.target.project)}: ${o.ok ? 'deleted' : o.error.message}`);
  return outcomes;
}

async function confirm(targets: PackageNode[]): Promise<boolean> {
  const deleteButton = vscode.l10n.t('Delete');
  const projects = [...new Set(targets.map((t) => packageProjectLabel(t)))].join(', ');
  let message: string;
  let detail: string;
  if (targets.length === 1) {
    const t = targets[0];
    message = vscode.l10n.t('Delete package {0} version {1} from {2}?', displayName(t.pkg), t.pkg.version ?? '(none)', projects);
    detail = vscode.l10n.t('Every file of this package version is removed from the registry. This cannot be undone.');
  } else {
    message = vscode.l10n.t('Delete {0} packages from {1}?', targets.length, projects);
    const lines = targets.slice(0, LIST_LIMIT).map((t) => `• ${label(t)}`);
    if (targets.length > LIST_LIMIT) lines.push(vscode.l10n.t('…and {0} more', targets.length - LIST_LIMIT));
    detail = lines.join('\n') + '\n\n' + vscode.l10n.t('Every file of these packages is removed from the registry. This cannot be undone.');
  }
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, deleteButton)) === deleteButton;
}

function report(outcomes: DeleteOutcome<{ node: PackageNode; project: string | number; packageId: number }>[]): void {
  const ok = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter(
    (o): o is { target: { node: PackageNode; project: string | number; packageId: number }; ok: false; error: GitLabError } => !o.ok,
  );
  const gone = failed.filter((f) => f.error.kind === 'notFound');
  const errors = failed.filter((f) => f.error.kind !== 'notFound');
  const parts: string[] = [];
  if (ok.length === 1 && outcomes.length === 1) parts.push(vscode.l10n.t('Deleted {0}.', label(ok[0].target.node)));
  else if (ok.length) parts.push(vscode.l10n.t('Deleted {0} packages.', ok.length));
  if (gone.length) parts.push(vscode.l10n.t('Already deleted: {0}.', gone.map((g) => label(g.target.node)).join(', ')));
  if (!errors.length) {
    void vscode.window.showInformationMessage(parts.join(' '));
    return;
  }
  const reasons = errors.slice(0, 5).map((f) => `${label(f.target.node)}: ${explain(f.error, packageProjectLabel(f.target.node))}`);
  if (errors.length > 5) reasons.push(vscode.l10n.t('…and {0} more', errors.length - 5));
  void vscode.window.showErrorMessage([...parts, vscode.l10n.t('Not deleted:'), ...reasons].join(' '));
}

/** Plain words for why GitLab said no. */
export function explain(error: GitLabError, projectPath: string): string {
  if (error.kind === 'forbidden') {
    const reason = (error as GitLabError & { reason?: string }).reason;
    if (reason === 'protected') return vscode.l10n.t('the package is protected by a protection rule ({0})', error.serverMessage ?? '403');
    if (reason === 'scope') return vscode.l10n.t('your token cannot delete: it needs the "api" scope');
    return vscode.l10n.t('you need at least the Maintainer role in {0} to delete packages', projectPath);
  }
  if (error.kind === 'unauthorized') return vscode.l10n.t('the access token was rejected');
  return error.message;
}

/** The token's scopes are known to exclude deleting: say so, and offer to replace it. */
async function readOnlyTokenMessage(project: ProjectNode): Promise<void> {
  const replace = vscode.l10n.t('Replace Token…');
  const host = new URL(project.ref.instanceUrl).host;
  const text = vscode.l10n.t('The access token for {0} can only read (it lacks the "api" scope): deleting needs a token with the "api" scope.', host);
  if ((await vscode.window.showWarningMessage(text, replace)) === replace) await vscode.commands.executeCommand(COMMANDS.setToken, project.ref.origin);
}

function label(t: PackageNode): string {
  return `${displayName(t.pkg)} ${t.pkg.version ?? ''}`.trim();
}

/** Palette flow: pick a project, then search its packages by name on the server. */
async function pickFromPalette(deps: CommandDeps): Promise<PackageNode[]> {
  const reachable = (await deps.model.projects()).filter((p) => p.project);
  const projects = reachable.filter((p) => !p.readOnly);
  if (reachable.length && !projects.length) {
    await readOnlyTokenMessage(reachable[0]);
    return [];
  }
  if (!projects.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reachable GitLab projects. Add a project and set an access token first.'));
    return [];
  }
  const project =
    projects.length === 1
      ? projects[0]
      : (
          await vscode.window.showQuickPick(
            projects.map((p) => ({ label: projectLabel(p), description: p.parent ? instanceLabel(p.parent.instanceUrl) : undefined, p })),
            { placeHolder: vscode.l10n.t('Delete a package from which project?') },
          )
        )?.p;
  if (!project) return [];
  const pkg = await searchPackage(deps, project);
  return pkg ? [{ kind: 'package', id: `${project.id}/package:${pkg.id}`, parent: project, pkg }] : [];
}

function searchPackage(deps: CommandDeps, project: ProjectNode): Promise<Package | undefined> {
  const client = deps.clients.get(project.ref.instanceUrl);
  const key = project.project?.id ?? project.ref.key;
  type Item = vscode.QuickPickItem & { pkg: Package };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Delete Package from {0}', projectLabel(project));
  qp.placeholder = vscode.l10n.t('Type to search packages by name');
  qp.matchOnDescription = true;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (name: string): void => {
    controller?.abort();
    const current = (controller = new AbortController());
    qp.busy = true;
    client
      .projectPackagesPage(key, { packageName: name.trim() || undefined, orderBy: 'created_at', sort: 'desc' }, 1, current.signal)
      .then((page) => {
        if (current.signal.aborted) return;
        qp.items = page.items.map((pkg) => ({
          label: (isDeletable(pkg) ? '' : '$(lock) ') + displayName(pkg),
          description: packageDescription(pkg),
          detail: isDeletable(pkg) ? undefined : vscode.l10n.t('You may not delete this package'),
          pkg,
        }));
        qp.busy = false;
      })
      .catch((e: unknown) => {
        if (current.signal.aborted) return;
        qp.busy = false;
        qp.items = [];
        qp.placeholder = e instanceof Error ? e.message : String(e);
      });
  };
  return new Promise((resolve) => {
    qp.onDidChangeValue((v) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(v), 250);
    });
    qp.onDidAccept(() => {
      const picked = (qp.selectedItems[0] ?? qp.activeItems[0])?.pkg;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      controller?.abort();
      if (timer) clearTimeout(timer);
      resolve(undefined);
      qp.dispose();
    });
    search('');
    qp.show();
  });
}
