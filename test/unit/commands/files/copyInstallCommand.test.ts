/** Copy Install Command…: snippets for the package's type (an npm package's by its dist-tag too), never with the token in them. */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

describe('Copy Install Command…', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });

  it('Copy Install Command… for an npm package offers snippets and copies the one picked', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', '@acme/ui', '2.3.1');
    h.ui.pick((item) => typeof item !== 'string' && /npm/i.test(item.label));
    await h.run('gitlabPackages.copyInstallCommand', row.node);
    assert.ok(h.ui.quickPicks[0].items.length > 1);
    assert.match(h.ui.clipboardWrites[0] ?? '', /@acme\/ui/);
    assert.ok(!h.ui.clipboardWrites[0]?.includes(SAMPLE.apiToken), 'never the token');
  });

  it('a tooltip gains the latest pipelines when it opens; an npm row shows its dist-tag; Copy Install Command uses the tag', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', '@acme/ui', '2.3.1');
    assert.equal(row.description, '2.3.1 · npm · latest · 🔒 protected');
    const resolved = await h.provider.resolveTreeItem!(row.item, row.node, {
      isCancellationRequested: false,
      onCancellationRequested: () => ({ dispose() {} }),
    });
    const tip = (resolved?.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /\| Pipeline \| \[\\#9002 · v2\\\.3\\\.1 · aaaa9002 · ✓ success\]/);
    assert.equal(h.requests('GET', /\/pipelines$/)[0]?.query.per_page, '2');
    h.ui.pick((item) => typeof item !== 'string' && item.label === 'npm install (tag latest)');
    await h.run('gitlabPackages.copyInstallCommand', row.node);
    assert.deepEqual(h.ui.clipboardWrites, ['npm install @acme/ui@latest']);
    assert.ok(h.ui.quickPicks[0].items.some((i) => typeof i !== 'string' && i.label === 'npm install (this version)'));
  });
});
