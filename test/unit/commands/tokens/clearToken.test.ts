/**
 * Remove Access Token: removes the stored token of the instance asked; a token from
 * GITLAB_PACKAGES_TOKEN cannot be removed from inside VS Code, which it says, offering to stop
 * sending it in this window ("Stop Using It in This Window").
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../../../support/double/harness';
import { twoInstances } from '../../../support/twoInstances';

const STOP = 'Stop Using It in This Window';
const INSTANCE_CHECK = /^\/api\/v4\/(version|personal_access_tokens\/self)$/;

describe('Remove Access Token', () => {
  const t = harnessPerTest();

  describe('with two instances', () => {
    const two = twoInstances(t);

    it('Remove Access Token asks which instance (showing which have one) and removes only that token', async () => {
      const { h, other, hosts } = await two.start({ token: SAMPLE.apiToken, tokens: { [two.other.url]: SAMPLE.readToken } });
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

  describe('with the token from GITLAB_PACKAGES_TOKEN', () => {
    const start = (more: Parameters<typeof t.start>[0] = {}) =>
      t.start({ settings: { projects: ['acme/app'] }, env: { GITLAB_PACKAGES_TOKEN: SAMPLE.apiToken }, ...more });
    const host = (h: Harness) => new URL(h.fake.url).host;
    /**
     * The rows of acme/app after a refresh (by the user, or the tree's own on a token change), and which of the requests the tree sent for them
     * carried a token. The instance check's reads are left out: one that began before the click
     * (when the stored token was removed, or at activation) may still be reading with the token
     * it had then.
     */
    const refreshed = async (h: Harness, by: 'Refresh' | 'itself' = 'Refresh') => {
      h.fake.clearRequests();
      if (by === 'Refresh') await h.run('gitlabPackages.refresh');
      const rows = await h.rows((await h.find('acme/app')).node);
      const treeRequests = h.fake.requests.filter((r) => !INSTANCE_CHECK.test(r.path));
      assert.ok(treeRequests.length > 0, 'the tree asked GitLab');
      return { rows, sentWithToken: treeRequests.filter((r) => r.auth !== 'none') };
    };

    // It said "Removed" while the environment token was still sent (issue 12).
    it('says where the token comes from and that VS Code cannot remove it; cancelled, the token is still sent and nothing claims otherwise', async () => {
      const h = await start();
      assert.ok((await refreshed(h)).sentWithToken.length > 0, 'the environment token is sent');
      await h.run('gitlabPackages.clearToken');
      assert.deepEqual(
        h.ui.modals.map((m) => [m.text, m.detail, m.buttons, m.answer]),
        [
          [
            `The access token for ${host(h)} comes from the environment variable GITLAB_PACKAGES_TOKEN, which VS Code cannot remove.`,
            'Unset GITLAB_PACKAGES_TOKEN where VS Code is started to remove it for good. This window can stop sending it now.',
            [STOP],
            undefined,
          ],
        ],
      );
      assert.deepEqual(h.ui.toasts, [], 'no "Removed" for a token that is still sent');
      const after = await refreshed(h);
      assert.ok(after.sentWithToken.length > 0 && after.sentWithToken.every((r) => r.tokenKnown), 'the environment token is still sent');
      assert.ok(!after.rows[0]?.label.startsWith('No access token'), after.rows[0]?.label);
    });

    it('Stop Using It in This Window: this window sends no token from then on, says so, and the tree asks for one', async () => {
      const h = await start();
      await refreshed(h);
      h.ui.answer(STOP);
      await h.run('gitlabPackages.clearToken');
      assert.deepEqual(
        h.ui.toasts.map((m) => m.text),
        [`This window no longer sends the token from GITLAB_PACKAGES_TOKEN to ${host(h)}.`],
      );
      // The tree follows by itself: no Refresh.
      const after = await waitFor(async () => {
        const r = await refreshed(h, 'itself');
        return r.rows[0]?.label.startsWith('No access token') && r;
      }, 'the no-token row');
      assert.deepEqual(after.sentWithToken, [], 'no request carries the token');
      assert.equal(h.context.secrets.values.size, 0, 'nothing was stored instead');
      assert.equal(process.env.GITLAB_PACKAGES_TOKEN, SAMPLE.apiToken, 'the environment is not VS Code’s to change');
      // A token set afterwards is the user's choice: it is stored and sent.
      h.ui.type(SAMPLE.readToken);
      await h.run('gitlabPackages.setToken');
      assert.equal(h.storedToken(h.fake.url), SAMPLE.readToken);
      assert.ok((await refreshed(h)).sentWithToken.length > 0);
    });

    it('with a stored token too: the stored one is removed, the environment one is said to be still sent; Stop Using It ends that too', async () => {
      const h = await start({ token: SAMPLE.readToken });
      h.ui.answer(STOP);
      await h.run('gitlabPackages.clearToken');
      assert.equal(h.storedToken(h.fake.url), undefined, 'the stored token is removed');
      assert.equal(
        h.ui.modals[0]?.text,
        `Removed the stored access token for ${host(h)}. The token from the environment variable GITLAB_PACKAGES_TOKEN is still sent to ${host(h)}.`,
      );
      assert.deepEqual(h.ui.modals[0]?.buttons, [STOP]);
      // The tree follows by itself: no Refresh.
      const after = await waitFor(async () => {
        const r = await refreshed(h, 'itself');
        return r.rows[0]?.label.startsWith('No access token') && r;
      }, 'the no-token row');
      assert.deepEqual(after.sentWithToken, []);
    });
  });
});
