/** The clean-up preview document: candidates and kept packages with their reasons, and what was unchecked. */
import { strict as assert } from 'node:assert';
import { evaluateRule } from '../../../../src/core/cleanUp/cleanUpEvaluate';
import { previewLines } from '../../../../src/core/cleanUp/cleanUpPreview';
import { word } from '../../../../src/util/text';
import { NOW, pkg } from '../../../support/cleanUpCases';

describe('clean-up preview', () => {
  it('the preview document lists candidates and kept packages with reasons, and what was unchecked', () => {
    const packages = [pkg(1, 'a', '1.0', 150), pkg(2, 'a', '1.1', 120), pkg(3, 'a', '1.2', 1)];
    const evaluation = evaluateRule(packages, { olderThanDays: 90 }, { now: NOW });
    const lines = previewLines({ source: 'acme/app', rule: { olderThanDays: 90 }, evaluation, unchecked: new Set([2]) }).map((l) => word(l));
    assert.deepEqual(lines, [
      'Clean-up preview: acme/app',
      'Rule: older than 90 days · keeping the newest version of each name, whatever the dates',
      '1 of 3 packages to delete (3 covered by the rule, 2 kept)',
      '',
      'To delete (1)',
      '  a 1.0 · generic (id 1) — older than 90 days: created 2026-01-02',
      '',
      'Kept (2)',
      '  a 1.1 · generic (id 2) — unchecked in the preview',
      '  a 1.2 · generic (id 3) — created 2026-05-31, within 90 days · the newest version of its name',
    ]);
  });
});
