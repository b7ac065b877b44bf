/**
 * Clean Up Packages in a real VS Code: rules given as the argument object of keybindings (as
 * automation would), the preview lists exactly the expected candidates, unchecking one keeps
 * it, confirming sends exactly those DELETEs; a long clean-up cancelled half-way sends no more.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Package } from '../fake-gitlab/store';
import type { Env } from './harness';
import { until } from './until';

const BIG = { id: 102, path: 'acme/big' };
const KEYS = { small: 'shift+alt+f9', large: 'shift+alt+f10' };
const SMALL_RULE = { project: BIG.path, namePattern: 'service-01', packageTypes: ['npm'], keepNewest: 2 };
const LARGE_RULE = { project: BIG.path, keepNewest: 1 };

const PLAYWRIGHT_KEY = (k: string): string =>
  k
    .split('+')
    .map((p) => (p === 'alt' ? 'Alt' : p === 'shift' ? 'Shift' : p.toUpperCase()))
    .join('+');

export async function cleanUpFlow({ wb, fake, codeServer }: Env): Promise<void> {
  const deletes = () => fake.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith(`/api/v4/projects/${BIG.id}/packages/`));
  const title = wb.page.locator('.quick-input-widget .quick-input-title');
  // Written the way a person does, so the window applies them at once.
  await wb.editSettingsJson('Preferences: Open Keyboard Shortcuts (JSON)', path.join(codeServer.userDataDir, 'User', 'keybindings.json'), [
    { key: KEYS.small, command: 'gitlabPackages.cleanUpPackages', args: SMALL_RULE },
    { key: KEYS.large, command: 'gitlabPackages.cleanUpPackages', args: LARGE_RULE },
  ]);
  /** Presses the key until its clean-up's preview shows (VS Code picks up keybindings.json when it notices the change). */
  const openPreview = async (key: string): Promise<void> => {
    await until(
      async () => {
        if (await title.isVisible()) return /Clean Up acme\/big: \d+ of \d+ packages will be deleted/.test(await title.innerText());
        await wb.page.keyboard.press(PLAYWRIGHT_KEY(key));
        await title.waitFor({ timeout: 3_000 }).catch(() => undefined);
        return false;
      },
      { timeoutMs: 30_000, what: `the clean-up preview after ${key}` },
    );
  };

  // What the rule selects, worked out from the registry itself: the versions beyond the 2 newest.
  const live = (p: Package) => p.status === 'default';
  const expected = fake
    .packagesOf(BIG.id)
    .filter((p) => live(p) && p.name === 'service-01' && p.packageType === 'npm')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1) || b.id - a.id)
    .slice(2);
  assert.equal(expected.length, 3);
  fake.clearRequests();
  await openPreview(KEYS.small);
  const items = await wb.quickPickItems();
  assert.equal(items.length, expected.length, items.join(' | '));
  for (const [i, p] of expected.entries()) assert.match(items[i], new RegExp(`service-01.*${p.version!.replace(/\./g, '\\.')} · npm.*beyond the 2 newest`));
  assert.match(await title.innerText(), /Clean Up acme\/big: 3 of \d+ packages will be deleted/);
  // The full preview in a read-only document, the preview staying open beside it.
  await wb.page.locator('.quick-input-widget .quick-input-titlebar .action-label[aria-label="Show the Preview in a Document"]').click();
  const editor = wb.page.locator('.monaco-editor .view-lines');
  // Monaco renders spaces as non-breaking ones: \s matches both.
  await until(async () => /Kept\s\(2\)\s+service-01\s1\.2\.0\s·\snpm\s\(id\s\d+\)\s—\sone\sof\sthe\s2\snewest/.test(await editor.innerText().catch(() => '')), {
    what: 'the preview document',
  });
  assert.ok(await title.isVisible(), 'the preview is still open');
  // Uncheck the second: it stays.
  const [first, keptOne, third] = expected;
  await wb.page.locator(`.quick-input-list .monaco-list-row[aria-label*="${keptOne.version} · npm"]`).first().click();
  await until(async () => /: 2 of \d+ packages/.test(await title.innerText()), { what: 'the count to drop to 2' });
  await wb.page.locator('.quick-input-widget .quick-input-action .monaco-button').first().click();
  assert.match(await wb.dialogText(), /Clean up acme\/big: delete 2 packages\?/);
  await wb.dialogButton('Delete 2 Packages');
  await wb.waitForNotification(/Deleted 2 packages from acme\/big\./);
  assert.deepEqual(
    deletes()
      .map((r) => r.path)
      .sort(),
    [first, third].map((p) => `/api/v4/projects/${BIG.id}/packages/${p.id}`).sort(),
  );
  assert.equal(fake.getPackage(keptOne.id)?.status, 'default');

  // A long clean-up (above 100: the path is typed), cancelled half-way: what was not sent stays unsent.
  fake.clearRequests();
  fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'delay', ms: 250 }, 10_000);
  try {
    await openPreview(KEYS.large);
    const count = Number(/: (\d+) of/.exec(await title.innerText())?.[1]);
    assert.ok(count > 100, `${count} candidates`);
    await wb.page.locator('.quick-input-widget .quick-input-action .monaco-button').first().click();
    assert.match(await wb.dialogText(), new RegExp(`Clean up acme/big: delete ${count} packages\\?`));
    await wb.dialogButton(`Delete ${count} Packages`);
    await wb.quickInputType(BIG.path);
    await until(() => deletes().length >= 3, { what: 'the first DELETEs' });
    await wb.notificationAction(/Cleaning up acme\/big: deleting \d+ packages/, 'Cancel');
    const report = await wb.waitForNotification(/Not sent \(cancelled\): \d+\./, 30_000);
    const notSent = Number(/Not sent \(cancelled\): (\d+)\./.exec(report)?.[1]);
    const sent = deletes().length;
    assert.ok(notSent > 0 && sent < count, `${sent} sent, ${notSent} not sent`);
    assert.equal(sent + notSent, count, report);
    assert.match(report, new RegExp(`Deleted ${sent} packages from acme/big\\.`));
    await wb.quietPeriod();
    assert.equal(deletes().length, sent, 'no DELETE after the report');
  } finally {
    fake.clearFaults();
  }
}
