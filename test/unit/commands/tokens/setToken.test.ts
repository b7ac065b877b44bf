/** Set/Remove Access Token with two instances: which one is asked, and only that one is touched. */
import { strict as assert } from 'node:assert';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { harnessPerTest, SAMPLE, startFake, waitFor } from '../../../support/double/harness';

describe('tokens with two instances', () => {
  const t = harnessPerTest();
  let other: FakeGitLab;
  let hosts: [string, string];
  beforeEach(async () => {
    other = await startFake();
  });
  afterEach(() => other.stop());

  const start = async (tokens: { token?: string; tokens?: Record<string, string> } = {}) => {
    const h = await t.start({ settings: { projects: ['acme/app', `${other.url}/acme/app`] }, ...tokens });
    hosts = [new URL(h.fake.url).host, new URL(other.url).host];
    return h;
  };

  it('the root lists both instances, each with its project', async () => {
    const h = await start();
    assert.deepEqual(
      (await h.rows()).map((r) => r.label),
      hosts,
    );
    assert.deepEqual(
      (await h.rows((await h.find(hosts[1])).node)).map((r) => r.label),
      ['acme/app'],
    );
  });

  it('Set Access Token… asks which instance, then checks and stores the token for that one only', async () => {
    const h = await start();
    h.ui.pick(hosts[1]).type(SAMPLE.apiToken);
    await h.run('gitlabPackages.setToken');
    const [picker] = h.ui.quickPicks;
    assert.equal(picker.options.placeHolder, 'Which GitLab instance is the token for?');
    assert.deepEqual(
      picker.items.map((i) => (typeof i === 'string' ? i : [i.label, i.detail])),
      [
        [hosts[0], 'no token'],
        [hosts[1], 'no token'],
      ],
    );
    assert.match(h.ui.inputBoxes[0].options.title ?? '', new RegExp(hosts[1]));
    assert.equal(h.requests('GET', '/api/v4/user', other).length, 1);
    assert.equal(h.requests('GET', '/api/v4/user').length, 0);
    assert.equal(h.storedToken(other.url), SAMPLE.apiToken);
    assert.equal(h.storedToken(h.fake.url), undefined);
    assert.equal(h.ui.toasts.at(-1)?.text, `Signed in to ${hosts[1]} as Demo User (@demo).`);
  });

  it('Escape on the instance question asks nothing more and stores nothing', async () => {
    const h = await start();
    await h.run('gitlabPackages.setToken');
    assert.equal(h.ui.quickPicks.length, 1);
    assert.equal(h.ui.inputBoxes.length, 0);
    assert.equal(h.context.secrets.values.size, 0);
  });

  it('from an instance row: no question, the token input names that instance', async () => {
    const h = await start();
    const row = await h.find(hosts[1]);
    assert.equal(row.item.contextValue, 'instance');
    h.ui.type(SAMPLE.apiToken);
    await h.run('gitlabPackages.setToken', row.node);
    assert.equal(h.ui.quickPicks.length, 0);
    assert.equal(h.storedToken(other.url), SAMPLE.apiToken);
  });

  it('Remove Access Token asks which instance (showing which have one) and removes only that token', async () => {
    const h = await start({ token: SAMPLE.apiToken, tokens: { [other.url]: SAMPLE.readToken } });
    h.ui.pick(hosts[0]);
    await h.run('gitlabPackages.clearToken');
    assert.equal(h.ui.quickPicks[0].options.placeHolder, 'Remove the token of which GitLab instance?');
    assert.deepEqual(
      h.ui.quickPicks[0].items.map((i) => (typeof i === 'string' ? i : i.detail)),
      ['token set', 'token set'],
    );
    assert.equal(h.storedToken(h.fake.url), undefined);
    assert.equal(h.storedToken(other.url), SAMPLE.readToken);
    assert.equal(h.ui.toasts.at(-1)?.text, `Removed the access token for ${hosts[0]}.`);
    // The tree follows: the first instance's project asks for a token again.
    const project = await h.find(hosts[0], 'acme/app');
    await waitFor(async () => (await h.rows(project.node))[0]?.label.startsWith('No access token'), 'the no-token row');
  });
});
