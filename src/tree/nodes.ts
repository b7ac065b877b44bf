/**
 * Tree nodes as plain data with a parent link, and how each looks (label, description,
 * tooltip Markdown, icon, context value). Pure: the VS Code adapter only copies these fields.
 */
import type { GitLabError } from '../gitlab/errors';
import { EXPIRY_WARNING_DAYS, expiryPhrase } from '../core/instanceFacts';
import type { InstanceStatus } from '../core/instanceHealth';
import { displayName, type Package, type PackageFile, type Project } from '../gitlab/models';
import type { ProjectRef } from '../core/projectRef';
import { ALGORITHM_LABEL, checksumsOf } from '../core/checksums';
import { dateTime, humanSize, plainLine, relativeTime, shortDate } from '../util/format';
import { escapeMarkdown } from '../util/markdown';
import { safeLink } from './packageFacts';

/** With projects of several GitLab instances in use, the root lists the instances. */
export interface InstanceNode {
  kind: 'instance';
  id: string;
  parent?: undefined;
  instanceUrl: string;
  children: (ProjectNode | ProjectErrorNode)[];
  /** What is known about its token and version (filled in after the first check). */
  status?: InstanceStatus;
}

/** A project — or, with `scope: 'group'`, a group whose packages across its projects are listed. */
export interface ProjectNode {
  kind: 'project';
  id: string;
  /** Set when the root lists instances. */
  parent?: InstanceNode;
  scope?: 'group';
  ref: ProjectRef;
  /** Present once `GET /projects/:id` answered. */
  project?: Project;
  /** Why the project could not be looked up (shown when it is expanded). */
  resolveError?: GitLabError;
  /** The token's scopes are known and do not allow deleting: delete actions are hidden. */
  readOnly?: boolean;
  /** The active filter and sort, in words. */
  filterText?: string;
  /** Found through a git remote of the workspace, not in the settings. */
  detected?: boolean;
}

/** A settings entry that cannot be used: bad syntax, not found, no access. */
export interface ProjectErrorNode {
  kind: 'projectError';
  id: string;
  parent?: undefined;
  entry: string;
  reason: string;
}

export interface PackageNode {
  kind: 'package';
  id: string;
  parent: ProjectNode;
  pkg: Package;
}

/** With "group by name": one row per package name (and type), its versions below. */
export interface NameNode {
  kind: 'packageName';
  id: string;
  parent: ProjectNode;
  /** `type:name`, what the package rows below share. */
  key: string;
  name: string;
  packageType: string;
  versions: number;
}

export interface FileNode {
  kind: 'packageFile';
  id: string;
  parent: PackageNode;
  file: PackageFile;
}

/** What a message row offers when clicked. */
export type RowAction = { kind: 'setToken'; origin: string } | { kind: 'retry' } | { kind: 'none' };

export interface MessageNode {
  kind: 'message';
  id: string;
  parent?: TreeNode;
  text: string;
  detail?: string;
  severity: 'info' | 'warning' | 'error';
  action: RowAction;
}

export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  parent: ProjectNode | PackageNode;
  nextPage: number;
  loaded: number;
}

export type TreeNode = InstanceNode | ProjectNode | ProjectErrorNode | NameNode | PackageNode | FileNode | MessageNode | LoadMoreNode;

export interface Presentation {
  label: string;
  description?: string;
  /** Markdown with all server text escaped. */
  tooltip?: string;
  /** A codicon id. */
  icon?: string;
  /** Tints the icon for packages that need attention. */
  iconColor?: 'error' | 'warning' | 'muted';
  contextValue: string;
  collapsible: boolean;
  /** Open when first shown. */
  expanded?: boolean;
}

/**
 * What a delete is about, whichever row it came from: a package listed under a group and under
 * its project is one package (ids are unique per instance), and gets one DELETE.
 */
export function deletionKey(node: PackageNode | FileNode): string {
  return node.kind === 'package' ? `${node.parent.ref.origin}|package:${node.pkg.id}` : `${node.parent.parent.ref.origin}|file:${node.file.id}`;
}

/** One row per package or file: the same one selected under its group and its project goes once. */
export function uniqueDeletions<T extends PackageNode | FileNode>(nodes: T[]): T[] {
  const seen = new Set<string>();
  return nodes.filter((n) => !seen.has(deletionKey(n)) && !!seen.add(deletionKey(n)));
}

