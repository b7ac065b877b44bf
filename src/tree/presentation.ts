/**
 * How each row looks: label, description, tooltip facts, icon, context value. Pure and
 * structured (Texts, facts): tree/treeItems.ts words it and renders the tooltip Markdown.
 */
import { isDeletable, refusedBy } from '../core/delete/deletion';
import { refusalOf } from './deletions';
import type { InstanceStatus } from '../core/instances/instanceHealth';
import { EXPIRY_WARNING_DAYS, expiryPhrase } from '../core/tokens/tokenFacts';
import { displayName, versionLabel, type Package } from '../gitlab/models';
import { humanSize, plainLine, shortDate } from '../util/format';
import { joinTexts, text, verbatim, type Text } from '../util/text';
import type { InstanceNode, PackageNode, SourceNode, TreeNode } from './nodes';
import { fileFacts, packageFacts, type Fact } from './packageFacts';
import type { Presentation, Tooltip } from './presentationTypes';
import { packageProtection } from './packageProtection';
import { presentRule, presentRules } from './rulePresentation';

export type { Presentation, Tooltip } from './presentationTypes';

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

export function projectLabel(node: SourceNode): string {
  if (node.project) return node.project.pathWithNamespace;
  return typeof node.ref.key === 'number' ? `${node.kind === 'group' ? 'Group' : 'Project'} #${node.ref.key}` : node.ref.key;
}

/** The project a package row belongs to (in a group's list, the package's own project). */
export function packageProjectLabel(node: Pick<PackageNode, 'pkg' | 'parent'>): string {
  return node.pkg.projectPath ?? projectLabel(node.parent);
}

/** `name version` (Conan: `Hello 0.2@user/channel`), as dialogs and messages name a package. */
export function packageLabel(pkg: Package): string {
  return `${displayName(pkg)} ${versionLabel(pkg) ?? ''}`.trim();
}

export function packageDescription(pkg: Package): string {
  const parts = [versionLabel(pkg) ?? '-', pkg.packageType];
  if (pkg.status && pkg.status !== 'default') parts.push(pkg.status);
  // npm dist-tags (`latest`, `next`), as GitLab's list shows them.
  if (pkg.tags.length) parts.push(pkg.tags.map((t) => t.name).join(', '));
  if (pkg.projectPath) parts.push(pkg.projectPath);
  return parts.map((p) => plainLine(p)).join(' · ');
}

/** `gitlab.example.com`, or `host/gitlab` for an instance under a sub-path. */
export function instanceLabel(instanceUrl: string): string {
  const u = new URL(instanceUrl);
  return u.host + u.pathname.replace(/\/+$/, '');
}

export function present(node: TreeNode): Presentation {
  switch (node.kind) {
    case 'instance':
      return {
        label: verbatim(instanceLabel(node.instanceUrl)),
        description: joinTexts([node.workspaceNamed ? FROM_WORKSPACE : undefined, instanceDescription(node.status)]),
        tooltip: instanceTooltip(node),
        icon: 'server',
        iconColor: node.status && (!node.status.hasToken || (node.status.token.daysLeft ?? Infinity) <= EXPIRY_WARNING_DAYS) ? 'warning' : undefined,
        contextValue: 'instance',
        collapsible: true,
        expanded: true,
      };
    case 'project':
      return {
        label: verbatim(projectLabel(node)),
        description: joinTexts([node.detected ? text('detected') : undefined, fromWorkspace(node), node.filterText]),
        tooltip: sourceTooltip(node),
        icon: 'repo',
        contextValue: node.detected ? 'project.detected' : 'project',
        collapsible: true,
      };
    case 'group':
      return {
        label: verbatim(projectLabel(node)),
        description: joinTexts([text('group'), fromWorkspace(node), node.filterText]),
        tooltip: sourceTooltip(node),
        icon: 'organization',
        contextValue: 'group',
        collapsible: true,
      };
    case 'projectError':
      return {
        label: verbatim(plainLine(node.entry) || '-'),
        description: node.reason,
        tooltip: { title: node.entry, facts: [], note: node.reason },
        icon: 'error',
        contextValue: 'projectError',
        collapsible: false,
      };
    case 'packageName':
      return {
        label: verbatim(plainLine(node.name, 300)),
        description: joinTexts([
          node.versions === 1 ? text('1 version') : text('{0} versions', node.versions),
          verbatim(plainLine(node.packageType)),
          node.projectPath === undefined ? undefined : verbatim(plainLine(node.projectPath)),
        ]),
        icon: packageIcon(node.packageType),
        contextValue: 'packageName',
        collapsible: true,
      };
    case 'package': {
      const protection = packageProtection(node);
      const { rule } = protection;
      const refusal = refusedBy(node.pkg, protection);
      return {
        label: verbatim(plainLine(displayName(node.pkg), 300)),
        description: joinTexts([verbatim(packageDescription(node.pkg)), rule ? PROTECTED : undefined]),
        // Built when read (on hover): a list of 10,000 rows does not work out 10,000 tooltips.
        get tooltip(): Tooltip {
          const facts = packageFacts(node.pkg, { instanceUrl: node.parent.ref.instanceUrl, pipelines: node.pipelines, ...protection, refusal });
          return { title: plainLine(displayName(node.pkg), 300), facts };
        },
        icon: packageIcon(node.pkg.packageType),
        iconColor: STATUS_COLOR[node.pkg.status ?? 'default'],
        contextValue: mayOfferDelete(node, refusal) ? 'package.deletable' : 'package',
        collapsible: true,
      };
    }
    case 'packageFile':
      return {
        label: verbatim(plainLine(node.file.fileName, 300)),
        description: verbatim([humanSize(node.file.size), shortDate(node.file.createdAt)].filter(Boolean).join(' · ')),
        get tooltip(): Tooltip {
          return { title: plainLine(node.file.fileName, 300), facts: fileFacts(node.file) };
        },
        contextValue: mayOfferDelete(node.parent, refusalOf(node.parent)) ? 'packageFile.deletable' : 'packageFile',
        collapsible: false,
      };
    case 'protectionRules':
      return presentRules(node);
    case 'protectionRule':
      return presentRule(node);
    case 'message':
      return {
        label: node.text,
        description: node.detail ? verbatim(plainLine(node.detail)) : undefined,
        tooltip: node.detail ? { title: '', facts: [], note: verbatim(node.detail) } : undefined,
        icon: node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info',
        contextValue: node.action.kind === 'setToken' ? 'tokenMessage' : node.action.kind === 'retry' ? 'errorMessage' : 'message',
        collapsible: false,
      };
    case 'loadMore':
      return { label: text('Load more…'), description: text('{0} loaded', node.loaded), icon: 'ellipsis', contextValue: 'loadMore', collapsible: false };
  }
}

