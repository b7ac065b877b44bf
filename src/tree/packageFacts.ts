/**
 * Everything known about a package and its files as one list of facts: the tooltip and the
 * Package Details document are both drawn from it, so they can never disagree.
 */
import { ALGORITHM_LABEL, checksumsOf } from '../core/files/checksums';
import { ADMIN_MODE_NEEDED, ruleName, ruleText, type ProtectionRule } from '../core/protection/protectionRules';
import { sameOriginUrl } from '../core/browse/safeLink';
import { displayName, versionLabel, type Package, type PackageFile, type Pipeline } from '../gitlab/models';
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
  /** The pipelines read from `…/pipelines` (newest first), whether there are more, and whether a full read stopped short. */
  pipelines?: { items: readonly Pipeline[]; more: boolean; incomplete?: boolean; headersHidden?: boolean };
  /** The protection rule that covers the package, and why the user may not delete it. */
  rule?: ProtectionRule;
  refusal?: Text;
  /** An administrator under a rule that refuses their role: GitLab decides (Admin Mode). */
  adminModeDecides?: boolean;
}

/** A status as a symbol in front of its word (plain text: the details document has no icons). */
const STATUS_SYMBOL: Record<string, string> = {
  success: '✓',
  failed: '✗',
  running: '▶',
  pending: '◷',
  created: '○',
  waiting_for_resource: '◷',
  preparing: '◷',
  scheduled: '◷',
  manual: '⚙',
  canceled: '⊘',
  canceling: '⊘',
  skipped: '»',
};

/** `#9001 · main · 1a2b3c4d · ✓ success` (and ` · user` when asked). */
function pipelineText(p: Pipeline, withUser: boolean): string {
  const status = p.status ? `${STATUS_SYMBOL[p.status] ?? '•'} ${p.status}` : undefined;
  const parts = [p.id !== undefined ? `#${p.id}` : undefined, p.ref, p.sha?.slice(0, 8), status, withUser ? p.userName : undefined];
  return parts.filter(Boolean).join(' · ');
}

/** The latest pipeline as "Pipeline" with its user, the others as "Earlier pipeline"; the endpoint's list where it was read, else the package's own field. */
function pipelineFacts(pkg: Package, ctx: FactsContext): Fact[] {
  const list = ctx.pipelines?.items.length ? ctx.pipelines.items : pkg.pipeline ? [pkg.pipeline] : [];
  const facts: Fact[] = list.map((p, i) => ({
    label: i === 0 ? text('Pipeline') : text('Earlier pipeline'),
    value: verbatim(pipelineText(p, i > 0)),
    link: sameOriginUrl(p.webUrl, ctx.instanceUrl),
  }));
  if (list[0]?.userName) facts.splice(1, 0, { label: text('Published by'), value: verbatim(list[0].userName) });
  if (ctx.pipelines?.headersHidden) facts.push({ label: text('Earlier pipeline'), value: text('paging headers hidden, the list may be incomplete') });
  else if (ctx.pipelines?.incomplete)
    facts.push({ label: text('Earlier pipeline'), value: text('the list is incomplete: GitLab’s paging did not reach the end, more may exist') });
  else if (ctx.pipelines?.more) facts.push({ label: text('Earlier pipeline'), value: text('more in Show Package Details') });
  return facts;
}

function when(iso: string | null | undefined, now?: number): Text | undefined {
  const relative = relativeTime(iso, now);
  return iso && relative ? text('{0} ({1})', dateTime(iso), relative) : undefined;
}

export function packageTitle(pkg: Package): string {
  return `${plainLine(displayName(pkg), 300)} ${plainLine(versionLabel(pkg) ?? '')}`.trim();
}

export function packageFacts(pkg: Package, ctx: FactsContext): Fact[] {
  const facts: (Fact | undefined)[] = [
    { label: text('Type'), value: verbatim(pkg.packageType) },
    { label: text('Version'), value: pkg.version ? verbatim(pkg.version) : text('(no version)') },
    pkg.status ? { label: text('Status'), value: verbatim(pkg.status) } : undefined,
    (pkg.projectPath ?? ctx.projectPath) ? { label: text('Project'), value: verbatim(pkg.projectPath ?? ctx.projectPath ?? '') } : undefined,
    fact(text('Created'), when(pkg.createdAt, ctx.now)),
    fact(text('Last downloaded'), pkg.lastDownloadedAt === null ? text('never') : when(pkg.lastDownloadedAt, ctx.now)),
    ...pipelineFacts(pkg, ctx),
    ctx.rule ? { label: text('Protection'), value: text('{0} · {1}', ruleName(ctx.rule), ruleText(ctx.rule)) } : undefined,
    ctx.refusal ? { label: text('Deleting'), value: ctx.refusal } : undefined,
    ctx.adminModeDecides ? { label: text('Deleting'), value: text('GitLab decides: {0}', ADMIN_MODE_NEEDED) } : undefined,
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
