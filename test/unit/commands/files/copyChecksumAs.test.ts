/** Copy Checksum…: the algorithms the file has, and the one picked on the clipboard. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('Copy Checksum…', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });

  it('Copy Checksum… offers the algorithms present and copies the one picked', async () => {
    const h = await start();
    const row = await h.find('acme/app', { label: 'acme-tools', description: '0.4.0 ·' }, 'acme_tools-0.4.0.tar.gz');
    h.ui.pick('SHA-1');
    await h.run('gitlabPackages.copyChecksumAs', row.node);
    assert.deepEqual(
      h.ui.quickPicks[0].items.map((i) => (typeof i === 'string' ? i : i.label)),
      ['SHA-256', 'SHA-1', 'MD5'],
    );
    const file = h.fake
      .packagesOf(APP)
      .find((x) => x.name === 'acme-tools')
      ?.files.find((f) => f.fileName === 'acme_tools-0.4.0.tar.gz');
    assert.deepEqual(h.ui.clipboardWrites, [file?.sha1]);
  });
});
