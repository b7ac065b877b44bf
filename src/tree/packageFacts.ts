/**
 * Everything known about a package as one Markdown document (the "Package Details" view):
 * facts, pipeline, tags, other versions, files with their checksums. Server text is escaped.
 */
import { displayName, type Package, type PackageFile } from '../gitlab/models';
import { ALGORITHM_LABEL, checksumsOf } from '../core/checksums';
import { dateTime, humanSize, plainLine, relativeTime } from '../util/format';
import { escapeMarkdown } from '../util/markdown';

export interface DetailsContext {
  projectPath: string;
  instanceUrl: string;
  now?: number;
}

const when = (iso: string | null | undefined, now?: number): string | undefined => (iso ? `${dateTime(iso)} (${relativeTime(iso, now)})` : undefined);

/** A link only to http(s) addresses on the package's own instance; anything else stays text. */
export function safeLink(text: string, url: string | undefined, instanceUrl: string): string {
  if (!url) return escapeMarkdown(text);
  try {
    const u = new URL(url, instanceUrl);
    if (u.origin !== new URL(instanceUrl).origin || !/^https?:$/.test(u.protocol)) return escapeMarkdown(text);
    return `[${escapeMarkdown(text)}](${u.toString().replace(/[()\s]/g, encodeURIComponent)})`;
  } catch {
    return escapeMarkdown(text);
  }
}

export function packageDetails(pkg: Package, files: readonly PackageFile[], ctx: DetailsContext): string {
  const p = pkg.pipeline;
  const rows: [string, string | undefined][] = [
    ['Project', escapeMarkdown(ctx.projectPath)],
    ['Type', escapeMarkdown(pkg.packageType)],
    ['Version', escapeMarkdown(pkg.version ?? '(no version)')],
    ['Status', pkg.status ? escapeMarkdown(pkg.status) : undefined],
    ['Created', when(pkg.createdAt, ctx.now)],
    ['Last downloaded', pkg.lastDownloadedAt === null ? 'never' : when(pkg.lastDownloadedAt, ctx.now)],
    ['Pipeline', p ? safeLink([p.id !== undefined ? `#${p.id}` : '', p.ref, p.status].filter(Boolean).join(' · '), p.webUrl, ctx.instanceUrl) : undefined],
    ['Published by', p?.userName ? escapeMarkdown(p.userName) : undefined],
    ['Tags', pkg.tags.length ? pkg.tags.map((t) => `\`${t.name.replace(/`/g, "'")}\``).join(' ') : undefined],
    ['Web page', pkg.webPath ? safeLink(pkg.webPath, pkg.webPath, ctx.instanceUrl) : undefined],
  ];
  const lines = [`# ${escapeMarkdown(plainLine(displayName(pkg), 300))} ${escapeMarkdown(pkg.version ?? '')}`.trimEnd(), '', '| | |', '|---|---|'];
  for (const [k, v] of rows) if (v) lines.push(`| ${k} | ${v} |`);
  if (pkg.versions?.length) {
    lines.push('', '## Other versions', '');
    for (const v of pkg.versions) lines.push(`- ${escapeMarkdown(v.version ?? '(no version)')}${v.createdAt ? ` — ${dateTime(v.createdAt)}` : ''}`);
  }
  lines.push('', `## Files (${files.length})`, '');
  if (files.length) {
    lines.push('| File | Size | Created | Checksums |', '|---|---|---|---|');
    for (const f of files) {
      const sums =
        checksumsOf(f)
          .map((s) => `${ALGORITHM_LABEL[s.algorithm]} \`${s.hex}\``)
          .join('<br>') || 'n/a';
      lines.push(`| ${escapeMarkdown(plainLine(f.fileName, 300))} | ${humanSize(f.size)} | ${dateTime(f.createdAt)} | ${sums} |`);
    }
  } else {
    lines.push('No files.');
  }
  return lines.join('\n') + '\n';
}
