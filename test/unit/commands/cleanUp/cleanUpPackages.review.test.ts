/**
 * Clean-up follow-ups of issue 21's review: a terraform name row lists its type, Conan channels
 * told apart, terraform modules only where GitLab has them, misspelled types refused, name rows
 * of undeletable statuses refused, a group's name row named with its project, `project` by id
 * or all-digit path.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, waitFor, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { SAMPLE } from '../../../fake-gitlab/seed';

const CLEAN_UP = 'gitlabPackages.cleanUpPackages';
const CLEAN_UP_VERSIONS = 'gitlabPackages.cleanUpVersions';
const COPY = 'gitlabPackages.copyCleanUpPreview';
const APP = SAMPLE.projects.app.id;

describe('clean-up review follow-ups', () => {
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) => t.start({ settings: { projects: ['acme/app'], groupByName: true }, token: SAMPLE.apiToken, ...opts });
  const preview = (h: Harness) => waitFor(() => h.ui.quickPickWidgets.find((w) => w.visible && w.canSelectMany), 'the preview');
  const shown = (qp: { items: readonly { label: string; description?: string }[] }) => qp.items.map((i) => `${i.label} ${i.description ?? ''}`);
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

  it('Conan recipes that differ in user/channel are told apart: rows, preview, confirmation and report', async () => {
    const h = await start();
    const hello = await h.find('acme/app', { label: 'Hello', description: '3 versions · conan' });
    const versions = (await h.settledRows(hello.node)).map((r) => `${r.item.label as string} ${r.item.description as string}`);
    assert.deepEqual(versions.sort(), ['Hello 0.1@mycompany/stable · conan', 'Hello 0.2@mycompany/stable · conan', 'Hello 0.2@mycompany/testing · conan']);
    await h.run(COPY, hello.node, { keepNewest: 1 });
    assert.match(h.ui.clipboard, /^ {2}Hello 0\.2@mycompany\/stable · conan \(id \d+\) — beyond the 1 newest$/m);
    h.ui.answer('Delete 2 Packages');
    const done = h.run(CLEAN_UP_VERSIONS, hello.node, { keepNewest: 1 });
    const qp = await preview(h);
    assert.deepEqual(shown(qp), ['Hello 0.2@mycompany/stable · conan', 'Hello 0.1@mycompany/stable · conan']);
    qp.accept();
    await done;
    assert.match(h.ui.log.map((l) => l.text).join('\n'), /2 packages chosen: Hello 0\.2@mycompany\/stable #\d+, Hello 0\.1@mycompany\/stable #\d+/);
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

  it('Clean Up Versions… on a name row of hidden packages says they cannot be cleaned up', async () => {
    const h = await start({ prepareFake: (f) => void f.addPackage(APP, { name: 'half-upload', version: '1.0.0', packageType: 'generic', status: 'hidden' }) });
    await filterTo(h, '$(pulse) Status', 'hidden');
    const row = await h.find('acme/app', 'half-upload');
    h.fake.clearRequests();
    await h.run(CLEAN_UP_VERSIONS, row.node, { keepNewest: 0 });
    assert.equal(
      h.ui.errors[0]?.text,
      'half-upload cannot be cleaned up: packages with status hidden cannot be cleaned up: GitLab lists them only when asked, and its API deletes only default, error, deprecated packages',
    );
    assert.deepEqual(listings(h), []);
  });

  it("a group's name row: the rule's title and the confirmation name its project", async () => {
    const h = await start({
      settings: { groups: ['acme'], groupByName: true },
      prepareFake: (f) => void f.addPackage(SAMPLE.projects.fips.id, { name: 'service-01', version: '9.0.0', packageType: 'npm' }),
    });
    await h.settledRows((await h.find('acme')).node);
    const big = await h.find('acme', { label: 'service-01', description: '5 versions · npm · acme/big' });
    h.ui.type(undefined);
    await h.run(CLEAN_UP_VERSIONS, big.node);
    assert.equal(h.ui.inputBoxes.at(-1)?.options.title, 'Clean Up acme · acme/big · service-01 (1/7)');
    h.ui.answer(undefined);
    const done = h.run(CLEAN_UP_VERSIONS, big.node, { keepNewest: 1 });
    (await preview(h)).accept();
    await done;
    assert.equal(h.ui.modals.at(0)?.text, 'Clean up acme/big in acme: delete 4 packages?');
  });

  it('`project`: a number is a project id; the message says so, and says when projects could not be read', async () => {
    const h = await start({
      settings: { groups: ['2024'], projects: ['acme/app', 'acme/big'] },
      prepareFake: (f) => {
        // A top-level group whose path is all digits: GitLab reads `2024` as its id, not its path.
        f.addGroup({ id: 2024, fullPath: '2024', projectIds: [APP] });
        // acme/big's details cannot be read: its id stays unknown.
        f.fail({ method: 'GET', path: /\/projects\/acme%2Fbig$/ }, { status: 500 }, 1000);
      },
    });
    await h.find('acme/app');
    await h.run(COPY, { project: '2024', keepNewest: 0 });
    assert.equal(
      h.ui.errors[0]?.text,
      'No project with id 2024 in the Packages view (a number is a project id; clean up a group from its row). Projects not read, their ids unknown: 1.',
    );
    assert.equal(h.ui.clipboard, '');
  });
});
