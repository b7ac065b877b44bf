/**
 * GitLab's package types: the `package_type` enum of app/models/packages/package.rb, which the
 * API validates `package_type` against (lib/api/project_packages.rb: an unknown value is a 400).
 * The filter and the clean-up rule offer and accept these.
 */
import { supports, type GitLabVersion } from '../instances/versionGates';

export const PACKAGE_TYPES = [
  'maven',
  'npm',
  'pypi',
  'nuget',
  'generic',
  'helm',
  'conan',
  'composer',
  'golang',
  'debian',
  'rubygems',
  'rpm',
  'terraform_module',
  'ml_model',
];

/**
 * `order_by=type` sorts by the enum's number, not the name (app/models/packages/package.rb:
 * `scope :order_type, -> { reorder(package_type: :asc) }`), so maven comes first and generic
 * after composer. A type this list does not know yet goes last, by name.
 */
const GITLAB_TYPE_ORDER = 'maven npm conan nuget pypi composer generic golang debian rubygems helm terraform_module rpm ml_model'.split(' ');

export function compareTypesAsGitLab(a: string, b: string): number {
  const rank = (t: string): number => {
    const i = GITLAB_TYPE_ORDER.indexOf(t);
    return i < 0 ? GITLAB_TYPE_ORDER.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Types GitLab's package lists leave out unless `package_type` names them (app/finders/packages/packages_finder.rb `base`). */
export const LISTED_WHEN_ASKED = ['terraform_module'];

/** The types a server has that a clean-up may ask for: terraform_module only from 13.11 on (an older GitLab answers 400 to it). */
export function typesOn(version: GitLabVersion | undefined): string[] {
  return supports(version, 'terraformModules') ? PACKAGE_TYPES : PACKAGE_TYPES.filter((t) => t !== 'terraform_module');
}
