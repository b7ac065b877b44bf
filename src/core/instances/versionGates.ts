/**
 * Which GitLab version brought which part of the API we use, and the "needs GitLab ≥ X" text
 * when a server is older. Versions come from `GET /version` (`18.1.1-ee`, `15.2-pre`).
 */
import { text, type Text } from '../../util/text';

export interface GitLabVersion {
  major: number;
  minor: number;
  patch: number;
  /** As the server wrote it. */
  text: string;
}

export function parseGitLabVersion(text: string): GitLabVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text.trim() };
}

export type Feature =
  | 'groupPackages'
  | 'listFilters'
  | 'statusFilter'
  | 'groupNameFilter'
  | 'versionFilter'
  | 'deletePackageFile'
  | 'tokenInfo'
  | 'packagePipelines'
  | 'protectionRules'
  | 'deleteProtection'
  | 'fileOrdering'
  | 'fileIdOrder'
  | 'downloadById'
  | 'terraformModules';

/** [major, minor] it arrived in, and how to name it in a sentence. */
export const FEATURES: Record<Feature, { since: [number, number]; what: Text }> = {
  groupPackages: { since: [12, 5], what: text('Listing a group’s packages') },
  listFilters: { since: [12, 9], what: text('Filtering packages by type or name on the server') },
  statusFilter: { since: [13, 9], what: text('Filtering packages by status') },
  groupNameFilter: { since: [13, 0], what: text('Filtering a group’s packages by name on the server') },
  versionFilter: { since: [16, 6], what: text('Filtering packages by version on the server') },
  deletePackageFile: { since: [13, 12], what: text('Deleting a single package file') },
  tokenInfo: { since: [15, 5], what: text('Reading the token’s scopes and expiry') },
  packagePipelines: { since: [16, 1], what: text('Listing every pipeline that published a package') },
  protectionRules: { since: [17, 6], what: text('Package protection rules') },
  deleteProtection: { since: [17, 11], what: text('Protecting packages against deletion by role') },
  // In GitLab's 18.x source, not in the 17.x docs (the minor is not pinned); older servers ignore the parameters.
  fileOrdering: { since: [18, 0], what: text('Sorting package files on the server') },
  // lib/api/package_files.rb: before 14.9 the file list had no ORDER BY; since then ascending by id.
  fileIdOrder: { since: [14, 9], what: text('Listing files in id order') },
  downloadById: { since: [18, 4], what: text('Downloading any package file by its id') },
  // The Infrastructure Registry (13.11) brought `terraform_module` to the package_type enum.
  terraformModules: { since: [13, 11], what: text('Terraform modules') },
};

/** Unknown versions are given the benefit of the doubt: the server's answer then decides. */
export function supports(version: GitLabVersion | undefined, feature: Feature): boolean {
  if (!version) return true;
  const [major, minor] = FEATURES[feature].since;
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** `undefined` when supported; else e.g. "Deleting a single package file needs GitLab 13.12 or later; gitlab.example.com runs 12.10.0." */
export function unsupportedMessage(version: GitLabVersion | undefined, feature: Feature, host: string): Text | undefined {
  if (supports(version, feature) || !version) return undefined;
  const { since, what } = FEATURES[feature];
  return text('{0} needs GitLab {1} or later; {2} runs {3}.', what, since.join('.'), host, version.text);
}
