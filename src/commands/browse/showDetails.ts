/**
 * Show Package Details: a read-only document with every fact (the same facts as the tooltip),
 * the other versions, every pipeline that published it, its protection rule, and each file
 * with its checksums (newest first where the server sorts them, by name otherwise). Plain text, so what a person reads is
 * exactly what the registry said — no Markdown source, no escapes, nothing a name can inject.
 */
import * as vscode from 'vscode';
import { ALGORITHM_LABEL, checksumsOf } from '../../core/files/checksums';
import { arrangedFiles, FILE_ORDER } from '../../core/browse/fileOrder';
import { allPipelines } from '../../core/browse/packagePipelines';
import { owningProject } from '../../core/browse/packageOwner';
import { isGitLabError } from '../../gitlab/errors';
import { displayName, type Package, type PackageFile } from '../../gitlab/models';
import { say } from '../../host/l10n';
import type { PackageNode, TreeNode } from '../../tree/nodes';
import { packageFacts, packageTitle, type Fact } from '../../tree/packageFacts';
import { packageProtection } from '../../tree/packageProtection';
import { projectLabel } from '../../tree/presentation';
import { dateTime, humanSize, plainLine } from '../../util/format';
import type { CommandDeps, Handler } from '../shared/deps';
import { targetNodes } from '../shared/targets';
import { withCancellableProgress } from '../shared/progress';

export function showDetailsCommand(deps: CommandDeps): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const target = targetNodes(deps, node, selected).find((n: TreeNode): n is PackageNode => n.kind === 'package');
    if (!target) return;
    const project = target.parent;
    const client = deps.clients.get(project.ref.instanceUrl);
    const key = owningProject(target.pkg, project);
    const version = await deps.facts.version(project.ref.instanceUrl);
    const [pkg, files, pipelines] = await withCancellableProgress(vscode.l10n.t('Reading package details…'), async (signal) => {
      let full: Package = target.pkg;
      try {
        full = await client.getPackage(key, target.pkg.id, signal);
      } catch (e) {
        // Packages in error status answer 404 here on recent servers: use what the list said.
        if (!isGitLabError(e) || e.kind !== 'notFound') throw e;
      }
      const [files, pipelines] = await Promise.all([
        client.allPackageFiles(key, target.pkg.id, signal, FILE_ORDER),
        allPipelines(client, key, target.pkg, version, signal),
      ]);
      return [full, files, pipelines] as const;
    });
    const facts = packageFacts(pkg, { instanceUrl: project.ref.instanceUrl, projectPath: projectLabel(project), pipelines, ...packageProtection(target) });
    const text = detailsText(
      pkg,
      arrangedFiles(files, (f) => f, version),
      facts,
    );
    const name = `${displayName(target.pkg)}@${target.pkg.version ?? 'none'}`.replace(/[\\/:*?"<>|]/g, '_');
    await deps.details.show(`/${projectLabel(project)}/${name}.txt`, `id=${target.pkg.id}`, text);
  };
}

function detailsText(pkg: Package, files: readonly PackageFile[], facts: Fact[]): string {
  const labels = facts.map((f) => say(f.label));
  const width = Math.max(...labels.map((l) => l.length), 0) + 2;
  const lines = [packageTitle(pkg), '='.repeat(Math.min(80, packageTitle(pkg).length)), ''];
  facts.forEach((f, i) =>
    lines.push(`${(labels[i] + ':').padEnd(width)}${plainLine(say(f.value), 2000)}${f.link && f.link !== say(f.value) ? `  <${f.link}>` : ''}`),
  );
  lines.push('', vscode.l10n.t('Files ({0})', files.length), '');
  if (!files.length) lines.push(`  ${vscode.l10n.t('No files.')}`);
  for (const f of files) {
    lines.push(`  ${plainLine(f.fileName, 300)}  ${[humanSize(f.size), dateTime(f.createdAt)].filter(Boolean).join(' · ')}`);
    const sums = checksumsOf(f);
    if (!sums.length) lines.push(`    ${vscode.l10n.t('no checksum')}`);
    for (const s of sums) lines.push(`    ${ALGORITHM_LABEL[s.algorithm].padEnd(8)}${s.hex}`);
  }
  return lines.join('\n') + '\n';
}
