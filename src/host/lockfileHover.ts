/**
 * Hovering a GitLab-hosted lockfile entry shows what the registry holds for it: the verdict and
 * why, when and by which pipeline the served file was uploaded, and the versions published
 * since (one list request per hovered package version, kept until the registry is refreshed).
 * Server and lockfile text is escaped; the only links are this extension's own commands.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { newerVersions, type NewerVersions } from '../core/lockfiles/newerVersions';
import { uploadFacts } from '../core/lockfiles/verdict';
import type { VersionClient } from '../core/lockfiles/versionLookup';
import { targetKey } from '../core/lockfiles/lookupPlan';
import { dateTime } from '../util/format';
import type { Package } from '../gitlab/models';
import { escapeMarkdown, markdownLinkTarget } from '../util/markdown';
import { entryActions } from './lockfileActions';
import { currentCheck, entryAt, type LockfileChecks } from './lockfileChecks';

export class LockfileHover implements vscode.HoverProvider {
  /** Newer versions per package version, asked once until the registry is refreshed. */
  private readonly newer = new Map<string, Promise<NewerVersions>>();

  constructor(
    private readonly checks: LockfileChecks,
    private readonly clientFor: (instanceUrl: string) => VersionClient,
  ) {}

  forget(): void {
    this.newer.clear();
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const check = currentCheck(this.checks, document);
    const i = check && entryAt(check, position.line);
    if (!check || i === undefined) return undefined;
    const entry = check.result.parsed.entries[i];
    const route = check.result.routes[i];
    const verdict = check.result.verdicts[i];
    if (route?.kind !== 'gitlab') return undefined;
    const shown = this.checks.shown(check, i);
    const lines = [`**${escapeMarkdown(`${entry.name}@${entry.version}`)}** · ${escapeMarkdown(verdictWords(shown.kind))}`];
    for (const reason of shown.reasons) lines.push(`- ${escapeMarkdown(reason)}`);
    const rows: [string, string][] = [];
    const target = route.targets[0];
    rows.push([vscode.l10n.t('Registry'), escapeMarkdown(target.instanceUrl)]);
    if ('pkg' in verdict) {
      const pkg = verdict.pkg;
      rows.push([vscode.l10n.t('Project'), escapeMarkdown(projectPathOf(pkg, target.instanceUrl) ?? String(pkg.projectId ?? target.owner.id))]);
      const served = verdict.files.flatMap((f) => ('served' in f && f.served ? [f.served] : []))[0];
      const { uploadedAt, pipeline } = served ? uploadFacts(served, pkg) : { uploadedAt: pkg.createdAt, pipeline: pkg.pipeline };
      if (pkg.createdAt) rows.push([vscode.l10n.t('Published'), escapeMarkdown(dateTime(pkg.createdAt))]);
      if (served) rows.push([vscode.l10n.t('File served'), escapeMarkdown(uploadedAt ? `${served.fileName} (${dateTime(uploadedAt)})` : served.fileName)]);
      if (pipeline?.id !== undefined)
        rows.push([vscode.l10n.t('Pipeline'), escapeMarkdown(pipeline.ref ? `#${pipeline.id} (${pipeline.ref})` : `#${pipeline.id}`)]);
      const newer = await this.newerOf(target, pkg, token);
      if (token.isCancellationRequested) return undefined;
      // "none" only when the search reached the locked version; a partial search names what it found.
      if (newer?.versions.length) rows.push([vscode.l10n.t('Newer in the registry'), escapeMarkdown(newer.versions.join(', '))]);
      else if (newer?.complete) rows.push([vscode.l10n.t('Newer in the registry'), vscode.l10n.t('none')]);
    }
    lines.push('', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${v} |`));
    const actions = entryActions(check, i, { reveal: vscode.l10n.t('Reveal in Packages View'), download: vscode.l10n.t('Verify by Downloading') });
    lines.push('', actions.map((a) => `[${escapeMarkdown(a.title)}](${commandUri(a.command, a.args)})`).join(' · '));
    const md = new vscode.MarkdownString(lines.join('\n'));
    md.isTrusted = { enabledCommands: [COMMANDS.revealPackage, COMMANDS.verifyByDownloading] };
    return new vscode.Hover(md, new vscode.Range(entry.line - 1, check.spans[i].start, entry.line - 1, check.spans[i].end));
  }

  private async newerOf(
    target: Parameters<typeof newerVersions>[1],
    pkg: Parameters<typeof newerVersions>[2],
    token: vscode.CancellationToken,
  ): Promise<NewerVersions | undefined> {
    const key = targetKey(target);
    let load = this.newer.get(key);
    if (!load) {
      load = newerVersions(this.clientFor(target.instanceUrl), target, pkg);
      this.newer.set(key, load);
      load.catch(() => this.newer.delete(key));
    }
    // A hover does not wait on a slow server past its cancellation; the answer stays for the next.
    const cancelled = new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined)));
    return Promise.race([load.catch(() => undefined), cancelled]);
  }
}

/** The project's path: a group listing names it; a project's gives the package's web path (`/<path>/-/packages/<id>`). */
function projectPathOf(pkg: Package, instanceUrl: string): string | undefined {
  if (pkg.projectPath) return pkg.projectPath;
  const base = new URL(instanceUrl).pathname.replace(/\/$/, '');
  const web = pkg.webPath?.startsWith(`${base}/`) ? pkg.webPath.slice(base.length + 1) : undefined;
  const at = web?.indexOf('/-/packages/') ?? -1;
  return web && at > 0 ? web.slice(0, at) : undefined;
}

/** As a Markdown link target: the arguments carry lockfile and server text, whose `(` or `)` must not end the link. */
function commandUri(command: string, args: unknown[]): string {
  return markdownLinkTarget(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

function verdictWords(kind: string): string {
  switch (kind) {
    case 'match':
      return vscode.l10n.t('matches the registry');
    case 'weak':
      return vscode.l10n.t('matches, by a weak hash only');
    case 'unverifiable':
      return vscode.l10n.t('unverifiable without download');
    case 'missing':
      return vscode.l10n.t('missing from the registry');
    case 'changed':
      return vscode.l10n.t('changed in the registry');
    case 'unchecked':
      return vscode.l10n.t('not checked');
    default:
      return vscode.l10n.t('not from a configured GitLab');
  }
}
