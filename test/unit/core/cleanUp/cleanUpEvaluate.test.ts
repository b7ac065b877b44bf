/**
 * The clean-up rule's evaluation: which packages each criterion selects and keeps, with the
 * reason for each, the newest of a name always kept, and what a server that leaves out dates skips.
 */
import { parsePackage, type Package } from '../../../../src/gitlab/models';
import { text } from '../../../../src/util/text';
import { checkCase, daysAgo, pkg, type Case } from '../../../support/cleanUpCases';
/** What an 11.9 server sends: four fields. */
const old = (id: number, name: string, version: string): Package => parsePackage({ id, name, version, package_type: 'maven' });

/** Versions of `a` (ids 1, 2…) created so many days ago, from a server that has no `last_downloaded_at`. */
const noDownloadDates = (...days: number[]): Package[] => days.map((d, i) => pkg(i + 1, 'a', String(i + 1), d, { last_downloaded_at: undefined }));
const DOWNLOADS_SKIPPED = 'This GitLab does not say when packages were last downloaded: "not downloaded for 30 days" was skipped';

const CASES: Case[] = [
  {
    title: 'older than D days (the newest version of the name is always kept)',
    packages: [pkg(1, 'a', '1.0', 150), pkg(2, 'a', '1.1', 100), pkg(3, 'a', '1.2', 120), pkg(4, 'b', '9', 200)],
    rule: { olderThanDays: 90 },
    candidates: [3, 1],
    reasons: { 1: 'older than 90 days: created 2026-01-02', 2: 'the newest version of its name', 4: 'the newest version of its name' },
  },
  {
    title: 'older than D days keeps what is younger, saying when it was created',
    packages: [pkg(1, 'a', '1.0', 10), pkg(2, 'a', '1.1', 5)],
    rule: { olderThanDays: 30 },
    candidates: [],
    reasons: { 1: 'created 2026-05-22, within 30 days' },
  },
  {
    title: 'keep the newest N: the rest is beyond them',
    packages: [pkg(1, 'a', '1', 40), pkg(2, 'a', '2', 30), pkg(3, 'a', '3', 20), pkg(4, 'a', '4', 10)],
    rule: { keepNewest: 2 },
    candidates: [2, 1],
    reasons: { 1: 'beyond the 2 newest', 3: 'one of the 2 newest of its name' },
  },
  {
    title: 'keep newest N is applied last, after the other criteria',
    packages: [pkg(1, 'a', '1', 400), pkg(2, 'a', '2', 300), pkg(3, 'a', '3', 200), pkg(4, 'a', '4', 1)],
    rule: { keepNewest: 3, olderThanDays: 100 },
    candidates: [1],
    reasons: {
      1: 'older than 100 days: created 2025-04-27 · beyond the 3 newest',
      2: 'one of the 3 newest of its name',
      4: 'created 2026-05-31, within 100 days',
    },
  },
  {
    title: 'ties in created_at: the higher id counts as newer',
    packages: [pkg(7, 'a', '1', 50), pkg(8, 'a', '2', 50), pkg(6, 'a', '0', 50)],
    rule: { keepNewest: 1 },
    candidates: [7, 6],
    reasons: { 8: 'one of the 1 newest of its name' },
  },
  {
    title: 'keepNewest 0 allows deleting every version, the newest too',
    packages: [pkg(1, 'a', '1', 100), pkg(2, 'b', '1', 100)],
    rule: { keepNewest: 0, olderThanDays: 30 },
    candidates: [1, 2],
  },
  {
    title: 'null versions never match a version pattern',
    packages: [pkg(1, 'a', null, 100), pkg(2, 'a', '1.0-SNAPSHOT', 90), pkg(3, 'a', '2.0-SNAPSHOT', 80), pkg(4, 'a', '2.0', 1)],
    rule: { versionPattern: '*-SNAPSHOT', keepNewest: 0 },
    candidates: [3, 2],
  },
  {
    title: 'null versions are in scope when no version pattern is given',
    packages: [pkg(1, 'a', null, 100), pkg(2, 'a', null, 10)],
    rule: { olderThanDays: 30, keepNewest: 0 },
    candidates: [1],
  },
  {
    title: 'a version pattern may be a regular expression',
    packages: [pkg(1, 'a', '1.0.1', 10), pkg(2, 'a', '1.0.2', 9), pkg(3, 'a', '11.0.0', 8)],
    rule: { versionPattern: '/^1\\.0\\./', keepNewest: 0 },
    candidates: [2, 1],
  },
  {
    title: 'never downloaded (null last_downloaded_at) counts from created_at',
    packages: [pkg(1, 'a', '1', 100), pkg(2, 'a', '2', 10), pkg(3, 'a', '3', 200, { last_downloaded_at: daysAgo(5) }), pkg(4, 'a', '4', 1)],
    rule: { notDownloadedForDays: 30 },
    candidates: [1],
    reasons: {
      1: 'never downloaded, created 2026-02-21',
      2: 'never downloaded, but created 2026-05-22, within 30 days',
      3: 'downloaded 2026-05-27, within 30 days',
    },
  },
  {
    title: 'not downloaded since a date',
    packages: [pkg(1, 'a', '1', 300, { last_downloaded_at: daysAgo(120) }), pkg(2, 'a', '2', 1)],
    rule: { notDownloadedForDays: 60 },
    candidates: [1],
    reasons: { 1: 'not downloaded since 2026-02-01' },
  },
  {
    title: 'a server without last_downloaded_at: the criterion is skipped, said, and selects nothing alone',
    packages: noDownloadDates(300, 200, 1),
    rule: { notDownloadedForDays: 30 },
    candidates: [],
    notes: [DOWNLOADS_SKIPPED],
    reasons: { 1: 'the rule selects nothing here' },
  },
  {
    title: 'a server without last_downloaded_at: "keep the newest N" beside it is a protection, not a criterion',
    packages: noDownloadDates(300, 200, 1),
    rule: { notDownloadedForDays: 30, keepNewest: 1 },
    candidates: [],
    notes: [DOWNLOADS_SKIPPED],
  },
  {
    title: 'a server without last_downloaded_at: the other criteria still apply',
    packages: noDownloadDates(300, 1),
    rule: { notDownloadedForDays: 30, olderThanDays: 90 },
    candidates: [1],
    notes: [DOWNLOADS_SKIPPED],
  },
  {
    title: '11.9-shape packages without dates are never selected by a date criterion',
    packages: [old(1, 'com/x', '1'), old(2, 'com/x', '2')],
    rule: { olderThanDays: 1, keepNewest: 0 },
    candidates: [],
    reasons: { 1: 'no creation date' },
  },
  {
    title: '11.9-shape packages without dates are not ranked by age either',
    packages: [old(1, 'com/x', '1'), old(2, 'com/x', '2')],
    rule: { namePattern: 'com/*' },
    candidates: [],
    reasons: { 2: 'no creation date: which version is newest is unknown' },
  },
  {
    title: '11.9-shape packages may go by a rule that needs no date (old servers send no _links: GitLab decides)',
    packages: [old(1, 'com/x', '1'), old(2, 'com/y', '2')],
    rule: { namePattern: 'com/x', keepNewest: 0 },
    candidates: [1],
    reasons: { 1: 'matches the rule' },
  },
  {
    title: 'unknown package types pass through verbatim',
    packages: [pkg(1, 'a', '1', 10, { package_type: 'weird_type' }), pkg(2, 'a', '1', 10, { package_type: 'npm' })],
    rule: { packageTypes: ['weird_type'], keepNewest: 0 },
    candidates: [1],
  },
  {
    title: 'statuses: unknown ones match verbatim, a missing status is default',
    packages: [pkg(1, 'a', '1', 10, { status: 'quarantined' }), pkg(2, 'a', '2', 10, { status: undefined }), pkg(3, 'a', '3', 10, { status: 'error' })],
    rule: { statuses: ['quarantined', 'default'], keepNewest: 0 },
    candidates: [2, 1],
  },
  {
    title: 'names by glob; the glob covers the whole name and its dots are literal',
    packages: [pkg(1, 'acme-ui', '1', 10), pkg(2, 'acme-core', '1', 10), pkg(3, 'xacme-ui', '1', 10), pkg(4, 'acmeXui', '1', 10)],
    rule: { namePattern: 'acme-*', keepNewest: 0 },
    candidates: [2, 1],
  },
  {
    title: 'always kept: no delete link (role or protection), dist-tags, the protection rules',
    packages: [
      pkg(1, 'a', '1', 100, { _links: { web_path: '/p/1' } }),
      pkg(2, 'n', '1', 100, { package_type: 'npm', tags: [{ name: 'latest' }] }),
      pkg(3, 'p', '1', 100),
      pkg(4, 'q', '1', 100),
    ],
    rule: { olderThanDays: 30, keepNewest: 0 },
    opts: { standing: (p) => ({ refusal: p.name === 'p' ? text('protected: a protection rule on p* allows Owners only') : undefined }) },
    candidates: [4],
    reasons: {
      1: 'GitLab offers no delete for it (role, or a protection rule)',
      2: 'npm dist-tag latest',
      3: 'protected: a protection rule on p* allows Owners only',
    },
  },
  {
    title: 'dist-tags keep only npm packages',
    packages: [pkg(1, 'g', '1', 100, { tags: [{ name: 'stable' }] })],
    rule: { olderThanDays: 30, keepNewest: 0 },
    candidates: [1],
  },
  {
    title: 'a package listed twice (pages shifting under the listing) counts once',
    packages: [pkg(1, 'a', '1', 50), pkg(1, 'a', '1', 50), pkg(2, 'a', '2', 10)],
    rule: { keepNewest: 1 },
    candidates: [1],
  },
  {
    title: 'candidates in name order, newest first within a name',
    packages: [
      pkg(1, 'zeta', '1', 90),
      pkg(2, 'alpha', '1', 80),
      pkg(3, 'alpha', '2', 70),
      pkg(4, 'zeta', '2', 60),
      pkg(5, 'alpha', '3', 1),
      pkg(6, 'zeta', '3', 1),
    ],
    rule: { olderThanDays: 30 },
    candidates: [3, 2, 4, 1],
  },
];

describe('clean-up rule evaluation', () => {
  for (const c of CASES) it(c.title, () => checkCase(c));
});
