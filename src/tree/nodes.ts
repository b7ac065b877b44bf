/** Tree nodes as plain data with a parent link (how each looks is presentation.ts). */
import type { GitLabError } from '../gitlab/errors';
import type { InstanceStatus } from '../core/instances/instanceHealth';
import type { Package, PackageFile, Pipeline, Project } from '../gitlab/models';
import type { Text } from '../util/text';
import type { ProjectRef } from '../core/projects/projectRef';
import type { ProjectProtection, ProtectionRule } from '../core/protection/protectionRules';

/** With projects of several GitLab instances in use, the root lists the instances. */
export interface InstanceNode {
  kind: 'instance';
  id: string;
  parent?: undefined;
  instanceUrl: string;
  children: (SourceNode | ProjectErrorNode)[];
  /** What is known about its token and version (read from core each time: rowFacts.ts). */
  readonly status?: InstanceStatus;
  /** Only the workspace's settings name this instance, no user setting does. */
  workspaceNamed?: boolean;
}

/** What every row whose packages are listed has (a project or a group). */
interface SourceFields {
  id: string;
  /** Set when the root lists instances. */
  parent?: InstanceNode;
  ref: ProjectRef;
  /** The token's scopes are known and do not allow deleting: delete actions are hidden (read from core each time: rowFacts.ts). */
  readonly readOnly?: boolean;
  /** The active filter and sort, in words. */
  filterText?: Text;
  /** Its instance is named only by the workspace's settings, no user setting. */
  workspaceNamed?: boolean;
}

/** A project from the settings (or detected from a git remote), with its packages below. */
export interface ProjectNode extends SourceFields {
  kind: 'project';
  /** Present once `GET /projects/:id` answered. */
  project?: Project;
  /** Why the project could not be looked up (shown when it is expanded). */
  resolveError?: GitLabError;
  /** Found through a git remote of the workspace, not in the settings. */
  detected?: boolean;
  /** Its package protection rules and the user's role, once read (only for those who may read them; read from core each time: rowFacts.ts). */
  readonly protection?: ProjectProtection;
}

/** A group from the settings: the packages of all its projects (and subgroups') together. */
export interface GroupNode extends SourceFields {
  kind: 'group';
  /** Groups are not looked up; only projects have this. */
  project?: undefined;
}

/** A row whose packages are listed. */
export type SourceNode = ProjectNode | GroupNode;

/** A settings entry that cannot be used: bad syntax, not found, no access. */
export interface ProjectErrorNode {
  kind: 'projectError';
  id: string;
  parent?: undefined;
  entry: string;
  reason: Text;
}

export interface PackageNode {
  kind: 'package';
  id: string;
  parent: SourceNode;
  pkg: Package;
  /** The latest pipelines (`…/pipelines`), read when its tooltip is first shown. */
  pipelines?: { items: Pipeline[]; more: boolean };
}

/** With "group by name": one row per package name (and type; in a group, per project), its versions below. */
export interface NameNode {
  kind: 'packageName';
  id: string;
  parent: SourceNode;
  /** What the package rows below share (core/browse/packageName's nameKey). */
  key: string;
  /** The name a person knows (Conan: the package name, not a version's recipe). */
  name: string;
  packageType: string;
  /** In a group's list: the project the versions are in. */
  projectPath?: string;
  /** Its first version's status: a list filtered by status (hidden, processing) has only that one. */
  status?: string;
  versions: number;
}

export interface FileNode {
  kind: 'packageFile';
  id: string;
  parent: PackageNode;
  file: PackageFile;
}

/** "Protection Rules" under a project whose rules the user may read. */
export interface ProtectionRulesNode {
  kind: 'protectionRules';
  id: string;
  parent: ProjectNode;
}

export interface ProtectionRuleNode {
  kind: 'protectionRule';
  id: string;
  parent: ProtectionRulesNode;
  rule: ProtectionRule;
}

/** What a message row offers when clicked. */
export type RowAction = { kind: 'setToken'; origin: string } | { kind: 'retry' } | { kind: 'none' };

export interface MessageNode {
  kind: 'message';
  id: string;
  parent?: TreeNode;
  text: Text;
  /** Server text or a request path, shown as it is. */
  detail?: string;
  severity: 'info' | 'warning' | 'error';
  action: RowAction;
}

export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  parent: SourceNode | PackageNode;
  nextPage: number;
  loaded: number;
}

export type TreeNode =
  | InstanceNode
  | ProjectNode
  | GroupNode
  | ProjectErrorNode
  | NameNode
  | PackageNode
  | FileNode
  | ProtectionRulesNode
  | ProtectionRuleNode
  | MessageNode
  | LoadMoreNode;
