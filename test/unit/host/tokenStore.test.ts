import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../support/double/harness';

describe('the access token in SecretStorage', () => {
  const t = harnessPerTest();

  it('is read once, not once per request (each read is a round trip to the window), and read again when another window changes it', async () => {
    const h = await t.start({
      settings: { projects: ['acme/huge'] },
      token: SAMPLE.apiToken,
      prepareFake: (fake) => {
        fake.addProject({ id: 9301, pathWithNamespace: 'acme/huge', members: { [SAMPLE.userId]: 40 } });
        fake.addPackagesBulk(9301, 450);
      },
    });
    const secrets = h.context.secrets;
    const key = `gitlabPackages.token:${new URL(h.fake.url).origin}`;
    const read = secrets.get.bind(secrets);
    let reads = 0;
    secrets.get = (k: string) => {
      if (k === key) reads++;
      return read(k);
    };
    const [project] = await h.children();
    const rows = await h.settledRows(project);
    assert.equal(rows.filter((r) => r.label.startsWith('pkg-')).length, 450);
    const lists = h.fake.requests.filter((r) => r.path.endsWith('/projects/9301/packages'));
    assert.equal(lists.length, 5);
    assert.ok(lists.every((r) => r.status === 200));
    assert.ok(reads <= 1, `${reads} SecretStorage reads for ${lists.length} requests`);

    // Another window stores a token GitLab does not know: the next request sends it.
    await secrets.store(key, 'glpat-from-another-window');
    h.fake.clearRequests();
    await h.vscode.commands.executeCommand('gitlabPackages.refresh');
    const [again] = await h.children();
    await h.children(again);
    // The token change also re-checks the instance: let every request be answered first.
    await h.fake.idle();
    assert.ok(h.fake.requests.length > 0);
    assert.deepEqual(
      h.fake.requests.map((r) => r.status),
      h.fake.requests.map(() => 401),
      'every request after the change carries the new token, which GitLab rejects',
    );
  });
});
