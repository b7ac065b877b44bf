/** Which project owns a package, as the API wants it named. */
import type { Package, Project } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import type { ProjectRef } from '../projects/projectRef';

/** Where a package was listed: a project (or group) entry, and what GitLab said about it. */
export interface ListedUnder {
  ref: ProjectRef;
  /** Present once `GET /projects/:id` answered (never for a group). */
  project?: Project;
}

/**
 * The package's own project (a group's list names it), else the listed project's id, else the
 * entry as the user wrote it (a path or an id; GitLab accepts both).
 */
export function owningProject(pkg: Pick<Package, 'projectId'>, listedUnder: ListedUnder): ProjectKey {
  return pkg.projectId ?? listKey(listedUnder);
}

/** How a listed project (or group) is named to the API: its id once known, else the entry's path or id. */
export function listKey(listed: ListedUnder): ProjectKey {
  return listed.project?.id ?? listed.ref.key;
}
