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

  it('a read SecretStorage has not answered after its patience (a locked keyring) is not waited on by later requests', async () => {
    await t.start({ settings: {} });
    // The module the window loaded, bound to its `vscode`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TokenStore } = require('../../../src/host/tokenStore') as typeof import('../../../src/host/tokenStore');
    const answers: ((token: string | undefined) => void)[] = [];
    const secrets = {
      get: () => new Promise<string | undefined>((answer) => answers.push(answer)),
      store: () => Promise.resolve(),
      delete: () => Promise.resolve(),
      keys: () => Promise.resolve([]),
      onDidChange: () => ({ dispose: () => undefined }),
    };
    const origin = 'https://gitlab.example.com';
    const store = new TokenStore(secrets, undefined, 20);
    const first = store.get(origin);
    const alongside = store.get(origin);
    assert.equal(answers.length, 1, 'requests at the same time share a read');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const later = store.get(origin);
    assert.equal(answers.length, 2, 'a request after the patience reads again instead of waiting on the hung read');
    answers[1]('glpat-second');
    assert.equal(await later, 'glpat-second');
    answers[0]('glpat-first');
    assert.deepEqual([await first, await alongside], ['glpat-first', 'glpat-first']);
    assert.equal(await store.get(origin), 'glpat-second', "the hung read's late answer does not replace the newer one");
    assert.equal(answers.length, 2);
    store.dispose();
  });

  it('a read that fails is no missing token: has() says yes (the request then names the failure), get() rejects', async () => {
    await t.start({ settings: {} });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TokenStore } = require('../../../src/host/tokenStore') as typeof import('../../../src/host/tokenStore');
    const secrets = {
      get: () => Promise.reject(new Error('Cannot get password: no keyring')),
      store: () => Promise.resolve(),
      delete: () => Promise.resolve(),
      keys: () => Promise.resolve([]),
      onDidChange: () => ({ dispose: () => undefined }),
    };
    const store = new TokenStore(secrets, undefined, 20);
    assert.equal(await store.has('https://gitlab.example.com'), true);
    await assert.rejects(store.get('https://gitlab.example.com'), /no keyring/);
    store.dispose();
  });
});
