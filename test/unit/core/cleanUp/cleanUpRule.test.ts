/**
 * The clean-up rule: an argument object read or refused saying why (types and statuses GitLab
 * has), and the rule in words ("covered" and "whatever the dates" only where true).
 */
import { strict as assert } from 'node:assert';
import { evaluateRule } from '../../../../src/core/cleanUp/cleanUpEvaluate';
import { describeRule, isRuleArgument, parseRule } from '../../../../src/core/cleanUp/cleanUpRule';
import { word } from '../../../../src/util/text';
import { NOW, pkg } from '../../../support/cleanUpCases';

describe('clean-up rule', () => {
  it('reads an argument object: numbers, patterns, lists (a single string is a list of one); unknown keys are ignored', () => {
    const r = parseRule({ keepNewest: 3, olderThanDays: 90, namePattern: 'acme-*', packageTypes: 'npm', statuses: ['error', 'error'], node: {} });
    assert.deepEqual(r, { ok: true, rule: { keepNewest: 3, olderThanDays: 90, namePattern: 'acme-*', packageTypes: ['npm'], statuses: ['error'] } });
    assert.ok(isRuleArgument({ olderThanDays: 1 }));
    assert.ok(!isRuleArgument({ kind: 'project', id: 'x' }));
    assert.ok(!isRuleArgument([{ olderThanDays: 1 }]));
  });

  it('refuses what is not a rule, saying why', () => {
    const problem = (arg: Record<string, unknown>): string => {
      const r = parseRule(arg);
      assert.ok(!r.ok);
      return word(r.problem);
    };
    assert.equal(problem({ keepNewest: -1 }), 'keepNewest must be a whole number of 0 or more');
    assert.equal(problem({ olderThanDays: '90' }), 'olderThanDays must be a whole number of 0 or more');
    assert.equal(problem({ olderThanDays: 1.5 }), 'olderThanDays must be a whole number of 0 or more');
    assert.match(problem({ versionPattern: '/[/' }), /is not a valid regular expression/);
    assert.equal(problem({ packageTypes: [1] }), 'packageTypes must be a list of names');
    assert.match(problem({}), /The rule has no criterion/);
    // GitLab lists these only when asked, and its DELETE finds only default, error and deprecated packages.
    for (const status of ['hidden', 'processing', 'pending_destruction'])
      assert.equal(
        problem({ statuses: ['error', status] }),
        `statuses: packages with status ${status} cannot be cleaned up: GitLab lists them only when asked, and its API deletes only default, error, deprecated packages`,
      );
    // A misspelt status would match nothing and say nothing.
    assert.match(problem({ statuses: ['errror'] }), /^statuses: GitLab has no package status errror \(its statuses: default, error, deprecated,/);
  });

  it('a type GitLab does not have is refused, naming the ones it has', () => {
    const parsed = parseRule({ packageTypes: ['npm', 'nmp'] });
    assert.ok(!parsed.ok);
    assert.equal(
      word(parsed.problem),
      'packageTypes: GitLab has no package type nmp (its types: maven, npm, pypi, nuget, generic, helm, conan, composer, golang, debian, rubygems, rpm, terraform_module, ml_model)',
    );
    assert.ok(parseRule({ packageTypes: ['terraform_module', 'ml_model'] }).ok);
  });

  it('says the rule in words', () => {
    assert.equal(
      word(describeRule({ olderThanDays: 90, versionPattern: '*-SNAPSHOT' })),
      'older than 90 days · versions *-SNAPSHOT · keeping the newest covered version of each name, whatever the dates',
    );
    assert.equal(word(describeRule({ keepNewest: 5 })), 'keeping the newest 5 of each name');
    assert.equal(
      word(describeRule({ notDownloadedForDays: 60, keepNewest: 2 })),
      'not downloaded for 60 days · keeping the newest 2 of each name, whatever the dates',
    );
    // The README's example, as the confirmation says it.
    assert.equal(
      word(describeRule({ versionPattern: '*-SNAPSHOT', olderThanDays: 30, keepNewest: 3 })),
      'older than 30 days · versions *-SNAPSHOT · keeping the newest 3 covered versions of each name, whatever the dates',
    );
    assert.equal(word(describeRule({ keepNewest: 0, statuses: ['error'] })), 'status error · every version may go');
  });

  it('"whatever the dates" only where a date criterion applies; "covered" only where the statuses leave some out', () => {
    const rule = { notDownloadedForDays: 30, keepNewest: 2 };
    assert.equal(word(describeRule(rule)), 'not downloaded for 30 days · keeping the newest 2 of each name, whatever the dates');
    // A server without last_downloaded_at: the download criterion was skipped, no date criterion remains.
    const evaluation = evaluateRule([pkg(1, 'a', '1', 10, { last_downloaded_at: undefined })], rule, { now: NOW });
    assert.equal(word(describeRule(rule, evaluation.applied)), 'not downloaded for 30 days · keeping the newest 2 of each name');
    assert.equal(word(describeRule({ ...rule, olderThanDays: 9 }, evaluation.applied)).endsWith('whatever the dates'), true);
    const every = { statuses: ['default', 'error', 'deprecated'], olderThanDays: 90 };
    assert.equal(
      word(describeRule(every)),
      'older than 90 days · status default, error, deprecated · keeping the newest version of each name, whatever the dates',
    );
    const kept = evaluateRule([pkg(1, 'a', '1', 200), pkg(2, 'a', '2', 100)], every, { now: NOW }).kept;
    assert.deepEqual(
      kept[0]?.reasons.map((t) => word(t)),
      ['the newest version of its name'],
    );
    assert.equal(word(describeRule({ statuses: ['error'], keepNewest: 1 })), 'status error · keeping the newest 1 covered versions of each name');
  });
});
