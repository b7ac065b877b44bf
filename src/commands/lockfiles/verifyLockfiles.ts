/**
 * Verify Lockfiles Against GitLab: reads every lockfile in the workspace, checks the entries that
 * resolve to a configured GitLab instance against its Packages API (one lookup per package
 * version, cached until Refresh), and opens a report. A lockfile is workspace content: it never
 * chooses a host to contact, and in an untrusted workspace the command does not run.
 */
import * as vscode from 'vscode';
import { instanceUrls } from '../../core/config';
import type { LockEntry } from '../../core/lockfiles/lockEntry';
import { findLockfiles, readLockfile } from '../../host/workspaceLockfiles';
import type { CommandDeps, Handler } from '../shared/deps';
import { withCountedProgress } from '../shared/progress';
import { lockfileReport, type LockfileResult } from './lockfileReport';

export function verifyLockfilesCommand(deps: CommandDeps): Handler {
  return async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Verify Lockfiles Against GitLab needs a trusted workspace: lockfiles are workspace content. Trust the workspace to verify them.'),
      );
      return;
    }
    const found = await findLockfiles();
    if (!found.length) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No lockfiles in this workspace (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, requirements*.txt, poetry.lock, uv.lock).',
        ),
      );
      return;
    }
    const engine = await deps.lockfiles();
    const config = deps.config();
    const urls = instanceUrls(config);
    const results = await withCountedProgress(vscode.l10n.t('Verifying lockfiles against GitLab…'), async (onSettled, signal) => {
      const read: LockfileResult[] = [];
      for (const file of found) {
        const text = await readLockfile(file.uri);
        read.push({ label: file.label, parsed: text === undefined ? undefined : engine.parseLockfile(file.format, text), verdicts: [] });
        if (signal.aborted) return undefined;
      }
      // One run over every lockfile's entries: a package version in several lockfiles is looked up once.
      const entries: LockEntry[] = read.flatMap((r) => r.parsed?.entries ?? []);
      let verification;
      try {
        verification = await engine.verifyEntries(entries, {
          instanceUrls: urls,
          lookup: (target, key, s) =>
            deps.lockfileCache.get(key, target.instanceUrl, () => engine.fetchVersion(deps.clients.get(target.instanceUrl), target, s)),
          concurrency: config.concurrency,
          signal,
          onProgress: onSettled,
        });
      } catch (e) {
        if (signal.aborted) return undefined;
        throw e;
      }
      let at = 0;
      for (const r of read) {
        const n = r.parsed?.entries.length ?? 0;
        r.verdicts = verification.verdicts.slice(at, at + n);
        at += n;
      }
      return read;
    });
    if (!results) return;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
    await deps.details.show(`/lockfiles/lockfile-verification-${stamp}.txt`, `run=${stamp}`, lockfileReport(results, urls, engine));
  };
}
