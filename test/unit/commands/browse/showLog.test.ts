/** Show Log: the extension's log channel is brought into view, and nothing else is asked or sent; what the log holds of the tree. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';
import { ExtensionMode } from '../../../support/double/vscode';

describe('Show Log', () => {
  const t = harnessPerTest();

  it('shows the "GitLab Packages" log, asking nothing and sending nothing to GitLab', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken, extensionMode: ExtensionMode.Test });
    // Whatever activation asked of GitLab has landed: what follows is the command's alone.
    await h.settle();
    assert.deepEqual(h.ui.logShown, [], 'not shown before it is asked for');
    const before = h.fake.requests.length;
    await h.run('gitlabPackages.showLog');
    assert.deepEqual(h.ui.logShown, ['GitLab Packages']);
    assert.equal(h.fake.requests.length, before);
    assert.deepEqual([h.ui.quickPicks, h.ui.inputBoxes, h.ui.modals, h.ui.messages], [[], [], [], []]);
  });

  it("has a debug line for each read of a project's rows, with how many rows it returned (the UI bench counts them)", async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const project = await h.find('acme/app');
    const rows = await h.children(project.node);
    const id = (project.node as { id: string }).id;
    const reads = () => h.ui.log.filter((l) => l.level === 'debug' && l.text.startsWith(`getChildren ${id} → `) && / → \d+ rows$/.test(l.text));
    assert.ok(reads().length >= 1);
    assert.equal(
      reads()
        .at(-1)
        ?.text.match(/→ (\d+) rows/)?.[1],
      String(rows.length),
    );
    const before = reads().length;
    await h.children(project.node);
    assert.equal(reads().length, before + 1, 'one more read, one more line');
  });
});
