/**
 * Delete Package File…: one or several file rows (GitLab 13.12+), through the same delete flow
 * as packages — one modal naming what goes (warning when it is a package's last file, which
 * removes the version), a second one when a workspace lockfile resolves to the file's version,
 * one DELETE per file, one message afterwards.
 */
import * as vscode from 'vscode';
import type { SetAside } from '../../core/delete/deleteFlow';
import { unsupportedMessage } from '../../core/instances/versionGates';
import { say } from '../../host/l10n';
import { fileDeletion } from '../../tree/deletions';
import type { FileNode, PackageNode } from '../../tree/nodes';
import { packageLabel, packageProjectLabel } from '../../tree/presentation';
import { bulletLines } from '../../host/bulletList';
import { reportDeletion, setAsideLines, type Named } from '../shared/deleteReport';
import type { CommandDeps, Handler } from '../shared/deps';
import { askAgainIfInUse } from '../shared/lockfileGuard';
import { targetNodes } from '../shared/targets';
import { withCountedProgress } from '../shared/progress';
import { registryChanged } from '../shared/registryChanged';

type FileRequest = Named & ReturnType<typeof fileDeletion>;

export function deletePackageFileCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const files = targetNodes(deps, node, selected).filter((n): n is FileNode => n.kind === 'packageFile');
    if (!files.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more package files you may delete.'));
      return;
    }
    for (const instanceUrl of new Set(files.map((f) => f.parent.parent.ref.instanceUrl))) {
      const tooOld = unsupportedMessage(await deps.facts.version(instanceUrl), 'deletePackageFile', new URL(instanceUrl).host);
      if (tooOld) {
        void vscode.window.showWarningMessage(say(tooOld));
        return;
      }
    }
    const requests: FileRequest[] = files.map((f) => ({
      ...fileDeletion(f),
      label: f.file.fileName,
      projectPath: packageProjectLabel(f.parent),
    }));
    const packages = [...new Set(files.map((f) => f.parent))];
    // Worked out for the confirmation, used again afterwards: which packages lose their last file.
    let emptied: PackageNode[] = [];
    const report = await deps.deletes.run(requests, {
      confirm: async (targets, setAside) => {
        emptied = await emptiedBy(deps, packages, targets);
        // A file of a version a lockfile resolves to is asked about too: which of its files an install takes is the tool's choice.
        return (
          (await confirm(targets, emptied, setAside)) &&
          askAgainIfInUse(deps, targets, (f) => ({ label: fileLabel(f), listed: f.node.parent.parent, pkg: f.node.parent.pkg }))
        );
      },
      // Cancel stops sending; what is in flight finishes and is reported as it ended.
      progress: (targets, run) => withCountedProgress(vscode.l10n.t('Deleting {0} file(s)…', targets.length), run),
    });
    // A package whose last file went is gone too: refresh its project, else just the package.
    const deletedFrom = new Set(report.outcomes.map((o) => o.target.request.node.parent));
    const refresh = (): void => deletedFrom.forEach((pkg) => registryChanged(deps, emptied.includes(pkg) ? pkg.parent : pkg));
    refresh();
    reportDeletion(report, (n) => vscode.l10n.t('Deleted {0} file(s).', n), refresh);
  };
}

/**
 * Packages all of whose files are among `targets` (deleting them removes the version). Only a
 * list known to be whole counts: while more files load, past "Load more…" or after a failed
 * page (a row that is not a file), the count is unknown and no file is called the last.
 */
async function emptiedBy(deps: CommandDeps, packages: PackageNode[], targets: FileRequest[]): Promise<PackageNode[]> {
  const emptied: PackageNode[] = [];
  const chosen = new Set(targets.map((t) => t.node.id));
  for (const pkg of packages) {
    const rows = await deps.model.children(pkg);
    if (rows.length > 0 && rows.every((n) => n.kind === 'packageFile' && chosen.has(n.id))) emptied.push(pkg);
  }
  return emptied;
}

async function confirm(files: FileRequest[], emptied: PackageNode[], setAside: SetAside<FileRequest>): Promise<boolean> {
  const deleteButton = vscode.l10n.t('Delete');
  const first = files[0].node;
  const message =
    files.length === 1
      ? vscode.l10n.t('Delete file {0} of package {1} from {2}?', first.file.fileName, packageLabel(first.parent.pkg), files[0].projectPath)
      : vscode.l10n.t('Delete {0} package files?', files.length);
  const lines = files.length === 1 ? [] : bulletLines(files, fileLabel);
  const warnings = emptied.map((p) => vscode.l10n.t('This is the last file of {0}: deleting it removes that version.', packageLabel(p.pkg)));
  const detail = [
    ...lines,
    ...warnings,
    vscode.l10n.t('Clients that need a deleted file can no longer install the package. This cannot be undone.'),
    ...setAsideLines(setAside),
  ].join('\n');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, deleteButton)) === deleteButton;
}

/** `file (name version)`. */
function fileLabel(f: FileRequest): string {
  return `${f.label} (${packageLabel(f.node.parent.pkg)})`;
}
