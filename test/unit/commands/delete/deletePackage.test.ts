/**
 * Delete Package…: one modal naming what goes, exactly one DELETE per package (none when
 * cancelled, one for two clicks), the result said plainly.
 */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, waitFor, type Harness } from '../../../support/double/harness';

const APP = SAMPLE.projects.app.id;

describe('delete packages', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const idOf = (h: Harness, name: string, version: string | null) => {
    const p = h.fake.packagesOf(APP).find((x) => x.name === name && x.version === version);
    assert.ok(p, `${name} ${version}`);
    return p;
  };
  const deletes = (h: Harness) => h.requests('DELETE', /^\/api\/v4\/projects\/\d+\/packages\/\d+$/).map((r) => r.path);

  it('from a row: the modal names project, package and version; Delete sends exactly one DELETE and says so', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    const [modal] = h.ui.modals;
    assert.equal(h.ui.modals.length, 1);
    assert.equal(modal.level, 'warning');
    assert.equal(modal.text, 'Delete package acme-tools version 0.4.0 from acme/app?');
    assert.match(modal.detail ?? '', /cannot be undone/);
    assert.deepEqual(modal.buttons, ['Delete']);
    const pkg = idOf(h, 'acme-tools', '0.4.0');
    assert.deepEqual(deletes(h), [`/api/v4/projects/${APP}/packages/${pkg.id}`]);
    assert.equal(pkg.status, 'pending_destruction');
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['info', 'Deleted acme-tools 0.4.0.']],
    );
    // The project was refreshed: the row is gone.
    assert.ok(!(await h.rows((await h.find('acme/app')).node)).some((r) => r.label === 'acme-tools'));
  });

  it('a Conan recipe: the modal names its channel (two recipes share name and version), and only that recipe goes', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'Hello', '0.2@mycompany/testing');
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(h.ui.modals[0].text, 'Delete package Hello version 0.2@mycompany/testing from acme/app?');
    const gone = h.fake.packagesOf(APP).filter((p) => p.packageType === 'conan' && p.status === 'pending_destruction');
    assert.deepEqual(
      gone.map((p) => [p.version, p.conan?.channel]),
      [['0.2', 'testing']],
    );
  });

  it('a cancelled modal sends no DELETE and says nothing more', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.ui.answer('Cancel');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(h.ui.modals.length, 1);
    assert.deepEqual(deletes(h), []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('two invocations for the same package at once send one DELETE', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.ui.answer('Delete', 'Delete');
    await Promise.all([h.run('gitlabPackages.deletePackage', row.node), h.run('gitlabPackages.deletePackage', row.node)]);
    assert.equal(deletes(h).length, 1);
  });

  it('a second click while the DELETE is in flight asks nothing and sends nothing', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    // GitLab holds the DELETE until the second click is done: in flight however slow the machine.
    const inFlight = h.fake.hold({ method: 'DELETE', path: /\/packages\/\d+$/ });
    h.ui.answer('Delete', 'Delete');
    const first = h.run('gitlabPackages.deletePackage', row.node);
    await inFlight.arrived();
    await h.run('gitlabPackages.deletePackage', row.node);
    inFlight.release();
    await first;
    assert.equal(h.ui.modals.length, 1);
    assert.equal(deletes(h).length, 1);
  });

  it('several selected packages: one modal listing them all, each deleted once', async () => {
    const h = await start();
    const rows = [
      await h.pkg('acme/app', 'acme-tools', '0.4.0'),
      await h.pkg('acme/app', 'acme-chart', '1.2.0'),
      await h.pkg('acme/app', 'Acme.Core', '3.1.0'),
    ];
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Delete');
    // A context-menu click passes the clicked row and the selection.
    await h.run('gitlabPackages.deletePackage', rows[1].node, h.view.selection);
    assert.equal(h.ui.modals.length, 1);
    assert.equal(h.ui.modals[0].text, 'Delete 3 packages from acme/app?');
    for (const line of ['• acme-tools 0.4.0', '• acme-chart 1.2.0', '• Acme.Core 3.1.0']) assert.ok(h.ui.modals[0].detail?.includes(line), line);
    const expected = [idOf(h, 'acme-tools', '0.4.0'), idOf(h, 'acme-chart', '1.2.0'), idOf(h, 'Acme.Core', '3.1.0')].map(
      (p) => `/api/v4/projects/${APP}/packages/${p.id}`,
    );
    assert.deepEqual(deletes(h).sort(), expected.sort());
    assert.equal(h.ui.toasts.at(-1)?.text, 'Deleted 3 packages.');
  });

  it('a selection across many projects: the modal title names the first ten, then counts the rest', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => `acme/p${String(i).padStart(2, '0')}`);
    const h = await t.start({
      settings: { projects: paths },
      token: SAMPLE.apiToken,
      prepareFake: (fake) =>
        paths.forEach((path, i) => {
          fake.addProject({ id: 900 + i, pathWithNamespace: path, members: { [SAMPLE.userId]: 50 } });
          fake.addPackage(900 + i, { name: 'tool', version: '1.0.0', packageType: 'generic' });
        }),
    });
    const rows = await Promise.all(paths.map((path) => h.pkg(path, 'tool', '1.0.0')));
    h.view.select(...rows.map((r) => r.node));
    h.ui.answer('Cancel');
    await h.run('gitlabPackages.deletePackage', rows[0].node, h.view.selection);
    assert.equal(h.ui.modals[0]?.text, `Delete 12 packages from ${paths.slice(0, 10).join(', ')}, …and 2 more?`);
    assert.deepEqual(deletes(h), []);
  });

  it('the Delete key acts on the focused selection', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-chart', '1.2.0');
    h.view.select(row.node);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', { fromKeyboard: true });
    assert.equal(h.ui.modals[0]?.text, 'Delete package acme-chart version 1.2.0 from acme/app?');
    assert.equal(deletes(h).length, 1);
  });

  it('a package a protection rule keeps from the user: no modal, no DELETE, and the message names the rule', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'protected-release', '1.0.0');
    assert.equal(row.item.contextValue, 'package', 'Delete is not offered on the row');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(h.ui.modals.length, 0);
    assert.equal(deletes(h).length, 0);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['warning', 'Not deleted: protected-release 1.0.0 — protected by the rule protected-* (generic): only admin+ may delete it']],
    );
  });

  it('a protected package GitLab refuses (403) all the same: not deleted, and the message says it is protected', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 403, body: { message: '403 Forbidden - Package is deletion protected.' } });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(deletes(h).length, 1);
    const error = h.ui.errors[0];
    assert.ok(error, 'an error message');
    assert.match(error.text, /Not deleted: acme-tools 0\.4\.0: the package is protected by a protection rule/);
    assert.equal(idOf(h, 'acme-tools', '0.4.0').status, 'default');
  });

  it('several packages, one of them protected: the modal says which one will not be deleted and why; the rest go', async () => {
    const h = await start();
    const rows = [await h.pkg('acme/app', 'acme-tools', '0.4.0'), await h.pkg('acme/app', 'protected-release', '1.0.0')];
    h.ui.answer('Delete');
    await h.run(
      'gitlabPackages.deletePackage',
      rows[0].node,
      rows.map((r) => r.node),
    );
    assert.equal(h.ui.modals.length, 1);
    assert.match(
      h.ui.modals[0].detail ?? '',
      /Not deleted: protected-release 1\.0\.0 — protected by the rule protected-\* \(generic\): only admin\+ may delete it/,
    );
    assert.deepEqual(deletes(h), [`/api/v4/projects/${APP}/packages/${idOf(h, 'acme-tools', '0.4.0').id}`]);
  });

  it('GitLab deleted it but the connection dropped before the answer: read again, said "Deleted", the row leaves the tree, one DELETE', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const pkg = idOf(h, 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'appliedThenConnectionDropped' });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.deepEqual(deletes(h), [`/api/v4/projects/${APP}/packages/${pkg.id}`]);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['info', 'Deleted acme-tools 0.4.0.']],
    );
    assert.ok(!(await h.rows((await h.find('acme/app')).node)).some((r) => r.label === 'acme-tools'));
    assert.ok(h.ui.log.some((l) => /: deleted \(the answer was lost: .*; gone when read again\)$/.test(l.text)));
  });

  it('a timeout on the DELETE (GitLab did it, no answer came): not sent again, read again, "Deleted"', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'], requestTimeoutSeconds: 1 }, token: SAMPLE.apiToken });
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'appliedThenNoAnswer' });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(deletes(h).length, 1);
    assert.deepEqual(
      h.ui.toasts.map((m) => [m.level, m.text]),
      [['info', 'Deleted acme-tools 0.4.0.']],
    );
  });

  it('a proxy\'s 504 after GitLab did it, and reading again fails too: "may have been deleted", Refresh offered, the row refreshed out', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { kind: 'appliedThenProxyError', status: 504 });
    h.fake.fail({ method: 'GET', path: /\/packages\/\d+$/ }, { status: 500, body: { message: '500 Internal Server Error' } });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(deletes(h).length, 1);
    const [toast] = h.ui.toasts;
    assert.equal(toast.level, 'warning');
    assert.equal(
      toast.text,
      "May have been deleted (GitLab's answer was lost; refresh to see): acme-tools 0.4.0: GitLab answered with HTTP 504; reading it again failed too (GitLab answered with HTTP 500: 500 Internal Server Error).",
    );
    assert.deepEqual(toast.buttons, ['Refresh']);
    // It was deleted: the project's refresh drops the row.
    const project = (await h.find('acme/app')).node;
    assert.ok(!(await h.rows(project)).some((r) => r.label === 'acme-tools'));
    const listings = () => h.requests('GET', `/api/v4/projects/${APP}/packages`).length;
    const before = listings();
    toast.click('Refresh');
    await h.rows(project);
    assert.equal(listings(), before + 1, 'Refresh lists the project again');
  });

  it('a 502 before GitLab saw the DELETE: read again, still listed, "Not deleted" says so; nothing re-sent', async () => {
    const h = await start();
    const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'DELETE', path: /\/packages\/\d+$/ }, { status: 502, body: { message: '502 Bad Gateway' } });
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', row.node);
    assert.equal(deletes(h).length, 1);
    assert.equal(h.ui.errors[0]?.text, 'Not deleted: acme-tools 0.4.0: GitLab answered with HTTP 502: 502 Bad Gateway; still listed when read again.');
    assert.equal(idOf(h, 'acme-tools', '0.4.0').status, 'default');
  });

  it('from the palette: search the project by name as you type, pick, confirm, one DELETE', async () => {
    const h = await start();
    h.ui.answer('Delete');
    const run = h.run('gitlabPackages.deletePackage');
    const qp = await waitFor(() => h.ui.quickPickWidgets[0], 'the package search');
    await waitFor(() => !qp.busy && qp.items.length > 0, 'the first results');
    assert.equal(qp.title, 'Delete Package from acme/app');
    qp.type('acme-tools');
    await waitFor(() => !qp.busy && qp.items.length > 0 && qp.items.every((i) => i.label === 'acme-tools'), 'the search results');
    assert.equal(h.requests('GET', `/api/v4/projects/${APP}/packages`).at(-1)?.query.package_name, 'acme-tools');
    qp.accept('acme-tools');
    await run;
    assert.equal(h.ui.modals[0]?.text, 'Delete package acme-tools version 0.4.0 from acme/app?');
    assert.deepEqual(deletes(h), [`/api/v4/projects/${APP}/packages/${idOf(h, 'acme-tools', '0.4.0').id}`]);
  });

  it('from the palette: Escape in the search sends nothing', async () => {
    const h = await start();
    const run = h.run('gitlabPackages.deletePackage');
    const qp = await waitFor(() => h.ui.quickPickWidgets[0], 'the package search');
    qp.escape();
    await run;
    assert.deepEqual(h.ui.modals, []);
    assert.deepEqual(deletes(h), []);
  });

  // A delete raised a read-only toast, a not-allowed warning, the modal and a result toast (issue 12).
  it('a delete with rows it cannot delete: one modal naming what is set aside, then one message', async () => {
    const h = await t.start({ settings: { projects: ['acme/app', 'acme/readonly'] }, token: SAMPLE.apiToken });
    const mine = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    const theirs = await h.pkg('acme/readonly', 'team-lib', '5.0.0');
    h.view.select(mine.node, theirs.node);
    h.ui.answer('Delete');
    await h.run('gitlabPackages.deletePackage', mine.node, h.view.selection);
    assert.equal(h.ui.modals.length, 1);
    assert.match(h.ui.modals[0].detail ?? '', /Not deleted \(GitLab offers no delete for it.*\): team-lib 5\.0\.0/);
    assert.deepEqual(
      h.ui.toasts.map((m) => m.text),
      ['Deleted acme-tools 0.4.0.'],
      'one message after the modal, nothing before it',
    );
  });

  it('the palette delete marks what a rule keeps from the user and sends nothing for it', async () => {
    const h = await start();
    const run = h.run('gitlabPackages.deletePackage');
    const qp = await waitFor(() => h.ui.quickPickWidgets[0], 'the package search');
    qp.type('protected');
    await waitFor(() => !qp.busy && qp.items.some((i) => i.label.includes('protected-release')), 'the search results');
    const item = qp.items.find((i) => i.label.includes('protected-release'))!;
    assert.equal(item.label, '$(lock) protected-release');
    assert.equal(item.detail, 'protected by the rule protected-* (generic): only admin+ may delete it');
    qp.accept(item.label);
    await run;
    assert.equal(h.ui.modals.length, 0);
    assert.equal(h.requests('DELETE', /\/packages\/\d+$/).length, 0);
    assert.match(h.ui.toasts.at(-1)?.text ?? '', /^Not deleted: protected-release 1\.0\.0 — protected by the rule/);
  });
});

describe('delete right after signing in with a read-only token', () => {
  const t = harnessPerTest();

  it('the palette delete started while the token check is under way waits for it, then refuses', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] } });
    await h.rows();
    // The instance check asks the version; GitLab holds that until the delete has been started.
    const check = h.fake.hold({ method: 'GET', path: '/api/v4/version' }, 10);
    h.ui.type(SAMPLE.readToken);
    await h.run('gitlabPackages.setToken');
    // No wait for the instance check: the next thing the user does is delete.
    const deleting = h.run('gitlabPackages.deletePackage');
    await check.arrived();
    check.release();
    await deleting;
    assert.ok(
      h.ui.messages.some((m) => /can only read/.test(m.text)),
      h.ui.messages.map((m) => m.text).join(' | '),
    );
    assert.equal(h.ui.quickPicks.length + h.ui.quickPickWidgets.length, 0, 'no project picker nor package search for a token that cannot delete');
    assert.ok(!h.fake.requests.some((r) => r.method === 'DELETE'));
  });
});
