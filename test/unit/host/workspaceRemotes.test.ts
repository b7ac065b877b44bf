/** Projects behind the workspace's git remotes: detected through the git extension, listed first. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, waitFor } from '../../support/double/harness';
import { FakeGitApi } from '../../support/double/vscode';

describe('projects detected from git remotes', () => {
  const t = harnessPerTest();

  it('projects behind the workspace git remotes are listed first, marked detected', async () => {
    const git = new FakeGitApi();
    const h = await t.start({
      settings: { projects: ['acme/app'] },
      token: SAMPLE.apiToken,
      workspaceFolders: ['/work/repo'],
      beforeActivate: (w) => {
        w.provideGit(git);
      },
    });
    git.openRepository('/work/repo', [{ name: 'origin', fetchUrl: `${h.fake.url}/acme/big.git` }]);
    const rows = await waitFor(async () => {
      const r = await h.rows();
      return r.length === 2 && r;
    }, 'the detected project');
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['acme/big', 'detected'],
        ['acme/app', undefined],
      ],
    );
  });
});
