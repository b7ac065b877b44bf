/** Set Access Token…: which instance is asked, the token checked before it is stored, and one message that says all. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { twoInstances } from '../../../support/twoInstances';

describe('Set Access Token…', () => {
  const t = harnessPerTest();

  // Signing in raised three notifications: signed in, read-only, expiry (issue 12).
  it('signing in says everything in one message, and the instance check after it adds none', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    h.fake.addToken({
      value: 'soon-read-only',
      userId: SAMPLE.userId,
      scopes: ['read_api'],
      name: 'soon',
      expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    });
    h.ui.type('soon-read-only');
    await h.run('gitlabPackages.setToken');
    // The instance check that follows (its own read of the token) must not add a second warning.
    // Delete from the palette waits for that check to land (InstanceHealth.settled), then refuses
    // the read-only token: by then anything the check had to say has been said.
    await h.run('gitlabPackages.deletePackage');
    assert.ok(
      h.fake.requests.filter((r) => r.path.endsWith('/personal_access_tokens/self') && r.status > 0).length >= 2,
      'the instance check read the token again',
    );
    const [signedIn, ...after] = h.ui.toasts.map((m) => m.text);
    assert.match(signedIn, /^Signed in to .* This token can browse but not delete .* It expires in 3 days/);
    assert.deepEqual(after, [
      `The access token for ${new URL(h.fake.url).host} can only read (it lacks the "api" scope): deleting needs a token with the "api" scope.`,
    ]);
  });

  describe('with two instances', () => {
    const two = twoInstances(t);

    it('Set Access Token… asks which instance, then checks and stores the token for that one only', async () => {
      const { h, other, hosts } = await two.start();
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
      const { h } = await two.start();
      await h.run('gitlabPackages.setToken');
      assert.equal(h.ui.quickPicks.length, 1);
      assert.equal(h.ui.inputBoxes.length, 0);
      assert.equal(h.context.secrets.values.size, 0);
    });

    it('from an instance row: no question, the token input names that instance', async () => {
      const { h, other, hosts } = await two.start();
      const row = await h.find(hosts[1]);
      assert.equal(row.item.contextValue, 'instance');
      h.ui.type(SAMPLE.apiToken);
      await h.run('gitlabPackages.setToken', row.node);
      assert.equal(h.ui.quickPicks.length, 0);
      assert.equal(h.storedToken(other.url), SAMPLE.apiToken);
    });
  });
});
