/** Copy Checksum: a file's strongest checksum, or a package's checksum file (`sha256sum -c` format). */
import * as vscode from 'vscode';
import { packageLabel } from '../../tree/presentation';
import { ALGORITHM_LABEL, checksumFile, strongestChecksum } from '../../core/files/checksums';
import { inlineList } from '../../host/bulletList';
import { copied } from '../shared/clipboard';
import type { CommandDeps, Handler } from '../shared/deps';
import { filesOf, pickTarget } from './checksumTarget';

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
    const name = packageLabel(target.pkg);
    if (!sums.text) throw new Error(vscode.l10n.t('GitLab has no checksums for the files of {0}.', name));
    await copied(sums.text, vscode.l10n.t('Copied checksums of {0} files of {1}', files.length - sums.missing.length, name));
    const notes: string[] = [];
    if (sums.fallbacks.length)
      notes.push(
        vscode.l10n.t(
          'No SHA-256 for {0}: used {1} instead.',
          inlineList(sums.fallbacks, (f) => f.fileName),
          [...new Set(sums.fallbacks.map((f) => ALGORITHM_LABEL[f.algorithm]))].join('/'),
        ),
      );
    if (sums.missing.length)
      notes.push(
        vscode.l10n.t(
          'No checksum at all for {0} (left out).',
          inlineList(sums.missing, (name) => name),
        ),
      );
    if (notes.length) void vscode.window.showWarningMessage(notes.join(' '));
  };
}
