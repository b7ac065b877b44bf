/**
 * Reveal in Packages View, as the lockfile diagnostics and hovers call it: the view is shown and
 * the package's row revealed — under its project, under a configured group never expanded (a
 * subgroup's project, given only the group of a PyPI index), past the first pages, under its name
 * row when grouped by name — or one message says why not, with the action that helps, after which
 * it is revealed. The double's reveal walks the rows as VS Code does (getParent up, getChildren
 * down, by id), so a row VS Code could not reach fails here too.
 */
import { strict as assert } from 'node:assert';
import { LOCKFILE_SEED } from '../../../fake-gitlab/seedLockfiles';
import { harnessPerTest, SAMPLE, waitFor, type Harness, type Node } from '../../../support/double/harness';
import { useLockfileFake } from '../../../support/lockfileFake';
import { FakeGitApi } from '../../../support/double/vscode';

const COMMAND = 'gitlabPackages.revealPackage';
const REVEALED_AS = { select: true, focus: true, expand: true };
const p = LOCKFILE_SEED.projects;

describe('Reveal in Packages View', function () {
  this.timeout(20_000);
  const t = harnessPerTest();

  /** Each row from the root down to `node` as getParent gives them: its label and the first part of its description (a package's version). */
  const pathTo = async (h: Harness, node: Node): Promise<string[]> => {
    const out: string[] = [];
    for (let n: Node | null | undefined = node; n; n = await h.provider.getParent?.(n)) {
      const item = await h.item(n);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const description = typeof item.description === 'string' ? item.description.split(' · ')[0] : '';
      out.unshift(description ? `${label} ${description}` : label);
    }
    return out;
  };
  const revealed = (h: Harness): Promise<string[]> => {
    assert.equal(h.view.reveals.length, 1, `one reveal (messages: ${h.ui.messages.map((m) => m.text).join(' | ')})`);
    const [{ element, options }] = h.view.reveals;
    assert.deepEqual(options, REVEALED_AS);
    assert.deepEqual(h.view.selection, [element], 'the row is selected');
    return pathTo(h, element);
  };

  describe('against the lockfile registry', () => {
    const fake = useLockfileFake();
    const start = (settings: Record<string, unknown>, prepare?: (h: Harness) => void) =>
      t.start({ fake: fake(), settings, tokens: { [fake().url]: LOCKFILE_SEED.token } }).then((h) => (prepare?.(h), h));
    const npm = (over: Record<string, unknown> = {}) => ({
      instanceUrl: fake().url,
      project: p.web.id,
      packageType: 'npm',
      name: '@lockco/ui',
      version: '1.0.0',
      ...over,
    });

    it('a project entry: shows the view, then reveals the row selected, focused and expanded (instance URL and project key compared normalised)', async () => {
      const h = await start({ projects: [p.web.path] });
      const url = new URL(fake().url);
      await h.run(COMMAND, npm({ instanceUrl: `${url.protocol}//${url.host.toUpperCase()}/` }));
      assert.deepEqual(await revealed(h), [p.web.path, '@lockco/ui 1.0.0']);
      const focus = h.vscode.executed.findIndex((e) => e.id === 'gitlabPackages.packages.focus');
      assert.ok(focus >= 0 && focus < h.vscode.executed.length, 'the view was shown');
      assert.deepEqual(h.ui.toasts, []);
    });

    it('a project in a subgroup of a configured group never expanded, given only the group (a PyPI group index) and the normalised name', async () => {
      const h = await start({ groups: [LOCKFILE_SEED.group.path] });
      await h.run(COMMAND, { instanceUrl: fake().url, group: LOCKFILE_SEED.group.path, packageType: 'pypi', name: 'lockco-data', version: '0.2.0' });
      const path = await revealed(h);
      assert.deepEqual(path, [`${LOCKFILE_SEED.group.path} group`, 'lockco_data 0.2.0']);
    });

    it('a group that lists only its own projects (subgroups off) does not hold a subgroup’s package: not in the view', async () => {
      const h = await start({ groups: [LOCKFILE_SEED.group.path], includeSubgroups: false });
      await h.run(COMMAND, { instanceUrl: fake().url, project: p.ml.id, packageType: 'pypi', name: 'lockco_data', version: '0.2.0' });
      assert.deepEqual(h.view.reveals, []);
      assert.deepEqual(
        h.ui.toasts.map((m) => [m.text, m.buttons]),
        [[`lockco_data 0.2.0 is in ${p.ml.path}, which is not in the Packages view.`, ['Add Project…']]],
      );
    });

    const many = { id: 390, path: 'lockco/many' };
    /** 250 npm packages: newest first, the first one published is the last row, on page 3. */
    const withMany = (h: Harness): void => {
      h.fake.addProject({ id: many.id, pathWithNamespace: many.path, members: { [LOCKFILE_SEED.userId]: 50 } });
      h.fake.addPackagesBulk(many.id, 250, { packageType: 'npm', namePrefix: 'dep' });
    };
    const onPage3 = { project: many.path, packageType: 'npm', name: 'dep-00000', version: '1.0.0' };

    it('a package on page 3 of its project: the list is paged until it is in', async () => {
      const h = await start({ projects: [many.path] }, withMany);
      await h.run(COMMAND, { instanceUrl: fake().url, ...onPage3 });
      assert.deepEqual(await revealed(h), [many.path, 'dep-00000 1.0.0']);
      assert.ok(
        h.requests('GET', `/api/v4/projects/${many.id}/packages`).some((r) => r.query.page === '3'),
        'page 3 was read',
      );
    });

    it('Cancel while the list loads: nothing revealed, nothing said', async () => {
      const h = await start({ projects: [many.path] }, withMany);
      const page3 = h.fake.hold({ method: 'GET', path: `/api/v4/projects/${many.id}/packages`, query: { page: '3' } });
      const run = h.run(COMMAND, { instanceUrl: fake().url, ...onPage3 });
      await page3.arrived();
      assert.ok(h.ui.cancelProgress(), 'the progress has a Cancel button');
      await run;
      page3.release();
      assert.deepEqual([h.view.reveals, h.ui.messages], [[], []]);
    });

    it('grouped by name: under its name row (getParent gives the row the view shows)', async () => {
      const h = await start({ projects: [p.web.path], groupByName: true });
      await h.run(COMMAND, npm({ version: '1.1.0' }));
      const path = await revealed(h);
      assert.deepEqual([path.length, path[0], path[2]], [3, p.web.path, '@lockco/ui 1.1.0']);
      assert.match(path[1], /^@lockco\/ui /);
    });

    it('a detected project (git remote) is revealed there', async () => {
      const git = new FakeGitApi();
      const h = await t.start({
        fake: fake(),
        settings: { projects: [] },
        tokens: { [fake().url]: LOCKFILE_SEED.token },
        workspaceFolders: ['/work/repo'],
        beforeActivate: (w) => w.provideGit(git),
      });
      git.openRepository('/work/repo', [{ name: 'origin', fetchUrl: `${fake().url}/${p.tools.path}.git` }]);
      await waitFor(async () => (await h.rows()).some((r) => r.label === p.tools.path), 'the detected project');
      await h.run(COMMAND, { instanceUrl: fake().url, project: p.tools.id, packageType: 'npm', name: '@labs/cli', version: '0.3.0' });
      assert.deepEqual(await revealed(h), [`${p.tools.path} detected`, '@labs/cli 0.3.0']);
    });

    it('hidden by the filter: says so once; Clear Filter clears it and reveals', async () => {
      const h = await start({ projects: [p.web.path] });
      h.ui.pick('Name contains…', 'Apply').type('tokens');
      await h.run('gitlabPackages.filter');
      await h.run(COMMAND, npm());
      assert.deepEqual(h.view.reveals, []);
      const [message, ...more] = h.ui.toasts;
      assert.deepEqual([message.text, message.buttons, more], [`@lockco/ui 1.0.0 is hidden by the filter on ${p.web.path}.`, ['Clear Filter'], []]);
      message.click('Clear Filter');
      await waitFor(() => h.view.reveals.length > 0, 'the reveal after Clear Filter');
      assert.deepEqual(await revealed(h), [p.web.path, '@lockco/ui 1.0.0']);
      assert.equal(h.vscode.contextKeys.get('gitlabPackages.filtered'), false);
    });

    it('not in the view: Add Project… opens pre-filled with its path; once added it is revealed', async () => {
      const h = await start({ projects: [p.web.path] });
      await h.run(COMMAND, { instanceUrl: fake().url, project: p.tools.id, packageType: 'npm', name: '@labs/cli', version: '0.3.0' });
      const [message, ...more] = h.ui.toasts;
      assert.deepEqual(
        [message.text, message.buttons, more],
        [`@labs/cli 0.3.0 is in ${p.tools.path}, which is not in the Packages view.`, ['Add Project…'], []],
      );
      h.ui.type(p.tools.path);
      message.click('Add Project…');
      await waitFor(() => h.view.reveals.length > 0, 'the reveal after Add Project…');
      assert.equal(h.ui.inputBoxes[0].options.value, p.tools.path);
      assert.deepEqual(h.setting('projects'), [p.web.path, p.tools.path]);
      assert.deepEqual(await revealed(h), [p.tools.path, '@labs/cli 0.3.0']);
    });

    it('a version no longer in the registry: one message, nothing revealed', async () => {
      const h = await start({ projects: [p.web.path] });
      await h.run(COMMAND, npm({ version: '9.9.9' }));
      assert.deepEqual(h.view.reveals, []);
      assert.deepEqual(
        h.ui.toasts.map((m) => m.text),
        [`@lockco/ui 9.9.9 is no longer in the package registry of ${p.web.path}.`],
      );
    });

    it('given only a group that holds no such version: it cannot be placed', async () => {
      const h = await start({ groups: [LOCKFILE_SEED.group.path] });
      await h.run(COMMAND, { instanceUrl: fake().url, group: LOCKFILE_SEED.group.id, packageType: 'pypi', name: 'lockco-data', version: '9.0' });
      assert.deepEqual(
        h.ui.toasts.map((m) => m.text),
        [`lockco-data 9.0 cannot be placed: no project of group ${LOCKFILE_SEED.group.id} holds it.`],
      );
    });

    it('an instance not in the settings is not asked, and an argument that is no package version is refused', async () => {
      const h = await start({ projects: [p.web.path] });
      h.fake.clearRequests();
      await h.run(COMMAND, npm({ instanceUrl: 'https://gitlab.example.com' }));
      await h.run(COMMAND, { project: p.web.id, name: '@lockco/ui' });
      await h.run(COMMAND);
      assert.deepEqual(
        h.ui.messages.map((m) => m.text),
        [
          '@lockco/ui 1.0.0 is on https://gitlab.example.com, which is not a GitLab instance in your settings.',
          'Reveal in Packages View needs a package version to reveal.',
          'Reveal in Packages View needs a package version to reveal.',
        ],
      );
      assert.deepEqual(h.fake.requests, []);
      assert.deepEqual(h.view.reveals, []);
    });
  });

  describe('against the sample registry (private projects)', () => {
    const app = { instanceUrl: '', project: SAMPLE.projects.app.id, packageType: 'npm', name: '@acme/ui', version: '2.3.1' };

    it('no access token: says so; Set Access Token… stores one, then it is revealed', async () => {
      const h = await t.start({ settings: { projects: [SAMPLE.projects.app.path] } });
      await h.run(COMMAND, { ...app, instanceUrl: h.fake.url });
      const [message, ...more] = h.ui.toasts;
      assert.deepEqual(
        [message.text, message.buttons, more],
        [`@acme/ui 2.3.1 cannot be looked up: there is no access token for ${new URL(h.fake.url).host}.`, ['Set Access Token…'], []],
      );
      h.ui.type(SAMPLE.apiToken);
      message.click('Set Access Token…');
      await waitFor(() => h.view.reveals.length > 0, 'the reveal after Set Access Token…');
      assert.deepEqual(await revealed(h), [SAMPLE.projects.app.path, '@acme/ui 2.3.1']);
    });

    it('past the 10,000 rows a list loads by itself: Load more… is loaded until it is in', async () => {
      const huge = { id: 310, path: 'acme/huge-npm' };
      const h = await t.start({
        settings: { projects: [huge.path] },
        token: SAMPLE.apiToken,
        prepareFake: (fake) => {
          fake.addProject({ id: huge.id, pathWithNamespace: huge.path, members: { [SAMPLE.userId]: 50 } });
          fake.addPackagesBulk(huge.id, 10_050, { packageType: 'npm' });
        },
      });
      // Newest first: the first one published is row 10,050.
      await h.run(COMMAND, { instanceUrl: h.fake.url, project: huge.id, packageType: 'npm', name: 'pkg-00000', version: '1.0.0' });
      assert.deepEqual(await revealed(h), [huge.path, 'pkg-00000 1.0.0']);
      const packages = (await h.rows((await h.find(huge.path)).node)).filter((r) => r.item.contextValue?.startsWith('package'));
      assert.deepEqual([packages.length, packages.at(-1)?.label], [10_050, 'pkg-00000'], 'the list with the rows Load more… added');
    });

    it('a project whose lookup failed when the view loaded is looked up again, then revealed', async () => {
      const h = await t.start({ settings: { projects: [SAMPLE.projects.app.path] }, token: SAMPLE.apiToken });
      h.fake.fail({ method: 'GET', path: `/api/v4/projects/${encodeURIComponent(SAMPLE.projects.app.path)}` }, { status: 500, body: { message: 'boom' } }, 10);
      await h.find(SAMPLE.projects.app.path);
      h.fake.clearFaults();
      await h.run(COMMAND, { ...app, instanceUrl: h.fake.url });
      assert.deepEqual(await revealed(h), [SAMPLE.projects.app.path, '@acme/ui 2.3.1']);
    });

    it("the project's list cannot be read, even read again: its row that says why is revealed", async () => {
      const h = await t.start({ settings: { projects: [SAMPLE.projects.app.path] }, token: SAMPLE.apiToken });
      // The tree lists the project by its id once looked up; the registry is asked by the path given.
      h.fake.fail({ method: 'GET', path: `/api/v4/projects/${SAMPLE.projects.app.id}/packages` }, { status: 500, body: { message: 'boom' } }, 20);
      await h.run(COMMAND, { ...app, project: SAMPLE.projects.app.path, instanceUrl: h.fake.url });
      const path = await revealed(h);
      assert.equal(path[0], SAMPLE.projects.app.path);
      assert.match(path[1], /Retry/);
    });
  });
});
