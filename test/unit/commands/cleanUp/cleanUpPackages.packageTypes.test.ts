/**
 * Clean-up and package types: terraform modules, which GitLab lists only when asked, are asked
 * for by a terraform_module name row and where a rule names them; a GitLab that refuses them
 * (before 13.11) is said and the rest cleaned up; a misspelled type is refused, naming GitLab's.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { SAMPLE } from '../../../fake-gitlab/seed';

const CLEAN_UP = 'gitlabPackages.cleanUpPackages';
const COPY = 'gitlabPackages.copyCleanUpPreview';

describe('clean-up and package types', () => {
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) => t.start({ settings: { projects: ['acme/app'], groupByName: true }, token: SAMPLE.apiToken, ...opts });
  const listings = (h: Harness) => h.requests('GET', /\/packages$/).map((r) => r.query.package_type);
  const filterTo = async (h: Harness, step: string, value: string) => {
    h.ui.pick(step, value, '$(check) Apply');
    await h.run('gitlabPackages.filter');
  };

  it('Clean Up Versions… on a terraform_module name row lists that type (GitLab lists it only when asked)', async () => {
    const h = await start();
    await filterTo(h, '$(package) Type', 'terraform_module');
    const row = await h.find('acme/app', 'acme-network');
    h.fake.clearRequests();
    await h.run(COPY, row.node, { keepNewest: 0 });
    assert.match(h.ui.clipboard, /^1 of 1 packages to delete \(1 covered by the rule, 0 kept\)$/m);
    assert.deepEqual(listings(h), ['terraform_module']);
  });

  it('terraform modules are not offered on a GitLab older than 13.11; its 400 for them is said, and the rest is cleaned up', async () => {
    const h = await start({ prepareFake: (f) => (f.version = '13.10.3') });
    const app = (await h.find('acme/app')).node;
    h.fake.clearRequests();
    await h.run(COPY, app, { packageTypes: ['terraform_module', 'generic'], keepNewest: 0 });
    assert.deepEqual(listings(h), [undefined, 'terraform_module']);
    assert.match(h.ui.clipboard, /^Note: GitLab refused package_type=terraform_module \(HTTP 400: a GitLab before 13\.11\): none were listed$/m);
    assert.match(h.ui.clipboard, /^\d+ of \d+ packages to delete/m);
    assert.deepEqual(h.ui.errors, []);
    // The type step offers what this GitLab has.
    h.ui.type('', '', '', '', '').pick(undefined);
    await h.run(CLEAN_UP, app);
    const types = h.ui.quickPicks.at(-1)?.items.map((i) => (i as { label: string }).label) ?? [];
    assert.ok(types.includes('generic') && !types.includes('terraform_module'), types.join());
  });

  it('a GitLab of unknown version that refuses package_type=terraform_module: the rest is cleaned up, saying so', async () => {
    const h = await start({
      prepareFake: (f) => {
        f.version = '13.10.3';
        f.fail({ method: 'GET', path: '/api/v4/version' }, { status: 404 }, 1000);
      },
    });
    const app = (await h.find('acme/app')).node;
    await h.run(COPY, app, { packageTypes: ['terraform_module', 'generic'], keepNewest: 0 });
    assert.deepEqual(h.ui.errors, []);
    assert.match(h.ui.clipboard, /^Note: GitLab refused package_type=terraform_module \(HTTP 400: a GitLab before 13\.11\): none were listed$/m);
  });

  it('a misspelled package type is refused, naming the types GitLab has', async () => {
    const h = await start();
    h.fake.clearRequests();
    await h.run(COPY, (await h.find('acme/app')).node, { packageTypes: 'nmp' });
    assert.match(h.ui.errors[0]?.text ?? '', /^The clean-up rule cannot be used: packageTypes: GitLab has no package type nmp \(its types: maven, npm, /);
    assert.deepEqual(listings(h), []);
  });
});
