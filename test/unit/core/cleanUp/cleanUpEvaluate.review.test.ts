/**
 * The clean-up's rule and listing after issue 21's review: types GitLab has, "covered" and
 * "whatever the dates" only where true, each listing counted apart, a name row's own type listed.
 */
import { strict as assert } from 'node:assert';
import { listEveryPackage, listingQueries, listingTypes, type ListingProgress } from '../../../../src/core/cleanUp/cleanUpListing';
import { evaluateRule } from '../../../../src/core/cleanUp/cleanUpEvaluate';
import { describeRule, parseRule } from '../../../../src/core/cleanUp/cleanUpRule';
import { text, word } from '../../../../src/util/text';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { NOW, pkg } from '../../../support/cleanUpCases';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

describe('clean-up after review', () => {
  const fake = useSampleFake();

  it('a type GitLab does not have is refused, naming the ones it has', () => {
    const parsed = parseRule({ packageTypes: ['npm', 'nmp'] });
    assert.ok(!parsed.ok);
    assert.equal(
      word(parsed.problem),
      'packageTypes: GitLab has no package type nmp (its types: maven, npm, pypi, nuget, generic, helm, conan, composer, golang, debian, rubygems, rpm, terraform_module, ml_model)',
    );
    assert.ok(parseRule({ packageTypes: ['terraform_module', 'ml_model'] }).ok);
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

  it("a name row lists its own type: terraform_module with package_type, whatever the rule's types", () => {
    assert.deepEqual(listingTypes(['npm'], 'terraform_module'), ['terraform_module']);
    assert.deepEqual(listingTypes(['npm'], undefined), ['npm']);
    assert.deepEqual(listingQueries(listingTypes(undefined, 'terraform_module')), [{ packageType: 'terraform_module' }]);
    assert.deepEqual(listingQueries(listingTypes(undefined, 'npm')), [{}]);
  });

  it('two listings are counted apart; a GitLab before 13.11 refuses terraform modules, and the rest is listed, saying so', async () => {
    const progress: ListingProgress[] = [];
    const types = ['generic', 'terraform_module'];
    const listing = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: SAMPLE.projects.app.id, packageTypes: types }, undefined, (p) =>
      progress.push(p),
    );
    assert.deepEqual(listing.notes, []);
    const generic = listing.packages.length - 1;
    assert.deepEqual(progress, [
      { listed: generic, total: generic, part: 1, parts: 2 },
      { listed: 1, total: 1, part: 2, parts: 2 },
    ]);
    fake().clearRequests();
    fake().version = '13.10.3-ee';
    try {
      const old = await listEveryPackage(fakeClient(fake()), { kind: 'project', key: SAMPLE.projects.app.id, packageTypes: types });
      assert.deepEqual(
        old.notes.map((t) => word(t)),
        [word(text('GitLab refused package_type={0} (HTTP 400: a GitLab before 13.11): none were listed', 'terraform_module'))],
      );
      assert.equal(old.packages.length, generic);
      assert.deepEqual(
        fake().requests.map((r) => r.query.package_type),
        [undefined, 'terraform_module'],
      );
    } finally {
      fake().version = '18.5.1-ee';
    }
  });
});
