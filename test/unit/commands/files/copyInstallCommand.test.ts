/** Copy Install Command…: snippets for the package's type, never with the token in them. */
import { strict as assert } from 'node:assert';
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
});
