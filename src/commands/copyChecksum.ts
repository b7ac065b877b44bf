/**
 * Copy Checksum: a file's strongest checksum, or a package's checksum file (`sha256sum -c`
 * format). Copy Checksum…: the same with the algorithm picked from those present.
 */
import * as vscode from 'vscode';
import type { PackageFile } from '../gitlab/models';
import { displayName } from '../gitlab/models';
import { collectAll } from '../gitlab/pagination';
import type { FileNode, PackageNode, TreeNode } from '../tree/nodes';
import { ALGORITHM_LABEL, checksumFile, checksumsOf, strongestChecksum, type ChecksumAlgorithm } from '../core/checksums';
import type { CommandDeps, Handler } from './deps';
import { targetNodes } from './deps';
import { abortOn } from './token';

export function copyChecksumCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const target = pickTarget(deps, node, selected);
    if (!target) return;
    if (target.kind === 'packageFile') {
      const sum = strongestChecksum(target.file);
      if (!sum) throw new Error(vscode.l10n.t('GitLab has no checksum for {0}.', target.file.fileName));
      await copied(sum.hex, vscode.l10n.t('Copied {0} of {1}', ALGORITHM_LABEL[sum.algorithm], target.file.fileName));
      return;
    }
    const files = await filesOf(deps, target);
    const sums = checksumFile(files);
    const name = `${displayName(target.pkg)} ${target.pkg.version ?? ''}`.trim();
    if (!sums.text) throw new Error(vscode.l10n.t('GitLab has no checksums for the files of {0}.', name));
    await copied(sums.text, vscode.l10n.t('Copied checksums of {0} files of {1}', files.length - sums.missing.length, name));
    const notes: string[] = [];
    if (sums.fallbacks.length)
      notes.push(
        vscode.l10n.t(
          'No SHA-256 for {0}: used {1} instead.',
          sums.fallbacks.map((f) => f.fileName).join(', '),
          [...new Set(sums.fallbacks.map((f) => ALGORITHM_LABEL[f.algorithm]))].join('/'),
        ),
      );
    if (sums.missing.length) notes.push(vscode.l10n.t('No checksum at all for {0} (left out).', sums.missing.join(', ')));
    if (notes.length) void vscode.window.showWarningMessage(notes.join(' '));
  };
}

export function copyChecksumAsCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const target = pickTarget(deps, node, selected);
    if (!target) return;
    const files = target.kind === 'packageFile' ? [target.file] : await filesOf(deps, target);
    const present = new Map<ChecksumAlgorithm, number>();
    for (const f of files) for (const s of checksumsOf(f)) present.set(s.algorithm, (present.get(s.algorithm) ?? 0) + 1);
    if (present.size === 0) throw new Error(vscode.l10n.t('GitLab has no checksums for this.'));
    const items = [...present].map(([algorithm, n]) => ({
      label: ALGORITHM_LABEL[algorithm],
      description:
        target.kind === 'packageFile'
          ? checksumsOf(target.file).find((s) => s.algorithm === algorithm)?.hex
          : vscode.l10n.t('{0} of {1} files', n, files.length),
      algorithm,
    }));
    const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Copy which checksum?') });
    if (!pick) return;
    const lines = files.flatMap((f) => {
      const hex = checksumsOf(f).find((s) => s.algorithm === pick.algorithm)?.hex;
      return hex ? [target.kind === 'packageFile' ? hex : `${hex}  ${f.fileName}`] : [];
    });
    const text = target.kind === 'packageFile' ? lines[0] : lines.join('\n') + '\n';
    await copied(
      text,
      target.kind === 'packageFile'
        ? vscode.l10n.t('Copied {0} of {1}', pick.label, target.file.fileName)
        : vscode.l10n.t('Copied {0} checksums of {1} files', pick.label, lines.length),
    );
  };
}

function pickTarget(deps: CommandDeps, node: unknown, selected: unknown): FileNode | PackageNode | undefined {
  return targetNodes(deps, node, selected).find((n: TreeNode): n is FileNode | PackageNode => n.kind === 'packageFile' || n.kind === 'package');
}

async function filesOf(deps: CommandDeps, node: PackageNode): Promise<PackageFile[]> {
  const project = node.parent;
  const client = deps.clients.get(project.ref.instanceUrl);
  const key = node.pkg.projectId ?? project.project?.id ?? project.ref.key;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading package files…'), cancellable: true },
    async (_p, cancel) => {
      const all = await collectAll((page, signal) => client.packageFilesPage(key, node.pkg.id, page, {}, signal), {
        concurrency: client.concurrency,
        signal: abortOn(cancel),
        maxPages: 100,
      });
      return all.items;
    },
  );
}

async function copied(text: string, message: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${message}`, 4000);
}
