/**
 * Reads a project's protection rules when the server has them (17.6+) and the user may read
 * them (Maintainer or more): anyone else sees nothing of protection, never an error. The
 * result is what deletes, clean-up and the tree need: the rules and the user's role.
 */
import type { GitLabClient } from '../../gitlab/client';
import { isGitLabError } from '../../gitlab/errors';
import type { Project } from '../../gitlab/models';
import { ACCESS_LEVELS, deleteRefusal, MAY_READ_RULES, type AdminStanding, type ProjectProtection } from './protectionRules';
import { supports, type GitLabVersion } from '../instances/versionGates';

/** True when asking for the rules can succeed: a new enough server, a role that is not known to be too low. */
export function mayReadRules(project: Pick<Project, 'accessLevel'>, version: GitLabVersion | undefined): boolean {
  return supports(version, 'protectionRules') && (project.accessLevel === undefined || project.accessLevel >= MAY_READ_RULES);
}

/**
 * The project's rules and the user's role, or undefined when they cannot be read (too old a
 * server, too low a role, a 403 or 404, a failure: the list of packages says what failed).
 * `adminStanding` is asked when a rule would refuse the user's role (an administrator is refused
 * by no rule here: GitLab decides; undefined when not one, or unknown). A cancelled read is
 * thrown, so a replaced load never caches "no rules".
 */
export async function loadProtection(
  client: GitLabClient,
  project: Project,
  version: GitLabVersion | undefined,
  signal?: AbortSignal,
  adminStanding: () => Promise<AdminStanding | undefined> = () => Promise.resolve(undefined),
  currentUserId: () => Promise<number | undefined> = () => Promise.resolve(undefined),
): Promise<ProjectProtection | undefined> {
  if (!mayReadRules(project, version)) return undefined;
  try {
    const rules = await client.protectionRules(project.id, signal);
    const refuses = (level: number | undefined): boolean => rules.some((r) => deleteRefusal(r, level));
    // `permissions` shows the member record; GitLab checks a personal project's owner as Owner
    // (app/models/user.rb max_member_access_for_project), a record of Maintainer from before 14.9 or not.
    let accessLevel = project.accessLevel;
    if (project.personalOwnerId !== undefined && refuses(accessLevel) && (await currentUserId()) === project.personalOwnerId)
      accessLevel = Math.max(accessLevel ?? 0, ACCESS_LEVELS.owner);
    // Only asked when a rule would refuse the user's role otherwise.
    const admin = refuses(accessLevel) ? await adminStanding() : undefined;
    return { rules, accessLevel, ...(admin ? { admin } : {}) };
  } catch (e) {
    if (signal?.aborted || (isGitLabError(e) && e.kind === 'cancelled')) throw e;
    return undefined;
  }
}
