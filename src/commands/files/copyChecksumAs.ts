/** Copy Checksum…: a file's or a package's checksums with the algorithm picked from those present. */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL, checksumsOf, type ChecksumAlgorithm } from '../../core/files/checksums';
import { copied } from '../shared/clipboard';
import type { CommandDeps, Handler } from '../shared/deps';
import { filesOf, pickTarget } from './checksumTarget';

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
