/**
 * The lockfiles the real tools wrote (test/fixtures/lockfiles, listed in its manifest.json), read
 * once for the unit tests and the bench that verify them against the fake's lockfile seed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lockfileFormat } from '../../src/core/lockfiles/lockfileFormat';
import type { LockfileFormat } from '../../src/core/lockfiles/lockEntry';
import type { CheckedVerdict } from '../../src/core/lockfiles/verifyEntries';

export const LOCKFILE_FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures', 'lockfiles');

export interface LockfileFixture {
  /** The folder, `<tool>-<version>`. */
  dir: string;
  tool: string;
  /** The lockfile's name in the folder. */
  file: string;
  format: LockfileFormat;
  text: string;
}

interface Manifest {
  /** The registries' names in the lockfiles' URLs; the fake stands in for `gitlab`. */
  origins: { gitlab: string; other: string };
  fixtures: Record<string, { tool: string; files: string[] }>;
}

export const fixtureManifest = JSON.parse(readFileSync(path.join(LOCKFILE_FIXTURES_DIR, 'manifest.json'), 'utf8')) as Manifest;

export const lockfileFixtures: LockfileFixture[] = Object.entries(fixtureManifest.fixtures).map(([dir, f]) => {
  const file = f.files.find((name) => lockfileFormat(name));
  const format = file && lockfileFormat(file);
  if (!file || !format) throw new Error(`${dir}: no lockfile`);
  return { dir, tool: f.tool, file, format, text: readFileSync(path.join(LOCKFILE_FIXTURES_DIR, dir, file), 'utf8') };
});

/** Lockfiles of the npm family (npm, yarn, pnpm), whose GitLab entries pin npm tarballs. */
export const isNpmFamily = (f: LockfileFixture): boolean => f.tool !== 'pip' && f.tool !== 'poetry';

/** How many verdicts of each kind. */
export const tally = (verdicts: readonly CheckedVerdict[]): Record<string, number> =>
  verdicts.reduce<Record<string, number>>((c, v) => ({ ...c, [v.kind]: (c[v.kind] ?? 0) + 1 }), {});

/**
 * What a fixture's entries are judged against the registry it was resolved from, unchanged: npm,
 * yarn and pnpm write GitLab's SHA-1 (`sha1-…`), so their 3 GitLab entries are "weak" and the
 * other registry's "other"; pip and Poetry pin SHA-256, so "match" — and other-util, from the
 * other registry (pip: an extra index; Poetry: through GitLab's forwarding, still recording the
 * GitLab source), is not in GitLab: "other".
 */
export function unchangedVerdicts(f: LockfileFixture, entries: number): Record<string, number> {
  return isNpmFamily(f) ? { weak: 3, other: entries - 3 } : { match: 2, other: 1 };
}
