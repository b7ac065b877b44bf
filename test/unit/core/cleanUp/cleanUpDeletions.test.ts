/**
 * A clean-up's deletions are built in core from its evaluation, with protection decided once:
 * each package's standing is asked by the evaluation alone; what a rule refuses never becomes a
 * request; a candidate GitLab decides for (an administrator, Admin Mode unknown) carries that.
 */
import { strict as assert } from 'node:assert';
import { cleanUpDeletions } from '../../../../src/core/cleanUp/cleanUpDeletions';
import { evaluateRule } from '../../../../src/core/cleanUp/cleanUpEvaluate';
import type { Package } from '../../../../src/gitlab/models';
import { text, word } from '../../../../src/util/text';
import { NOW, pkg } from '../../../support/cleanUpCases';

const ref = { entry: 'acme', instanceUrl: 'https://h.example/gitlab', origin: 'https://h.example', key: 'acme' };

describe('a clean-up’s deletions', () => {
  it('come from the candidates, each package’s protection asked once, by the evaluation', () => {
    const packages = [pkg(1, 'kept-by-rule', '1', 100), pkg(2, 'admin-decides', '1', 100), pkg(3, 'free', '1', 100)];
    const asked: number[] = [];
    const standing = (p: Package) => {
      asked.push(p.id);
      if (p.id === 1) return { refusal: text('protected by the rule kept-* (generic): only owner+ may delete it') };
      return p.id === 2 ? { adminModeDecides: true } : {};
    };
    const evaluation = evaluateRule(packages, { olderThanDays: 30, keepNewest: 0 }, { now: NOW, standing });
    const requests = cleanUpDeletions({ ref, project: undefined }, evaluation.candidates);
    assert.deepEqual(asked.sort(), [1, 2, 3]);
    assert.deepEqual(
      requests.map((r) => [r.pkg.id, r.deletion.refusedBy, r.deletion.adminModeDecides]),
      [
        [2, undefined, true],
        [3, undefined, undefined],
      ],
    );
    assert.equal(word(evaluation.notes[0]).startsWith('1 of the candidates are covered by a protection rule above your role'), true);
  });

  it('name the package’s own project in a group’s list, the project otherwise; on the listed instance', () => {
    const inGroup = pkg(7, 'lib', '1', 100, { project_id: 42 });
    const [fromGroup] = cleanUpDeletions({ ref }, [{ pkg: inGroup, reasons: [] }]);
    assert.deepEqual([fromGroup.deletion.project, fromGroup.deletion.instanceUrl, fromGroup.deletion.origin], [42, ref.instanceUrl, ref.origin]);
    const project = { id: 9, pathWithNamespace: 'acme/app' } as Parameters<typeof cleanUpDeletions>[0]['project'];
    const [fromProject] = cleanUpDeletions({ ref, project }, [{ pkg: pkg(8, 'lib', '1', 100), reasons: [] }]);
    assert.equal(fromProject.deletion.project, 9);
    assert.equal(fromProject.deletion.allowed, true);
  });
});