const FROM_WORKSPACE = text("from this workspace's settings");
const PROTECTED = text('🔒 protected');

/** Delete is offered where GitLab offers it, the token may delete, and neither the package's status nor a rule refuses it. */
function mayOfferDelete(node: PackageNode, refusal: Text | undefined): boolean {
  return isDeletable(node.pkg) && !node.parent.readOnly && !refusal;
}
const WORKSPACE_NOTE = text(
  "This instance is named only by this workspace's settings (.vscode/settings.json), not by your user settings. Give it a token only if that host issued it.",
);

/** Marked on the row itself only when no instance row above it says so already. */
function fromWorkspace(node: SourceNode): Text | undefined {
  return node.workspaceNamed && !node.parent ? FROM_WORKSPACE : undefined;
}

function sourceTooltip(node: SourceNode): Tooltip {
  const facts: Fact[] = [{ label: text('Instance'), value: verbatim(node.ref.instanceUrl) }];
  if (node.project) facts.push({ label: text('Project ID'), value: verbatim(String(node.project.id)) });
  return { title: projectLabel(node), facts, note: node.workspaceNamed ? WORKSPACE_NOTE : undefined };
}

function instanceDescription(s: InstanceStatus | undefined): Text | undefined {
  if (!s) return undefined;
  if (!s.hasToken) return text('no token');
  return joinTexts([
    s.token.daysLeft !== undefined && s.token.daysLeft <= EXPIRY_WARNING_DAYS ? text('token {0}', expiryPhrase(s.token.daysLeft)) : undefined,
    s.token.canDelete === false ? text('read-only token') : undefined,
    s.version ? text('GitLab {0}', `${s.version.major}.${s.version.minor}`) : undefined,
  ]);
}

function instanceTooltip(node: InstanceNode): Tooltip {
  const s = node.status;
  const token = s ? (s.hasToken ? (s.token.name ? verbatim(`"${s.token.name}"`) : text('set')) : text('none')) : undefined;
  const expires = s?.token.expiresOn
    ? text('{0} ({1})', s.token.expiresOn, expiryPhrase(s.token.daysLeft ?? 0))
    : s?.hasToken && s.token.scopes
      ? text('never')
      : undefined;
  const facts: (Fact | undefined)[] = [
    { label: text('URL'), value: verbatim(node.instanceUrl) },
    s?.version ? { label: text('GitLab'), value: verbatim(s.version.text) } : undefined,
    token ? { label: text('Token'), value: token } : undefined,
    s?.token.scopes ? { label: text('Scopes'), value: verbatim(s.token.scopes.join(', ')) } : undefined,
    expires ? { label: text('Expires'), value: expires } : undefined,
  ];
  return {
    title: instanceLabel(node.instanceUrl),
    facts: facts.filter((f): f is Fact => f !== undefined),
    note: joinTexts([
      node.workspaceNamed ? WORKSPACE_NOTE : undefined,
      s?.token.canDelete === false ? text('This token can browse but not delete (it lacks the api scope).') : undefined,
    ]),
  };
}
