/** The clean-up rule's evaluation cases: packages as an 18.x server sends them, checked the same way. */
import { strict as assert } from 'node:assert';
import { evaluateRule, type EvaluateOptions } from '../../src/core/cleanUp/cleanUpEvaluate';
import type { CleanUpRule } from '../../src/core/cleanUp/cleanUpRule';
import { parsePackage, type Package } from '../../src/gitlab/models';
import { word } from '../../src/util/text';

export const NOW = Date.parse('2026-06-01T12:00:00Z');
export const daysAgo = (n: number): string => new Date(NOW - n * 86_400_000).toISOString();

/** A modern (18.x) package: dates, status, `_links` with a delete path. */
export function pkg(id: number, name: string, version: string | null, created: number | undefined, more: Record<string, unknown> = {}): Package {
  return parsePackage({
    id,
    name,
    version,
    package_type: 'generic',
    status: 'default',
    created_at: created === undefined ? undefined : daysAgo(created),
    last_downloaded_at: null,
    tags: [],
    _links: { web_path: `/p/${id}`, delete_api_path: `/api/v4/projects/1/packages/${id}` },
    ...more,
  });
}

export interface Case {
  title: string;
  packages: Package[];
  rule: CleanUpRule;
  candidates: number[];
  /** Some reasons to find, by package id (candidates' and kept ones'). */
  reasons?: Record<number, string>;
  notes?: string[];
  opts?: Partial<EvaluateOptions>;
}

/** The candidates in order, the reasons given, the notes; every package in scope is a candidate or kept, never both. */
export function checkCase(c: Case): void {
  const e = evaluateRule(c.packages, c.rule, { now: NOW, ...c.opts });
  assert.deepEqual(
    e.candidates.map((v) => v.pkg.id),
    c.candidates,
  );
  const all = [...e.candidates, ...e.kept];
  for (const [id, reason] of Object.entries(c.reasons ?? {})) {
    const v = all.find((x) => x.pkg.id === Number(id));
    assert.ok(v, `package ${id} is in neither list`);
    assert.ok(
      v.reasons.map((r) => word(r)).join(' · ') === reason || v.reasons.some((r) => word(r) === reason),
      `package ${id}: ${v.reasons.map((r) => word(r)).join(' · ')}`,
    );
  }
  assert.deepEqual(
    e.notes.map((n) => word(n)),
    c.notes ?? [],
  );
  assert.equal(new Set(all.map((v) => v.pkg.id)).size, all.length);
  assert.equal(all.length, e.inScope);
}