/** Old servers send no `_links`: deletion may be possible, a 403 then explains. */
export function isDeletable(pkg: Package): boolean {
  return pkg.deleteApiPath !== undefined || !pkg.hasLinks;
}

const TYPE_ICONS: Record<string, string> = {
  maven: 'coffee',
  npm: 'json',
  pypi: 'symbol-namespace',
  nuget: 'symbol-class',
  generic: 'package',
  helm: 'server',
  conan: 'symbol-method',
  composer: 'symbol-interface',
  golang: 'symbol-module',
  terraform_module: 'cloud',
  debian: 'terminal-debian',
  rubygems: 'ruby',
  rpm: 'terminal-linux',
  ml_model: 'beaker',
};

const STATUS_COLOR: Record<string, Presentation['iconColor']> = {
  error: 'error',
  processing: 'warning',
  pending_destruction: 'muted',
  hidden: 'muted',
  deprecated: 'muted',
};

export function packageIcon(packageType: string): string {
  return TYPE_ICONS[packageType] ?? 'package';
}

export function projectLabel(node: ProjectNode): string {
  return (
    node.project?.pathWithNamespace ?? (typeof node.ref.key === 'number' ? `${node.scope === 'group' ? 'Group' : 'Project'} #${node.ref.key}` : node.ref.key)
  );
}

/** The project a package row belongs to (in a group's list, the package's own project). */
export function packageProjectLabel(node: PackageNode): string {
  return node.pkg.projectPath ?? projectLabel(node.parent);
}

export function packageDescription(pkg: Package): string {
  const parts = [pkg.version ?? '(no version)', pkg.packageType];
  if (pkg.status && pkg.status !== 'default') parts.push(pkg.status);
  if (pkg.projectPath) parts.push(pkg.projectPath);
  return parts.map((p) => plainLine(p)).join(' · ');
}

export function present(node: TreeNode): Presentation {
  switch (node.kind) {
    case 'instance':
      return {
        label: instanceLabel(node.instanceUrl),
        description: instanceDescription(node.status),
        tooltip: instanceTooltip(node),
        icon: 'server',
        iconColor: node.status && (!node.status.hasToken || (node.status.token.daysLeft ?? Infinity) <= EXPIRY_WARNING_DAYS) ? 'warning' : undefined,
        contextValue: 'instance',
        collapsible: true,
        expanded: true,
      };
    case 'project':
      return {
        label: projectLabel(node),
        description:
          [node.scope === 'group' ? 'group' : undefined, node.detected ? 'detected' : undefined, node.filterText].filter(Boolean).join(' · ') || undefined,
        tooltip: projectTooltip(node),
        icon: node.scope === 'group' ? 'organization' : 'repo',
        contextValue: node.scope === 'group' ? 'group' : node.detected ? 'project.detected' : 'project',
        collapsible: true,
      };
    case 'projectError':
      return {
        label: plainLine(node.entry) || '(empty entry)',
        description: plainLine(node.reason),
        tooltip: `**${escapeMarkdown(node.entry)}**\n\n${escapeMarkdown(node.reason)}`,
        icon: 'error',
        contextValue: 'projectError',
        collapsible: false,
      };
    case 'packageName':
      return {
        label: plainLine(node.name, 300),
        description: `${node.versions} version${node.versions === 1 ? '' : 's'} · ${plainLine(node.packageType)}`,
        icon: packageIcon(node.packageType),
        contextValue: 'packageName',
        collapsible: true,
      };
    case 'package':
      return {
        label: plainLine(displayName(node.pkg), 300),
        description: packageDescription(node.pkg),
        tooltip: packageTooltip(node.pkg, node.parent.ref.instanceUrl),
        icon: packageIcon(node.pkg.packageType),
        iconColor: STATUS_COLOR[node.pkg.status ?? 'default'],
        contextValue: isDeletable(node.pkg) && !node.parent.readOnly ? 'package.deletable' : 'package',
        collapsible: true,
      };
    case 'packageFile':
      return {
        label: plainLine(node.file.fileName, 300),
        description: [humanSize(node.file.size), shortDate(node.file.createdAt)].filter(Boolean).join(' · '),
        tooltip: fileTooltip(node.file),
        contextValue: isDeletable(node.parent.pkg) && !node.parent.parent.readOnly ? 'packageFile.deletable' : 'packageFile',
        collapsible: false,
      };
    case 'message':
      return {
        label: node.text,
        description: node.detail ? plainLine(node.detail) : undefined,
        tooltip: node.detail ? escapeMarkdown(node.detail) : undefined,
        icon: node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info',
        contextValue: node.action.kind === 'setToken' ? 'tokenMessage' : node.severity === 'info' ? 'message' : 'errorMessage',
        collapsible: false,
      };
    case 'loadMore':
      return { label: 'Load more…', description: `${node.loaded} loaded`, icon: 'ellipsis', contextValue: 'loadMore', collapsible: false };
  }
}

