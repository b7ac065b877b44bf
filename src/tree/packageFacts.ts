/**
 * Everything known about a package and its files as one list of facts: the tooltip and the
 * Package Details document are both drawn from it, so they can never disagree.
 */
import { ALGORITHM_LABEL, checksumsOf } from '../core/checksums';
import { sameOriginUrl } from '../core/safeLink';
import { displayName, type Package, type PackageFile } from '../gitlab/models';
import { dateTime, humanSize, plainLine, relativeTime } from '../util/format';
import { text, verbatim, type Text } from '../util/text';

export interface Fact {
  label: Text;
  value: Text;
  /** An address on the package's own instance (never another origin). */
  link?: string;
}

export interface FactsContext {
  instanceUrl: string;
  /** The project it belongs to, when the listing does not say (a project's own list). */
  projectPath?: string;
  now?: number;
}

function when(iso: string | null | undefined, now?: number): Text | undefined {
  const relative = relativeTime(iso, now);
  return iso && relative ? text('{0} ({1})', dateTime(iso), relative) : undefined;
}

export function packageTitle(pkg: Package): string {
  return `${plainLine(displayName(pkg), 300)} ${plainLine(pkg.version ?? '')}`.trim();
}

export function packageFacts(pkg: Package, ctx: FactsContext): Fact[] {
  const p = pkg.pipeline;
  const facts: (Fact | undefined)[] = [
    { label: text('Type'), value: verbatim(pkg.packageType) },
    { label: text('Version'), value: pkg.version ? verbatim(pkg.version) : text('(no version)') },
    pkg.status ? { label: text('Status'), value: verbatim(pkg.status) } : undefined,
    (pkg.projectPath ?? ctx.projectPath) ? { label: text('Project'), value: verbatim(pkg.projectPath ?? ctx.projectPath ?? '') } : undefined,
    fact(text('Created'), when(pkg.createdAt, ctx.now)),
    fact(text('Last downloaded'), pkg.lastDownloadedAt === null ? text('never') : when(pkg.lastDownloadedAt, ctx.now)),
    p
      ? {
          label: text('Pipeline'),
          value: verbatim([p.id !== undefined ? `#${p.id}` : undefined, p.ref, p.status].filter(Boolean).join(' · ')),
          link: sameOriginUrl(p.webUrl, ctx.instanceUrl),
        }
      : undefined,
    p?.userName ? { label: text('Published by'), value: verbatim(p.userName) } : undefined,
    pkg.tags.length ? { label: text('Tags'), value: verbatim(pkg.tags.map((t) => t.name).join(', ')) } : undefined,
    pkg.versions
      ? { label: text('Other versions'), value: pkg.versions.length ? verbatim(pkg.versions.map((v) => v.version ?? '-').join(', ')) : text('none') }
      : undefined,
    pkg.webPath && sameOriginUrl(pkg.webPath, ctx.instanceUrl)
      ? { label: text('Web page'), value: verbatim(sameOriginUrl(pkg.webPath, ctx.instanceUrl) ?? ''), link: sameOriginUrl(pkg.webPath, ctx.instanceUrl) }
      : undefined,
  ];
  return facts.filter((f): f is Fact => f !== undefined);
}

export function fileFacts(file: PackageFile): Fact[] {
  const sums = checksumsOf(file);
  return [
    fact(text('Size'), file.size !== undefined ? text('{0} ({1} bytes)', humanSize(file.size), file.size) : undefined),
    fact(text('Created'), file.createdAt ? verbatim(dateTime(file.createdAt)) : undefined),
    ...(['sha256', 'sha1', 'md5'] as const).map((a) => ({
      label: verbatim(ALGORITHM_LABEL[a]),
      value: verbatim(sums.find((s) => s.algorithm === a)?.hex ?? 'n/a'),
    })),
  ].filter((f): f is Fact => f !== undefined);
}

function fact(label: Text, value: Text | undefined): Fact | undefined {
  return value ? { label, value } : undefined;
}
