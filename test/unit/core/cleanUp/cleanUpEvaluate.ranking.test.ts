/**
 * What "the newest of its name" ranks over: a name is GitLab's (name and type in one project,
 * Conan by conan_package_name); "keep the newest N" keeps the newest covered versions, whatever
 * the dates (the README's example), and says "covered" when a version pattern or statuses narrow it.
 */
import type { Package } from '../../../../src/gitlab/models';
import { checkCase, pkg, type Case } from '../../../support/cleanUpCases';

/** A Conan version as GitLab sends it: the recipe as `name`, the package name as `conan_package_name`. */
const conan = (id: number, version: string, channel: string, created: number): Package =>
  pkg(id, `Hello/${version}@acme/${channel}`, version, created, { package_type: 'conan', conan_package_name: 'Hello' });

const CASES: Case[] = [
  {
    title: 'error packages, the common target: the newest error version is kept, and is not called the newest of its name',
    packages: [pkg(1, 'a', '1', 10, { status: 'error' }), pkg(2, 'a', '2', 20, { status: 'error' }), pkg(3, 'a', '3', 1)],
    rule: { statuses: ['error'] },
    candidates: [2],
    reasons: { 2: 'matches the rule', 1: 'the newest covered version of its name' },
  },
  {
    title: 'a failed upload (error) is no "newest" of a rule that picks no statuses: the installable version keeps its place',
    packages: [pkg(1, 'app', '1.0', 60), pkg(2, 'app', '1.1', 1, { status: 'error' })],
    rule: { olderThanDays: 30 },
    candidates: [],
    reasons: { 1: 'the newest version of its name', 2: 'created 2026-05-31, within 30 days' },
  },
  {
    title: 'with "keep the newest 1", an old failed upload goes and the newest installable version stays',
    packages: [pkg(1, 'app', '1.0', 60), pkg(2, 'app', '1.1', 40, { status: 'error' }), pkg(3, 'app', '0.9', 90)],
    rule: { keepNewest: 1 },
    candidates: [2, 3],
    reasons: { 1: 'one of the 1 newest of its name', 2: 'a failed upload (status error): not counted among the newest', 3: 'beyond the 1 newest' },
  },
  {
    title: "the README's example: the 3 newest SNAPSHOTs stay whatever their age; of the others, those older than 30 days go",
    // Ids 1…8, by age in days.
    packages: (
      [
        ['1.0-SNAPSHOT', 200],
        ['2.0-SNAPSHOT', 100],
        ['3.0-SNAPSHOT', 60],
        ['3.5-SNAPSHOT', 28],
        ['4.0-SNAPSHOT', 25],
        ['5.0-SNAPSHOT', 20],
        ['6.0-SNAPSHOT', 10],
        ['6.0', 1],
      ] as const
    ).map(([version, days], i) => pkg(i + 1, 'a', version, days)),
    rule: { versionPattern: '*-SNAPSHOT', olderThanDays: 30, keepNewest: 3 },
    candidates: [3, 2, 1],
    reasons: {
      3: 'older than 30 days: created 2026-04-02 · beyond the 3 newest covered versions',
      4: 'created 2026-05-04, within 30 days',
      5: 'one of the 3 newest covered versions of its name',
    },
  },
  {
    title: 'in a group, the same name in two projects is two names',
    packages: [pkg(1, 'lib', '1', 50, { project_id: 10 }), pkg(2, 'lib', '2', 40, { project_id: 11 }), pkg(3, 'lib', '3', 30, { project_id: 10 })],
    rule: { keepNewest: 1 },
    candidates: [1],
  },
  {
    title: 'a name row: only that name and type',
    packages: [pkg(1, 'a', '1', 50), pkg(2, 'a', '2', 40), pkg(3, 'b', '1', 50), pkg(4, 'a', '1', 50, { package_type: 'npm' })],
    rule: { keepNewest: 1 },
    opts: { only: { key: 'generic::a' } },
    candidates: [1],
  },
  {
    title: "a group's name row: only that name in that project",
    packages: [pkg(1, 'a', '1', 50, { project_id: 10 }), pkg(2, 'a', '2', 40, { project_id: 10 }), pkg(3, 'a', '3', 10, { project_id: 11 })],
    rule: { keepNewest: 1 },
    opts: { only: { key: 'generic:10:a' } },
    candidates: [1],
  },
  {
    title: "Conan: the versions of a name are one name (GitLab's name is each version's recipe)",
    packages: [conan(1, '0.1', 'stable', 30), conan(2, '0.2', 'stable', 20), conan(3, '0.2', 'testing', 10)],
    rule: { keepNewest: 1 },
    candidates: [2, 1],
    reasons: { 3: 'one of the 1 newest of its name', 1: 'beyond the 1 newest' },
  },
  {
    title: 'Conan: a name pattern matches the package name, not the recipe',
    packages: [conan(1, '0.1', 'stable', 30), conan(2, '0.2', 'stable', 20), pkg(3, 'Hello', '1', 30)],
    rule: { namePattern: 'Hello', packageTypes: ['conan'] },
    candidates: [1],
    reasons: { 2: 'the newest version of its name' },
  },
  {
    title: "Conan: a name row's versions",
    packages: [conan(1, '0.1', 'stable', 30), conan(2, '0.2', 'stable', 20)],
    rule: { keepNewest: 0, olderThanDays: 1 },
    opts: { only: { key: 'conan::Hello' } },
    candidates: [2, 1],
  },
];

describe('clean-up ranking: names and "newest"', () => {
  for (const c of CASES) it(c.title, () => checkCase(c));
});
