/**
 * Which pipelines published a package: `GET …/packages/:id/pipelines` (GitLab 16.1+, keyset
 * paging, newest first) where the server has it and the package's status allows it (the
 * endpoint answers 404 unless the status is `default` or `deprecated`); otherwise nothing, and
 * the package's own `pipeline` field stands.
 */
import type { GitLabClient } from '../../gitlab/client';
import { isGitLabError } from '../../gitlab/errors';
import type { Package, Pipeline } from '../../gitlab/models';
import type { ProjectKey } from '../../gitlab/types';
import { supports, type GitLabVersion } from '../instances/versionGates';

export interface PipelineList {
  items: Pipeline[];
  /** There are older ones than these. */
  more: boolean;
  /** Asked for every pipeline, the server's paging did not reach the end (it repeated a cursor, or ran past the bound). */
  incomplete?: boolean;
  /** …because the paging header (`Link`) was hidden from us and a page was full. */
  headersHidden?: boolean;
}

const NONE: PipelineList = { items: [], more: false };

export function mayListPipelines(pkg: Pick<Package, 'status'>, version: GitLabVersion | undefined): boolean {
  return supports(version, 'packagePipelines') && (pkg.status === undefined || pkg.status === 'default' || pkg.status === 'deprecated');
}

/** The latest `count` pipelines (a tooltip shows one or two). */
export function latestPipelines(
  client: GitLabClient,
  project: ProjectKey,
  pkg: Package,
  version: GitLabVersion | undefined,
  count: number,
  signal?: AbortSignal,
): Promise<PipelineList> {
  if (!mayListPipelines(pkg, version)) return Promise.resolve(NONE);
  return orNone(client.packagePipelinesPage(project, pkg.id, undefined, count, signal).then((page) => ({ items: page.items, more: page.next !== undefined })));
}

/** Every pipeline, the cursor followed to the end (bounded; `incomplete` when it stopped before the end). */
export function allPipelines(
  client: GitLabClient,
  project: ProjectKey,
  pkg: Package,
  version: GitLabVersion | undefined,
  signal?: AbortSignal,
): Promise<PipelineList> {
  if (!mayListPipelines(pkg, version)) return Promise.resolve(NONE);
  return orNone(
    client
      .allPackagePipelines(project, pkg.id, signal)
      .then((all) => ({ items: all.items, more: !all.complete, incomplete: !all.complete || undefined, headersHidden: all.unsure })),
  );
}

/** A 404 (an older server without the endpoint, a package that changed status) is "none known". */
async function orNone(list: Promise<PipelineList>): Promise<PipelineList> {
  try {
    return await list;
  } catch (e) {
    if (isGitLabError(e) && e.kind === 'notFound') return NONE;
    throw e;
  }
}