function withRelative(iso: string | undefined): string | undefined {
  return iso ? `${dateTime(iso)} (${relativeTime(iso)})` : undefined;
}

function row(name: string, value: string | undefined): string | undefined {
  return value ? `| ${name} | ${escapeMarkdown(value)} |` : undefined;
}

function table(rows: (string | undefined)[]): string {
  return ['| | |', '|---|---|', ...rows.filter((r): r is string => r !== undefined)].join('\n');
}

/** `gitlab.example.com`, or `host/gitlab` for an instance under a sub-path. */
export function instanceLabel(instanceUrl: string): string {
  const u = new URL(instanceUrl);
  return u.host + u.pathname.replace(/\/+$/, '');
}

function instanceDescription(s: InstanceStatus | undefined): string | undefined {
  if (!s) return undefined;
  if (!s.hasToken) return 'no token';
  const parts = [
    s.token.daysLeft !== undefined && s.token.daysLeft <= EXPIRY_WARNING_DAYS ? `token ${expiryPhrase(s.token.daysLeft)}` : undefined,
    s.token.canDelete === false ? 'read-only token' : undefined,
    s.version ? `GitLab ${s.version.major}.${s.version.minor}` : undefined,
  ];
  return parts.filter(Boolean).join(' · ') || undefined;
}

function instanceTooltip(node: InstanceNode): string {
  const s = node.status;
  const token = s ? (s.hasToken ? (s.token.name ? `"${s.token.name}"` : 'set') : 'none') : undefined;
  return (
    `**${escapeMarkdown(instanceLabel(node.instanceUrl))}**\n\n` +
    table([
      row('URL', node.instanceUrl),
      row('GitLab', s?.version?.text),
      row('Token', token),
      row('Scopes', s?.token.scopes?.join(', ')),
      row(
        'Expires',
        s?.token.expiresOn ? `${s.token.expiresOn} (${expiryPhrase(s.token.daysLeft ?? 0)})` : s?.hasToken && s.token.scopes ? 'never' : undefined,
      ),
      s?.token.canDelete === false ? row('Note', 'This token can browse but not delete (it lacks the api scope).') : undefined,
    ])
  );
}

function projectTooltip(node: ProjectNode): string {
  return (
    `**${escapeMarkdown(projectLabel(node))}**\n\n` +
    table([row('Instance', node.ref.instanceUrl), row('Project ID', node.project ? String(node.project.id) : undefined)])
  );
}

export function packageTooltip(pkg: Package, instanceUrl: string): string {
  const p = pkg.pipeline;
  return (
    `**${escapeMarkdown(plainLine(displayName(pkg), 300))}**\n\n` +
    table([
      row('Type', pkg.packageType),
      row('Version', pkg.version ?? '(no version)'),
      row('Status', pkg.status),
      row('Project', pkg.projectPath),
      row('Created', withRelative(pkg.createdAt)),
      row('Last downloaded', pkg.lastDownloadedAt === null ? 'never' : withRelative(pkg.lastDownloadedAt)),
      p
        ? `| Pipeline | ${safeLink([p.ref, p.status, p.id !== undefined ? `#${p.id}` : undefined].filter(Boolean).join(' · '), p.webUrl, instanceUrl)} |`
        : undefined,
      row('Tags', pkg.tags.length ? pkg.tags.map((t) => t.name).join(', ') : undefined),
      row('Other versions', pkg.versions ? pkg.versions.map((v) => v.version ?? '(no version)').join(', ') || 'none' : undefined),
    ])
  );
}

export function fileTooltip(file: PackageFile): string {
  const sums = checksumsOf(file);
  return (
    `**${escapeMarkdown(plainLine(file.fileName, 300))}**\n\n` +
    table([
      row('Size', file.size !== undefined ? `${humanSize(file.size)} (${file.size} bytes)` : undefined),
      row('Created', dateTime(file.createdAt)),
      ...(['sha256', 'sha1', 'md5'] as const).map((a) => row(ALGORITHM_LABEL[a], sums.find((s) => s.algorithm === a)?.hex ?? 'n/a')),
    ])
  );
}
