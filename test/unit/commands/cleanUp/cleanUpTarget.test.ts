/**
 * What a clean-up covers: a name row's versions (Conan by its package name; in a group, the
 * name in its project), the rule remembered where it was asked, `project` naming a project;
 * Conan recipes told apart by their channel, name rows of hidden packages refused, a group's name
 * row named with its project.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, waitFor, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { addRetentionProject, RETENTION } from '../../../support/cleanUpFixtures';

const CLEAN_UP = 'gitlabPackages.cleanUpPackages';
const CLEAN_UP_VERSIONS = 'gitlabPackages.cleanUpVersions';
const COPY = 'gitlabPackages.copyCleanUpPreview';
const APP = SAMPLE.projects.app.id;
const USE_LAST = '$(history) Use the Last Rule';

describe('clean-up scope', () => {
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) =>
    t.start({ settings: { projects: [RETENTION.path], groupByName: true }, token: SAMPLE.apiToken, prepareFake: addRetentionProject, ...opts });
  const preview = (h: Harness) => waitFor(() => h.ui.quickPickWidgets.find((w) => w.visible && w.canSelectMany), 'the preview');
  const shown = (qp: { items: readonly { label: string; description?: string }[] }) => qp.items.map((i) => `${i.label} ${i.description ?? ''}`);
  /** The labels of the quick picks shown from `from` on. */
  const picksFrom = (h: Harness, from: number) => h.ui.quickPicks.slice(from).map((q) => q.items.map((i) => (i as { label: string }).label));

  it("a rule asked on a name row is remembered for that name only, not offered for the project's other names", async () => {
    const h = await start();
    // Clean Up Versions… on lib: keep the newest 2, older than 90 days; the rest skipped.
    h.ui.type('2', '90', '', '', '').pick([], []);
    const asked = h.run(CLEAN_UP_VERSIONS, (await h.find(RETENTION.path, 'lib')).node);
    (await preview(h)).escape();
    await asked;
    // Clean Up Packages… on the project: no last rule to offer, the questions start at once.
    const before = h.ui.quickPicks.length;
    h.ui.type(undefined);
    await h.run(CLEAN_UP, (await h.find(RETENTION.path)).node);
    assert.deepEqual(picksFrom(h, before), []);
    assert.equal(h.ui.inputBoxes.at(-1)?.options.title, 'Clean Up acme/retention (1/7)');
    // Clean Up Versions… on another name: nothing offered either.
    h.ui.type(undefined);
    await h.run(CLEAN_UP_VERSIONS, (await h.find(RETENTION.path, 'broken')).node);
    assert.deepEqual(picksFrom(h, before), []);
    // On lib again: its rule is offered, and used.
    h.ui.pick(USE_LAST);
    const again = h.run(CLEAN_UP_VERSIONS, (await h.find(RETENTION.path, 'lib')).node);
    const qp = await preview(h);
    assert.equal(
      (h.ui.quickPicks.at(-1)?.items[0] as { description?: string }).description,
      'older than 90 days · keeping the newest 2 of each name, whatever the dates',
    );
    assert.deepEqual(shown(qp), ['lib 1.2.0 · generic', 'lib 2.0.0-SNAPSHOT · generic', 'lib 1.1.0 · generic', 'lib 1.0.0 · generic']);
    qp.escape();
    await again;
  });

  it('Conan: Clean Up Versions… on Hello covers every version of the package, by its package name', async () => {
    const h = await start({ settings: { projects: ['acme/app'], groupByName: true } });
    const hello = await h.find('acme/app', { label: 'Hello', description: '3 versions · conan' });
    const done = h.run(CLEAN_UP_VERSIONS, hello.node, { keepNewest: 1 });
    const qp = await preview(h);
    assert.deepEqual(shown(qp), ['Hello 0.2@mycompany/stable · conan', 'Hello 0.1@mycompany/stable · conan']);
    assert.ok(qp.items.every((i) => i.detail === 'beyond the 1 newest'));
    qp.escape();
    await done;
    // A name pattern matches the package name, not the recipe.
    await h.run('gitlabPackages.copyCleanUpPreview', (await h.find('acme/app')).node, { namePattern: 'Hello', keepNewest: 1 });
    assert.ok(h.ui.clipboard.includes('To delete (2)'), h.ui.clipboard);
  });

  it("a group's name row is the name in one project, and its clean-up says so and ranks there", async () => {
    const h = await start({
      settings: { groups: ['acme'], groupByName: true },
      prepareFake: (fake) =>
        void fake.addPackage(SAMPLE.projects.fips.id, { name: 'service-01', version: '9.0.0', packageType: 'npm', createdAt: new Date().toISOString() }),
    });
    await h.settledRows((await h.find('acme')).node);
    const big = await h.find('acme', { label: 'service-01', description: '5 versions · npm · acme/big' });
    await h.find('acme', { label: 'service-01', description: '1 version · npm · acme/fips' });
    const done = h.run(CLEAN_UP_VERSIONS, big.node, { keepNewest: 1 });
    const qp = await preview(h);
    // The newest of acme/big stays; the newer one in acme/fips is another name.
    assert.equal(qp.items.length, 4);
    assert.ok(qp.items.every((i) => (i.description ?? '').endsWith('· acme/big')));
    assert.match(
      qp.placeholder ?? '',
      /Scope: only service-01 \(npm\) in acme\/big: its versions there are ranked by age, apart from the same name in other projects/,
    );
    qp.triggerButton('Show the Preview in a Document');
    const doc = await waitFor(() => h.ui.documentsShown[0]?.document, 'the preview document');
    assert.equal(
      doc.getText().split('\n')[2],
      'Scope: only service-01 (npm) in acme/big: its versions there are ranked by age, apart from the same name in other projects',
    );
    qp.escape();
    await done;
    // The whole group: said too.
    await h.run('gitlabPackages.copyCleanUpPreview', (await h.find('acme')).node, { namePattern: 'service-01', keepNewest: 1 });
    assert.match(h.ui.clipboard, /^Scope: every project of the group; a name is ranked within its project \(the same name in two projects is two names\)$/m);
  });

  it('terraform modules, which GitLab lists only when asked, are asked for when the rule names their type; hidden packages are refused, saying why', async () => {
    const h = await start({ settings: { projects: ['acme/app'] } });
    const app = (await h.find('acme/app')).node;
    h.fake.clearRequests();
    await h.run('gitlabPackages.copyCleanUpPreview', app, { packageTypes: 'terraform_module', keepNewest: 0 });
    assert.match(h.ui.clipboard, /^To delete \(1\)\n {2}acme-network 0\.2\.0 · terraform_module \(id \d+\) — matches the rule$/m);
    assert.deepEqual(
      h.requests('GET', /\/packages$/).map((r) => r.query.package_type),
      ['terraform_module'],
    );
    await h.run(CLEAN_UP, app, { statuses: ['hidden'] });
    assert.equal(
      h.ui.errors[0]?.text,
      'The clean-up rule cannot be used: statuses: packages with status hidden cannot be cleaned up: GitLab lists them only when asked, and its API deletes only default, error, deprecated packages',
    );
  });

  it('`project` in the argument object: a number is a project id, never a group', async () => {
    const h = await start({ settings: { groups: [String(SAMPLE.groupId)], projects: [RETENTION.path] } });
    await h.run('gitlabPackages.copyCleanUpPreview', { project: String(SAMPLE.groupId), olderThanDays: 90 });
    assert.equal(h.ui.errors[0]?.text, `No project with id ${SAMPLE.groupId} in the Packages view (a number is a project id; clean up a group from its row).`);
    assert.equal(h.ui.clipboard, '');
    // The project's own id names it, though the settings name it by path.
    const byId = h.run(CLEAN_UP, { project: RETENTION.id, olderThanDays: 90 });
    const qp = await preview(h);
    assert.match(qp.title ?? '', /^Clean Up acme\/retention: /);
    qp.escape();
    await byId;
  });
});

describe('clean-up scope in the sample registry', () => {
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) => t.start({ settings: { projects: ['acme/app'], groupByName: true }, token: SAMPLE.apiToken, ...opts });
  const preview = (h: Harness) => waitFor(() => h.ui.quickPickWidgets.find((w) => w.visible && w.canSelectMany), 'the preview');
  const shown = (qp: { items: readonly { label: string; description?: string }[] }) => qp.items.map((i) => `${i.label} ${i.description ?? ''}`);
  const listings = (h: Harness) => h.requests('GET', /\/packages$/).map((r) => r.query.package_type);
  const filterTo = async (h: Harness, step: string, value: string) => {
    h.ui.pick(step, value, '$(check) Apply');
    await h.run('gitlabPackages.filter');
  };

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
