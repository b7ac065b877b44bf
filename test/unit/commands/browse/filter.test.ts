/** Filter and Sort…: a quick-pick loop until Apply; the next listing carries the filter; Clear Filter drops it. */
import { strict as assert } from 'node:assert';
import { harnessPerTest, SAMPLE, type Harness } from '../../../support/double/harness';

const LISTING = `/api/v4/projects/${SAMPLE.projects.app.id}/packages`;

describe('filter and sort', () => {
  const t = harnessPerTest();
  const start = () => t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
  const lastListing = (h: Harness) => h.requests('GET', LISTING).at(-1)?.query;

  it('view title: change the name filter, Apply → the next listing sends package_name; the view says a filter is on', async () => {
    const h = await start();
    await h.rows((await h.find('acme/app')).node);
    assert.equal(lastListing(h)?.package_name, undefined);
    h.ui.pick('Name contains…', 'Apply').type('acme');
    await h.run('gitlabPackages.filter');
    assert.equal(h.ui.quickPicks.length, 2, 'back to the menu after the name was typed');
    assert.equal(h.ui.quickPicks[0].options.title, 'Filter and Sort: all projects');
    const apply = h.ui.quickPicks[1].items.find((i) => typeof i !== 'string' && i.label.endsWith('Apply'));
    assert.match(typeof apply === 'object' ? (apply.description ?? '') : '', /acme/, 'the menu shows the pending filter');
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.filtered'), true);
    assert.match(h.view.description ?? '', /acme/);

    const rows = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.item.contextValue !== 'protectionRules');
    assert.equal(lastListing(h)?.package_name, 'acme');
    assert.ok(rows.length > 0 && rows.every((r) => /acme/i.test(r.label)), rows.map((r) => r.label).join(', '));

    await h.run('gitlabPackages.clearFilter');
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.filtered'), false);
    assert.equal(h.view.description, undefined);
    await h.rows((await h.find('acme/app')).node);
    assert.equal(lastListing(h)?.package_name, undefined);
  });

  it('a project row: sort by name, Apply → that project lists with order_by=name&sort=asc, and its row says so', async () => {
    const h = await start();
    const project = await h.find('acme/app');
    h.ui.pick('Sort', 'Name A→Z', 'Apply');
    await h.run('gitlabPackages.filter', project.node);
    assert.equal(h.ui.quickPicks[0].options.title, 'Filter and Sort: acme/app');
    const row = await h.find('acme/app');
    assert.ok(row.description, 'the project row shows its filter');
    await h.rows(row.node);
    assert.equal(lastListing(h)?.order_by, 'name');
    assert.equal(lastListing(h)?.sort, 'asc');
  });

  it('Escape leaves the filter as it was', async () => {
    const h = await start();
    h.ui.pick('Name contains…').type('acme');
    await h.run('gitlabPackages.filter');
    // The name was typed, and the menu shown again with it pending: Escape there.
    assert.deepEqual(
      h.ui.inputBoxes.map((b) => b.result),
      ['acme'],
    );
    assert.equal(h.ui.quickPicks.length, 2);
    assert.equal(h.vscode.contextKeys.get('gitlabPackages.filtered'), false);
    await h.rows((await h.find('acme/app')).node);
    assert.equal(lastListing(h)?.package_name, undefined);
  });

  // GitLab matches each word of the name: the list shows what it matched, not emptied by a second filter here (issue 21).
  it('Filter: a name of two words → GitLab matches both words, and the list shows what it matched (it was emptied here)', async () => {
    const h = await start();
    h.ui.pick('Name contains…', 'Apply').type('acme ui');
    await h.run('gitlabPackages.filter');
    const labels = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.item.contextValue !== 'protectionRules').map((r) => r.label);
    assert.deepEqual(labels, ['@acme/ui']);
    assert.equal(lastListing(h)?.package_name, 'acme ui');
    h.ui.pick('Name contains…', 'Apply').type('acme zzz');
    await h.run('gitlabPackages.filter');
    const none = (await h.rows((await h.find('acme/app')).node)).filter((r) => r.item.contextValue !== 'protectionRules').map((r) => r.label);
    assert.deepEqual(none, ['No packages match the filter']);
  });
});
