/** Open in Browser: the project's or package's page, on the instance it belongs to and nowhere else. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('Open in Browser', () => {
  const t = harnessPerTest();
  const start = (more: Parameters<typeof t.start>[0] = {}) => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, ...more });

  it('Open in Browser: a project opens its page, a package its package page, on the instance', async () => {
    const h = await start();
    await h.run('gitlabPackages.openInBrowser', (await h.find('acme/app')).node);
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    await h.run('gitlabPackages.openInBrowser', pkg.node);
    assert.deepEqual(
      h.ui.openedExternally.map((u) => u.toString()),
      [`${h.fake.url}/acme/app`, `${h.fake.url}/acme/app/-/packages/${h.fake.packagesOf(APP).find((x) => x.name === 'acme-tools')?.id}`],
    );
  });

  // The project's web_url is opened only on the instance's origin (issue 12): it was opened as the server sent it.
  it("Open in Browser does not open a project's web_url that points to another origin", async () => {
    const h = await start({
      prepareFake: (fake) =>
        fake.fail(
          { method: 'GET', path: '/api/v4/projects/acme%2Fapp' },
          {
            status: 200,
            body: {
              id: APP,
              name: 'app',
              path: 'app',
              path_with_namespace: 'acme/app',
              name_with_namespace: 'acme / app',
              web_url: 'https://gitlab-login.example.net/acme/app',
              visibility: 'private',
              packages_enabled: true,
            },
          },
        ),
    });
    const project = await h.find('acme/app');
    await h.run('gitlabPackages.openInBrowser', project.node);
    // The project's page is built on the instance instead (asserting only "nothing foreign" passed when nothing opened).
    assert.deepEqual(
      h.ui.openedExternally.map((u) => u.toString()),
      [`${h.fake.url}/acme/app`],
    );
  });
});
