/**
 * Delete Package File…: one or several file rows (GitLab 13.12+), with the same safety as
 * package deletion — one modal naming what goes (and warning when it is a package's last file,
 * which removes the version), exactly one DELETE per file, no second DELETE from a second click.
 */
import * as vscode from 'vscode';
import { deletePackages } from '../core/bulkDelete';
import { unsupportedMessage } from '../core/versionGates';
import { displayName } from '../gitlab/models';
import { deletionKey, isDeletable, packageProjectLabel, uniqueDeletions, type FileNode, type PackageNode } from '../tree/nodes';
import { InFlight } from '../util/inFlight';
import { explain } from './deletePackage';
import { targetNodes, type CommandDeps, type Handler } from './deps';

const LIST_LIMIT = 15;

export function deletePackageFileCommand(deps: CommandDeps): Handler {
  const inFlight = new InFlight();
  return async (node?: unknown, selected?: unknown) => {
    const files = uniqueDeletions(
      targetNodes(deps, node, selected).filter((n): n is FileNode => n.kind === 'packageFile' && isDeletable(n.parent.pkg) && !n.parent.parent.readOnly),
    );
    if (!files.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more package files you may delete.'));
      return;
    }
    for (const instanceUrl of new Set(files.map((f) => f.parent.parent.ref.instanceUrl))) {
      const tooOld = unsupportedMessage(await deps.versionOf(instanceUrl), 'deletePackageFile', new URL(instanceUrl).host);
      if (tooOld) {
        void vscode.window.showWarningMessage(tooOld);
        return;
      }
    }
    const packages = [...new Set(files.map((f) => f.parent))];
    const emptied: PackageNode[] = [];
    for (const pkg of packages) {
      const all = (await deps.model.children(pkg)).filter((n) => n.kind === 'packageFile');
      if (all.length > 0 && all.every((f) => files.some((t) => t.id === f.id))) emptied.push(pkg);
    }
    if (!(await confirm(files, emptied))) return;
    const claimed = new Set(inFlight.claim(files.map(deletionKey)));
    const targets = files.filter((f) => claimed.has(deletionKey(f)));
    if (!targets.length) return;
    try {
      const outcomes = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0} file(s)…', targets.length) },
        () => {
          const byInstance = new Map<string, FileNode[]>();
          for (const f of targets) byInstance.set(f.parent.parent.ref.instanceUrl, [...(byInstance.get(f.parent.parent.ref.instanceUrl) ?? []), f]);
          return Promise.all(
            [...byInstance].map(([instanceUrl, nodes]) => {
              const client = deps.clients.get(instanceUrl);
              const items = nodes.map((node) => ({
                project: node.parent.pkg.projectId ?? node.parent.parent.project?.id ?? node.parent.parent.ref.key,
                packageId: node.parent.pkg.id,
                fileId: node.file.id,
                node,
              }));
              return deletePackages(client, items, { concurrency: client.concurrency });
            }),
          ).then((r) => r.flat());
        },
      );
      for (const o of outcomes) deps.log.info(`DELETE file ${o.target.fileId} of package ${o.target.packageId}: ${o.ok ? 'deleted' : o.error.message}`);
      // A package whose last file went is gone too: refresh its project, else just the package.
      for (const pkg of packages) deps.model.refresh(emptied.includes(pkg) ? pkg.parent : pkg);
      const ok = outcomes.filter((o) => o.ok).length;
      const failed = outcomes.flatMap((o) =>
        o.ok
          ? []
          : [
              `${o.target.node.file.fileName}: ${o.error.kind === 'notFound' ? vscode.l10n.t('already deleted, or the server is older than GitLab 13.12 (which cannot delete single files)') : explain(o.error, packageProjectLabel(o.target.node.parent))}`,
            ],
      );
      const summary = ok === 1 && outcomes.length === 1 ? vscode.l10n.t('Deleted {0}.', targets[0].file.fileName) : vscode.l10n.t('Deleted {0} file(s).', ok);
      if (failed.length)
        void vscode.window.showErrorMessage([ok ? summary : '', vscode.l10n.t('Not deleted:'), ...failed.slice(0, 5)].filter(Boolean).join(' '));
      else void vscode.window.showInformationMessage(summary);
    } finally {
      inFlight.release([...claimed]);
    }
  };
}

async function confirm(files: FileNode[], emptied: PackageNode[]): Promise<boolean> {
  const deleteButton = vscode.l10n.t('Delete');
  const pkgLabel = (p: PackageNode): string => `${displayName(p.pkg)} ${p.pkg.version ?? ''}`.trim();
  const message =
    files.length === 1
      ? vscode.l10n.t('Delete file {0} of package {1} from {2}?', files[0].file.fileName, pkgLabel(files[0].parent), packageProjectLabel(files[0].parent))
      : vscode.l10n.t('Delete {0} package files?', files.length);
  const lines = files.length === 1 ? [] : files.slice(0, LIST_LIMIT).map((f) => `• ${f.file.fileName} (${pkgLabel(f.parent)})`);
  if (files.length > LIST_LIMIT) lines.push(vscode.l10n.t('…and {0} more', files.length - LIST_LIMIT));
  const warnings = emptied.map((p) => vscode.l10n.t('This is the last file of {0}: deleting it removes that version.', pkgLabel(p)));
  const detail = [...lines, ...warnings, vscode.l10n.t('Clients that need a deleted file can no longer install the package. This cannot be undone.')].join(
    '\n',
  );
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, deleteButton)) === deleteButton;
}
