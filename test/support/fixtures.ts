/** Extra registry content some command tests need on top of the sample seed. */
import type { Fault } from '../fake-gitlab/faults';
import type { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE } from '../fake-gitlab/seed';

export const HUGE_PROJECT = { id: 300, path: 'acme/huge' } as const;

/** A project past GitLab's 10,000-row count: its listing carries no totals, so paging stops at "Load more…". */
export function addHugeProject(fake: FakeGitLab): void {
  fake.addProject({ id: HUGE_PROJECT.id, pathWithNamespace: HUGE_PROJECT.path, members: { [SAMPLE.userId]: 50 } });
  fake.addPackagesBulk(HUGE_PROJECT.id, 10_050);
}

/**
 * The project's listing (newest first, 100 per page) as a server answers that sends no
 * `x-total`/`x-total-pages` (old GitLab, some proxies): read from the fake, then scripted as its
 * answers. The first of them is scripted at once; the others are returned for the test to script.
 */
export async function listingWithoutTotals(
  h: { fake: FakeGitLab },
  projectId: number,
  pages: number,
  firstPage = 1,
): Promise<{ path: string; names: string[]; responses: Fault[] }> {
  const path = `/api/v4/projects/${projectId}/packages`;
  const responses: Fault[] = [];
  const names: string[] = [];
  for (let page = firstPage; page < firstPage + pages; page++) {
    const res = await fetch(`${h.fake.url}${path}?order_by=created_at&sort=desc&per_page=100&page=${page}`, { headers: { 'PRIVATE-TOKEN': SAMPLE.apiToken } });
    const body = (await res.json()) as { name: string }[];
    names.push(...body.map((p) => p.name));
    const next = res.headers.get('x-next-page') ?? '';
    responses.push({
      status: 200,
      body,
      headers: { 'x-page': String(page), 'x-per-page': '100', 'x-next-page': next, 'x-prev-page': page > 1 ? String(page - 1) : '' },
    });
  }
  h.fake.clearRequests();
  h.fake.fail({ method: 'GET', path }, responses[0]);
  return { path, names, responses };
}
