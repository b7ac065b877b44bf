/** Registries for the clean-up tests: versions spread over the past year, dated from now (the command evaluates against the clock). */
import type { FakeGitLab } from '../fake-gitlab/server';
import { SAMPLE } from '../fake-gitlab/seed';

export const RETENTION = { id: 400, path: 'acme/retention' } as const;
export const MANY = { id: 401, path: 'acme/many', versions: 130 } as const;

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

/**
 * 14 packages. With "older than 90 days" the candidates are, in preview order:
 * @acme/ui 0.8.0; broken 0.0.1; guarded 1 (protected: GitLab refuses it); lib 1.2.0,
 * 2.0.0-SNAPSHOT, 1.1.0, 1.0.0. Kept: @acme/ui 0.9.0 and 1.0.0 (dist-tags), the newest of each
 * name, and what is younger.
 */
export function addRetentionProject(fake: FakeGitLab): void {
  fake.addProject({ id: RETENTION.id, pathWithNamespace: RETENTION.path, members: { [SAMPLE.userId]: 50 } });
  const add = (
    name: string,
    version: string,
    days: number,
    more: { packageType?: string; tags?: string[]; status?: string; protected?: boolean } = {},
  ): void => {
    fake.addPackage(RETENTION.id, { name, version, packageType: more.packageType ?? 'generic', createdAt: daysAgo(days), ...more });
  };
  for (const [version, days] of [
    ['1.0.0', 200],
    ['1.1.0', 150],
    ['1.2.0', 100],
    ['1.3.0', 60],
    ['1.4.0', 10],
    ['2.0.0-SNAPSHOT', 120],
    ['2.1.0-SNAPSHOT', 5],
  ] as const)
    add('lib', version, days);
  add('@acme/ui', '1.0.0', 300, { packageType: 'npm', tags: ['latest'] });
  add('@acme/ui', '0.9.0', 310, { packageType: 'npm', tags: ['beta'] });
  add('@acme/ui', '0.8.0', 320, { packageType: 'npm' });
  add('guarded', '1', 400, { protected: true });
  add('guarded', '2', 1);
  add('broken', '0.0.1', 95, { status: 'error' });
  add('broken', '0.0.2', 3, { status: 'error' });
}

/** One name with 130 versions, a day apart: "keep the newest 1" selects 129 (above the typed-confirmation threshold). */
export function addManyVersionsProject(fake: FakeGitLab): void {
  fake.addProject({ id: MANY.id, pathWithNamespace: MANY.path, members: { [SAMPLE.userId]: 50 } });
  for (let i = 0; i < MANY.versions; i++)
    fake.addPackage(MANY.id, { name: 'snap', version: `0.0.${i}`, packageType: 'generic', createdAt: daysAgo(MANY.versions - i) });
}
