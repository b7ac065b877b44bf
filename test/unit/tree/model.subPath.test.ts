/** An instance under a sub-path (https://host/gitlab): every request below its API root, links under it. */
import { strict as assert } from 'node:assert';
import { parseProjectEntry } from '../../../src/core/projects/projectRef';
import { GitLabClient } from '../../../src/gitlab/client';
import { nodeFetch as fetch } from '../../../src/platform/node';
import { PackagesTreeModel } from '../../../src/tree/model';
import type { PackageNode, ProjectNode } from '../../../src/tree/nodes';
import { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';

describe('an instance under a sub-path (https://host/gitlab), over HTTP', () => {
  let fake: FakeGitLab;
  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none', basePath: '/gitlab' });
    seedSample(fake);
  });
  after(() => fake.stop());

  it('asks everything below /gitlab/api/v4, pages through, and gets links under the sub-path', async () => {
    assert.match(fake.url, /\/gitlab$/);
    const client = new GitLabClient({ instanceUrl: fake.url, fetch, getToken: () => Promise.resolve(SAMPLE.apiToken), userAgent: 't', maxRetries: 0 });
    const m = new PackagesTreeModel({
      // As with gitlabPackages.instanceUrl = https://host/gitlab: a URL below it belongs to it.
      entries: () => [parseProjectEntry(`${fake.url}/${SAMPLE.projects.big.path}`, fake.url, [fake.url])],
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      onDidChange: () => undefined,
    });
    const [big] = (await m.children()) as ProjectNode[];
    assert.equal(big.project?.pathWithNamespace, SAMPLE.projects.big.path);
    assert.equal(big.ref.instanceUrl, fake.url, 'the URL entry names the sub-path instance');
    await m.whenSettled(big);
    const rows = await m.children(big);
    const pkgs = rows.filter((r): r is PackageNode => r.kind === 'package');
    assert.equal(pkgs.length, 250, 'all three pages');
    assert.ok(fake.requests.length > 3);
    assert.deepEqual(
      fake.requests.filter((r) => !r.path.startsWith('/gitlab/api/v4/')),
      [],
      'nothing outside the sub-path',
    );
    assert.match(pkgs[0].pkg.webPath ?? '', /^\/gitlab\/acme\/big\/-\/packages\/\d+$/);
    await client.deletePackage(big.project.id, pkgs[0].pkg.id);
    assert.equal(fake.requests.at(-1)?.path, `/gitlab/api/v4/projects/${big.project.id}/packages/${pkgs[0].pkg.id}`);
  });
});
