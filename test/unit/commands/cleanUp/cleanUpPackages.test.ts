/**
 * Clean Up Packages…: the rule (asked, remembered, or an argument object), one listing, the
 * preview the user trims, one confirmation (typed above 100), exactly the confirmed DELETEs,
 * Cancel stops sending, one report.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, waitFor, type Harness, type HarnessOptions } from '../../../support/double/harness';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { addManyVersionsProject, addRetentionProject, MANY, RETENTION } from '../../../support/cleanUpFixtures';

const CLEAN_UP = 'gitlabPackages.cleanUpPackages';
const PREVIEW_AT_90_DAYS = [
  '@acme/ui 0.8.0 · npm',
  'broken 0.0.1 · generic · error',
  'guarded 1 · generic',
  'lib 1.2.0 · generic',
  'lib 2.0.0-SNAPSHOT · generic',
  'lib 1.1.0 · generic',
  'lib 1.0.0 · generic',
];

describe('clean up packages', () => {
  const t = harnessPerTest();
  const start = (opts: HarnessOptions = {}) =>
    t.start({
      settings: { projects: [RETENTION.path, MANY.path] },
      token: SAMPLE.apiToken,
      ...opts,
      prepareFake: (fake) => (addRetentionProject(fake), addManyVersionsProject(fake)),
    });
  const deletes = (h: Harness, projectId: number = RETENTION.id) => h.requests('DELETE', new RegExp(`^/api/v4/projects/${projectId}/packages/\\d+$`));
  const idOf = (h: Harness, name: string, version: string, projectId: number = RETENTION.id) => {
    const p = h.fake.packagesOf(projectId).find((x) => x.name === name && x.version === version);
    assert.ok(p, `${name} ${version}`);
    return p.id;
  };
  const pathOf = (id: number, projectId: number = RETENTION.id) => `/api/v4/projects/${projectId}/packages/${id}`;
  const project = async (h: Harness, path: string = RETENTION.path) => (await h.find(path)).node;
  const preview = (h: Harness) => waitFor(() => h.ui.quickPickWidgets.find((w) => w.visible && w.canSelectMany), 'the preview');
  const shown = (qp: { items: readonly { label: string; description?: string }[] }) => qp.items.map((i) => `${i.label} ${i.description ?? ''}`);

  it('a rule as the argument object: no questions; the preview lists the candidates with reasons; unchecked stays; one modal; exactly those DELETEs', async () => {
    const h = await start();
    h.ui.answer('Delete 6 Packages');
    const done = h.run(CLEAN_UP, await project(h), { olderThanDays: 90 });
    const qp = await preview(h);
    assert.deepEqual(h.ui.inputBoxes, []);
    assert.deepEqual(shown(qp), PREVIEW_AT_90_DAYS);
    assert.ok(
      qp.items.every((i) => qp.selectedItems.includes(i)),
      'all checked',
    );
    assert.match(qp.items[3].detail ?? '', /^older than 90 days: created \d{4}-\d\d-\d\d$/);
    assert.equal(qp.title, 'Clean Up acme/retention: 7 of 14 packages will be deleted');
    qp.toggle((i) => i.label === 'lib' && (i.description ?? '').startsWith('1.1.0'));
    assert.equal(qp.title, 'Clean Up acme/retention: 6 of 14 packages will be deleted');
    qp.accept();
    await done;
    const [modal] = h.ui.modals;
    assert.equal(h.ui.modals.length, 1);
    assert.equal(modal.text, 'Clean up acme/retention: delete 6 packages?');
    assert.match(modal.detail ?? '', /^Rule: older than 90 days · keeping the newest version of each name, whatever the dates\n/);
    assert.deepEqual(modal.buttons, ['Delete 6 Packages']);
    const expected = [
      ['@acme/ui', '0.8.0'],
      ['broken', '0.0.1'],
      ['guarded', '1'],
      ['lib', '1.2.0'],
      ['lib', '2.0.0-SNAPSHOT'],
      ['lib', '1.0.0'],
    ].map(([n, v]) => pathOf(idOf(h, n, v)));
    assert.deepEqual(
      deletes(h)
        .map((r) => r.path)
        .sort(),
      expected.sort(),
    );
    assert.equal(h.fake.getPackage(idOf(h, 'lib', '1.1.0'))?.status, 'default');
    // One report: deleted, and what GitLab refused with the reason.
    assert.equal(h.ui.toasts.length, 1);
    assert.equal(
      h.ui.toasts[0].text,
      'Deleted 5 packages from acme/retention. Not deleted: guarded 1: the package is protected by a protection rule (403 Forbidden - Package is deletion protected.).',
    );
    // The full list is in the log.
    assert.ok(h.ui.log.some((l) => l.text.startsWith('Clean-up of acme/retention') && l.text.includes('lib 1.2.0 #')));
    assert.equal(h.ui.log.filter((l) => /^DELETE package \d+ of 400: deleted$/.test(l.text)).length, 5);
  });

  it('the questions, each skippable, remembered for the project and offered first next time', async () => {
    const h = await start();
    h.ui.type('', '90', '', '', '').pick([], []);
    const first = h.run(CLEAN_UP, await project(h));
    (await preview(h)).escape();
    await first;
    assert.deepEqual(
      h.ui.inputBoxes.map((b) => b.options.title),
      [1, 2, 3, 4, 5].map((n) => `Clean Up acme/retention (${n}/7)`),
    );
    assert.deepEqual(
      h.ui.quickPicks.map((q) => q.options.title),
      ['Clean Up acme/retention (6/7)', 'Clean Up acme/retention (7/7)'],
    );
    assert.deepEqual(deletes(h), []);
    h.ui.pick('Use the Last Rule');
    const again = h.run(CLEAN_UP, await project(h));
    const qp = await preview(h);
    assert.equal(
      h.ui.quickPicks[2].items[0] && (h.ui.quickPicks[2].items[0] as { description?: string }).description,
      'older than 90 days · keeping the newest version of each name, whatever the dates',
    );
    assert.deepEqual(shown(qp), PREVIEW_AT_90_DAYS);
    qp.escape();
    await again;
    assert.equal(h.ui.inputBoxes.length, 5, 'no questions the second time');
    assert.deepEqual(deletes(h), []);
    assert.deepEqual(h.ui.modals, []);
    // Changing it: the steps start from the last rule's values.
    h.ui.pick('Change the Rule…').type('', undefined);
    await h.run(CLEAN_UP, await project(h));
    assert.deepEqual(
      h.ui.inputBoxes.slice(5).map((b) => b.options.value),
      ['', '90'],
    );
  });

  it('Escape at a question stops: nothing is listed, nothing deleted', async () => {
    const h = await start();
    const row = await project(h);
    h.fake.clearRequests();
    h.ui.type('3', undefined);
    await h.run(CLEAN_UP, row);
    assert.equal(h.ui.inputBoxes.length, 2, 'the first question answered, the second escaped');
    assert.deepEqual(h.requests('GET', /\/packages$/), []);
    assert.deepEqual(h.ui.quickPickWidgets, []);
  });

  it('the confirmed ids are deleted even if the registry changed meanwhile; one deleted by someone else is "already deleted"', async () => {
    const h = await start();
    h.ui.answer('Delete 4 Packages');
    const done = h.run(CLEAN_UP, await project(h), { namePattern: 'lib', olderThanDays: 90 });
    const qp = await preview(h);
    h.fake.markDeleted(idOf(h, 'lib', '1.0.0'));
    h.fake.addPackage(RETENTION.id, {
      name: 'lib',
      version: '0.1.0',
      packageType: 'generic',
      createdAt: new Date(Date.now() - 500 * 86_400_000).toISOString(),
    });
    qp.accept();
    await done;
    const expected = ['1.2.0', '2.0.0-SNAPSHOT', '1.1.0', '1.0.0'].map((v) => pathOf(idOf(h, 'lib', v)));
    assert.deepEqual(
      deletes(h)
        .map((r) => r.path)
        .sort(),
      expected.sort(),
    );
    assert.match(h.ui.toasts[0].text, /^Deleted 3 packages from acme\/retention\. Already deleted: lib 1\.0\.0\.$/);
  });

  it('above 100 packages the path is typed too; a wrong path is refused, Escape sends nothing', async () => {
    const h = await start();
    h.ui.answer('Delete 129 Packages').type('acme/man', undefined);
    const cancelled = h.run(CLEAN_UP, await project(h, MANY.path), { keepNewest: 1 });
    (await preview(h)).accept();
    await cancelled;
    assert.deepEqual(h.ui.inputBoxes[0].attempts, [{ value: 'acme/man', verdict: 'Type acme/many exactly to confirm' }]);
    assert.deepEqual(deletes(h, MANY.id), []);
    h.ui.answer('Delete 129 Packages').type('acme/many');
    const done = h.run(CLEAN_UP, await project(h, MANY.path), { keepNewest: 1 });
    (await preview(h)).accept();
    await done;
    const sent = deletes(h, MANY.id).map((r) => r.path);
    assert.equal(sent.length, 129);
    assert.equal(new Set(sent).size, 129);
    assert.ok(!sent.includes(pathOf(idOf(h, 'snap', '0.0.129', MANY.id), MANY.id)), 'the newest stays');
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted 129 packages from acme/many.');
  });

  it('Cancel stops sending: what was in flight finishes, the rest is reported as not sent', async () => {
    const h = await start({ settings: { projects: [MANY.path], maxConcurrentRequests: 2 } });
    // GitLab holds the DELETEs: the two in flight (two at a time) are all that was sent when Cancel comes.
    const inFlight = h.fake.hold({ method: 'DELETE', path: /\/packages\/\d+$/ }, 1000);
    h.ui.answer('Delete 129 Packages').type('acme/many');
    const done = h.run(CLEAN_UP, await project(h, MANY.path), { keepNewest: 1 });
    (await preview(h)).accept();
    await inFlight.arrived(2);
    assert.ok(h.ui.cancelProgress());
    inFlight.release();
    await done;
    const sent = deletes(h, MANY.id).length;
    assert.equal(sent, 2, 'what was in flight finished; nothing more was sent');
    assert.equal(h.ui.toasts.at(-1)?.text, `Deleted ${sent} packages from acme/many. Not sent (cancelled): ${129 - sent}.`);
    assert.equal(h.ui.toasts.at(-1)?.level, 'warning');
    assert.equal(h.ui.log.filter((l) => l.text.endsWith('not sent (cancelled)')).length, 129 - sent);
    assert.equal(h.fake.packagesOf(MANY.id).filter((p) => p.status === 'default').length, 130 - sent);
  });

  it('a 429 is waited out and the queue goes on: each DELETE reaches GitLab once', async () => {
    const h = await start();
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 429, body: 'Retry later', headers: { 'Retry-After': '0.05' } }, 3);
    h.ui.answer('Delete 4 Packages');
    const done = h.run(CLEAN_UP, await project(h), { namePattern: 'lib', olderThanDays: 90 });
    (await preview(h)).accept();
    await done;
    const ok = deletes(h)
      .filter((r) => r.status === 204)
      .map((r) => r.path);
    assert.equal(ok.length, 4);
    assert.equal(new Set(ok).size, 4);
    assert.equal(deletes(h).filter((r) => r.status === 429).length, 3);
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted 4 packages from acme/retention.');
  });

  it('a name row of the grouped view cleans up that name only ("Clean Up Versions…")', async () => {
    const h = await start({ settings: { projects: [RETENTION.path], groupByName: true } });
    const name = await h.find(RETENTION.path, 'lib');
    const done = h.run('gitlabPackages.cleanUpVersions', name.node, { olderThanDays: 90 });
    const qp = await preview(h);
    assert.deepEqual(
      shown(qp),
      PREVIEW_AT_90_DAYS.filter((l) => l.startsWith('lib ')),
    );
    assert.equal(qp.title, 'Clean Up acme/retention: 4 of 14 packages will be deleted');
    qp.escape();
    await done;
  });

  it("a group: one listing across its projects, each DELETE to the package's own project", async () => {
    const h = await start({ settings: { groups: ['acme'] } });
    const big = SAMPLE.projects.big.id;
    const expected = h.fake
      .packagesOf(big)
      .filter((p) => p.name === 'service-01' && p.packageType === 'npm')
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .slice(2);
    h.ui.answer('Delete 3 Packages');
    const done = h.run(CLEAN_UP, await project(h, 'acme'), { namePattern: 'service-01', packageTypes: ['npm'], keepNewest: 2 });
    const qp = await preview(h);
    assert.deepEqual(
      shown(qp),
      expected.map((p) => `service-01 ${p.version} · npm · acme/big`),
    );
    qp.accept();
    await done;
    assert.ok(h.requests('GET', '/api/v4/groups/acme/packages').length > 0);
    assert.deepEqual(
      h
        .requests('DELETE', /\/packages\/\d+$/)
        .map((r) => r.path)
        .sort(),
      expected.map((p) => pathOf(p.id, big)).sort(),
    );
  });

  it('from the palette: the argument names the project, or the user picks one', async () => {
    const h = await start();
    const named = h.run(CLEAN_UP, { project: 'acme/retention', olderThanDays: 90 });
    let qp = await preview(h);
    assert.deepEqual(shown(qp), PREVIEW_AT_90_DAYS);
    qp.escape();
    await named;
    h.ui.pick('acme/many');
    const picked = h.run(CLEAN_UP, { keepNewest: 100 });
    qp = await preview(h);
    assert.equal(h.ui.quickPicks[0].options.placeHolder, 'Clean up which project or group?');
    assert.equal(qp.items.length, 30);
    qp.escape();
    await picked;
    // `{ project }` alone: the questions follow, for that project.
    h.ui.type(undefined);
    await h.run(CLEAN_UP, { project: 'acme/many' });
    assert.deepEqual(
      h.ui.inputBoxes.map((b) => b.options.title),
      ['Clean Up acme/many (1/7)'],
    );
  });

  it('"Show in a document" writes the full preview (candidates and kept, with reasons); Copy Clean-Up Preview copies it without deleting', async () => {
    const h = await start();
    const done = h.run(CLEAN_UP, await project(h), { olderThanDays: 90 });
    const qp = await preview(h);
    qp.toggle((i) => i.label === 'guarded');
    qp.triggerButton('Show the Preview in a Document');
    const doc = await waitFor(() => h.ui.documentsShown[0]?.document, 'the preview document');
    const lines = doc.getText().split('\n');
    assert.equal(lines[0], 'Clean-up preview: acme/retention');
    assert.equal(lines[2], '6 of 14 packages to delete (14 covered by the rule, 8 kept)');
    assert.ok(lines.includes('To delete (6)'));
    assert.ok(lines.some((l) => /^ {2}guarded 1 · generic \(id \d+\) — unchecked in the preview$/.test(l)));
    assert.ok(lines.some((l) => /^ {2}@acme\/ui 0\.9\.0 · npm \(id \d+\) — npm dist-tag beta$/.test(l)));
    assert.equal(doc.uri.scheme, 'gitlab-package');
    qp.escape();
    await done;
    await h.run('gitlabPackages.copyCleanUpPreview', await project(h), { olderThanDays: 90 });
    assert.match(h.ui.clipboard, /^Clean-up preview: acme\/retention\nRule: older than 90 days/);
    assert.ok(h.ui.clipboard.includes('To delete (7)'));
    assert.deepEqual(deletes(h), []);
    assert.deepEqual(h.ui.modals, []);
  });

  it('nothing to clean up: says so, with the preview a click away', async () => {
    const h = await start();
    await h.run(CLEAN_UP, await project(h), { olderThanDays: 1000 });
    const [toast] = h.ui.toasts;
    assert.equal(toast.text, 'Nothing to clean up in acme/retention: the rule selects none of its 14 packages (14 kept).');
    toast.click('Show Preview');
    const doc = await waitFor(() => h.ui.documentsShown[0]?.document, 'the preview document');
    assert.ok(doc.getText().includes('Kept (14)'));
    assert.deepEqual(h.ui.quickPickWidgets, []);
  });

  it('a package a protection rule keeps from this user is kept, with the rule as the reason, and no DELETE is sent for it', async () => {
    // acme/app's seeded rule: protected-* (generic) may be deleted by administrators only; the user is an owner.
    const h = await start({ settings: { projects: ['acme/app'] } });
    await h.run('gitlabPackages.copyCleanUpPreview', await project(h, 'acme/app'), { namePattern: 'protected-*', keepNewest: 0 });
    assert.match(
      h.ui.clipboard,
      /^ {2}protected-release 1\.0\.0 · generic \(id \d+\) — protected by the rule protected-\* \(generic\): only admin\+ may delete it$/m,
    );
    assert.ok(h.ui.clipboard.includes('To delete (0)'), h.ui.clipboard);
    await h.run(CLEAN_UP, await project(h, 'acme/app'), { namePattern: 'protected-*', keepNewest: 0 });
    assert.match(h.ui.toasts[0]?.text ?? '', /^Nothing to clean up in acme\/app: the rule selects none of its \d+ packages/);
    assert.deepEqual(h.requests('DELETE', /./), []);
  });

  it('an 11.9-shape server: no dates, so no date criterion selects anything, and the missing download dates are said', async () => {
    const h = await start({ settings: { projects: ['legacy/old-server'] } });
    await h.run(CLEAN_UP, await project(h, 'legacy/old-server'), { olderThanDays: 30, notDownloadedForDays: 30 });
    assert.equal(
      h.ui.toasts[0]?.text,
      'Nothing to clean up in legacy/old-server: the rule selects none of its 2 packages (2 kept). This GitLab does not say when packages were last downloaded: "not downloaded for 30 days" was skipped.',
    );
    assert.deepEqual(h.requests('DELETE', /./), []);
  });

  it('a rule argument that is not a rule is refused, saying why; a read-only token lists nothing', async () => {
    const h = await start();
    await h.run(CLEAN_UP, await project(h), { olderThanDays: '90' });
    assert.equal(h.ui.errors[0]?.text, 'The clean-up rule cannot be used: olderThanDays must be a whole number of 0 or more');
    await h.dispose();
    const r = await start({ token: SAMPLE.readToken });
    const row = await project(r);
    r.fake.clearRequests();
    await r.run(CLEAN_UP, row, { olderThanDays: 90 });
    await waitFor(() => r.ui.toasts.length > 0, 'a message');
    assert.match(r.ui.toasts[0].text, /can only read/);
    assert.deepEqual(r.requests('GET', /\/packages$/), []);
  });

  it('a token swapped for a read-only one while the preview is open: nothing is sent, the packages are said to be read-only, Replace Token… is offered', async () => {
    const h = await start();
    // Were the modal shown, the user would confirm.
    h.ui.answer('Delete 7 Packages');
    const done = h.run(CLEAN_UP, await project(h), { olderThanDays: 90 });
    const qp = await preview(h);
    h.ui.type(SAMPLE.readToken);
    await h.run('gitlabPackages.setToken');
    assert.equal(h.storedToken(h.fake.url), SAMPLE.readToken);
    qp.accept();
    await done;
    assert.deepEqual(deletes(h), []);
    assert.deepEqual(h.ui.modals, [], 'nothing to confirm');
    const toast = h.ui.toasts.find((m) => m.text.startsWith('Not deleted (the access token can only read): '));
    assert.ok(toast, h.ui.toasts.map((m) => m.text).join(' | '));
    assert.ok(toast.text.includes('lib 1.2.0'), toast.text);
    assert.deepEqual(toast.buttons, ['Replace Token…']);
  });
});
