/**
 * The tree with protection rules and pipelines, against the fake GitLab: the "Protection Rules"
 * row for those who may read the rules (and nothing, with nothing asked, for the others), the
 * lock and the rule on matched packages, delete not offered where the rule refuses the user's
 * role, the latest pipelines read for a tooltip, and files newest first or by name.
 */
import { strict as assert } from 'node:assert';
import { parseProjectEntry, type ProjectRef } from '../../../src/core/projects/projectRef';
import { parseGitLabVersion } from '../../../src/core/instances/versionGates';
import { ProtectionCache } from '../../../src/core/protection/protectionCache';
import { PackagesTreeModel } from '../../../src/tree/model';
import type { PackageNode, ProjectNode, TreeNode } from '../../../src/tree/nodes';
import type { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE } from '../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../support/sampleFake';
import { harnessPerTest, type Harness } from '../../support/double/harness';
import { shown } from '../../support/shown';
import { waitFor } from '../../support/wait';

describe('the tree with protection rules and pipelines', () => {
  const theFake = useSampleFake();
  let fake: FakeGitLab;
  beforeEach(() => {
    fake = theFake();
    fake.clearRequests();
    fake.clearFaults();
    fake.version = '18.5.1-ee';
  });

  function model(entries: string[], graceMs?: number) {
    const client = fakeClient(fake);
    const clientFor = (_ref: ProjectRef) => client;
    const versionOf = () => Promise.resolve(parseGitLabVersion(fake.version));
    const protection = new ProtectionCache({ clientFor: () => client, versionOf });
    const changes: (TreeNode | undefined)[] = [];
    const m = new PackagesTreeModel({
      entries: () => entries.map((e) => parseProjectEntry(e, fake.url)),
      clientFor,
      hasToken: () => Promise.resolve(true),
      versionOf,
      protection,
      protectionGraceMs: graceMs,
      onDidChange: (n) => changes.push(n),
    });
    return { m, changes };
  }
  const ruleRequests = () => fake.requests.filter((r) => r.path.endsWith('/packages/protection/rules'));
  const byName = (rows: TreeNode[], name: string) => rows.find((r): r is PackageNode => r.kind === 'package' && r.pkg.name === name)!;

  it('an owner: "Protection Rules" first, its rules below, read once beside the first page', async () => {
    const { m } = model(['acme/app']);
    const [project] = (await m.children()) as ProjectNode[];
    const rows = await m.children(project);
    await m.children(project);
    assert.equal(rows[0].kind, 'protectionRules');
    assert.deepEqual([shown(rows[0]).label, shown(rows[0]).description], ['Protection Rules', '2 rules']);
    const rules = (await m.children(rows[0])).map(shown);
    assert.deepEqual(
      rules.map((r) => [r.label, r.description, r.contextValue]),
      [
        ['@acme/*', 'npm · push: maintainer+, delete: owner+', 'protectionRule'],
        ['protected-*', 'generic · push: maintainer+, delete: admin+', 'protectionRule'],
      ],
    );
    assert.equal(ruleRequests().length, 1);
  });

  it('matched packages show the lock and the rule; delete is offered where the owner may delete, not where only an administrator may', async () => {
    const { m } = model(['acme/app']);
    const [project] = (await m.children()) as ProjectNode[];
    const rows = await m.children(project);
    const ui = shown(byName(rows, '@acme/ui'));
    assert.equal(ui.description, '2.3.1 · npm · latest · 🔒 protected');
    assert.equal(ui.contextValue, 'package.deletable');
    assert.ok(ui.tooltip?.includes(String.raw`| Protection | @acme/\* \(npm\) · push: maintainer\+, delete: owner\+ |`));
    const release = shown(byName(rows, 'protected-release'));
    assert.equal(release.contextValue, 'package');
    assert.ok(release.tooltip?.includes(String.raw`| Deleting | protected by the rule protected\-\* \(generic\): only admin\+ may delete it |`));
    const tools = shown(byName(rows, 'acme-tools'));
    assert.ok(!tools.description?.includes('protected'));
    const files = await m.children(byName(rows, 'protected-release'));
    assert.equal(shown(files[0]).contextValue, 'packageFile');
  });

  it('slow rules never hold the packages back: they come without them, and the project is redrawn once the rules are in', async () => {
    // GitLab holds the rules until the packages are shown.
    const rules = fake.hold({ method: 'GET', path: /\/protection\/rules$/ });
    const { m, changes } = model(['acme/app'], 20);
    const [project] = (await m.children()) as ProjectNode[];
    const rows = await m.children(project);
    await m.children(project); // redrawn meanwhile (background pages): still one redraw when the rules land
    assert.ok(rows.length > 0 && rows.every((r) => r.kind === 'package'), 'the packages, without waiting for the rules');
    assert.ok(!shown(byName(rows, 'protected-release')).description?.includes('protected'));
    assert.ok(!changes.includes(project), 'not redrawn before the rules are in');
    rules.release();
    await waitFor(() => changes.includes(project), 'the redraw once the rules land');
    assert.deepEqual(
      changes.filter((c) => c === project),
      [project],
      'the project is redrawn once when the rules land',
    );
    const again = await m.children(project);
    assert.equal(again[0].kind, 'protectionRules');
    assert.match(shown(byName(again, 'protected-release')).description ?? '', /🔒 protected$/);
  });

  it('a slow re-read (a rule changed) keeps the "Protection Rules" row meanwhile, as the locks stay', async () => {
    const { m, changes } = model(['acme/app'], 0);
    const [project] = (await m.children()) as ProjectNode[];
    assert.equal((await m.children(project))[0].kind, 'protectionRules');
    // GitLab holds the re-read past the grace.
    const rules = fake.hold({ method: 'GET', path: /\/protection\/rules$/ });
    m.refreshProtection(project);
    const drawn = m.children(project);
    await rules.arrived();
    const rows = await drawn;
    assert.equal(rows[0].kind, 'protectionRules');
    assert.match(shown(byName(rows, 'protected-release')).description ?? '', /🔒 protected$/);
    const redraws = changes.filter((c) => c === project).length;
    rules.release();
    await waitFor(() => changes.filter((c) => c === project).length > redraws, 'the redraw once the rules land');
    assert.equal((await m.children(project))[0].kind, 'protectionRules');
  });

  it('a developer sees no "Protection Rules" and nothing is asked; a server before 17.6 neither', async () => {
    const { m } = model(['acme/readonly']);
    const [project] = (await m.children()) as ProjectNode[];
    const rows = await m.children(project);
    assert.ok(rows.every((r) => r.kind === 'package'));
    assert.equal(ruleRequests().length, 0);
    fake.version = '17.5.2';
    const old = model(['acme/app']);
    const [oldProject] = (await old.m.children()) as ProjectNode[];
    assert.ok((await old.m.children(oldProject)).every((r) => r.kind !== 'protectionRules'));
    assert.equal(ruleRequests().length, 0);
  });

  it('a rule changed: refreshProtection reads the rules again and redraws the project, the packages stay loaded', async () => {
    const { m, changes } = model(['acme/app']);
    const [project] = (await m.children()) as ProjectNode[];
    await m.children(project);
    fake.addProtectionRule({ projectId: SAMPLE.projects.app.id, packageNamePattern: 'acme-*', packageType: 'pypi', minimumAccessLevelForPush: 'owner' });
    const listings = () => fake.requests.filter((r) => r.path.endsWith('/packages')).length;
    const before = listings();
    m.refreshProtection(project);
    assert.equal(changes.at(-1), project);
    const rows = await m.children(project);
    assert.equal(shown(rows[0]).description, '3 rules');
    assert.match(shown(byName(rows, 'acme-tools')).description ?? '', /🔒 protected/);
    assert.equal(listings(), before, 'no package list asked again');
    assert.equal(ruleRequests().length, 2);
  });

  it('a tooltip reads the latest two pipelines once; the details of the earlier one name its user', async () => {
    const { m } = model(['acme/app']);
    const [project] = (await m.children()) as ProjectNode[];
    const maven = byName(await m.children(project), 'com/mycompany/my-app');
    await m.withPipelines(maven, new AbortController().signal);
    await m.withPipelines(maven, new AbortController().signal);
    const asked = fake.requests.filter((r) => r.path.endsWith('/pipelines'));
    assert.equal(asked.length, 1);
    assert.equal(asked[0].query.per_page, '2');
    const tip = shown(maven).tooltip ?? '';
    assert.match(tip, /\| Pipeline \| \[\\#9001 · main · aaaa9001 · ✓ success\]/);
    assert.match(tip, /\| Published by \| Demo User \|/);
    assert.match(tip, /\| Earlier pipeline \| \[\\#8950 · main · aaaa8950 · ✓ success · Demo User\]/);
  });

  it('files newest first where the server sorts them (18.x), by name on older servers (which ignore order_by)', async () => {
    const names = async () => {
      const { m } = model(['acme/app']);
      const [project] = (await m.children()) as ProjectNode[];
      const assets = byName(await m.children(project), 'release-assets');
      return (await m.children(assets)).map((r) => shown(r).label);
    };
    assert.deepEqual(await names(), ['checksums/SHA256SUMS', 'app-darwin-arm64.tar.gz', 'app-linux-amd64.tar.gz']);
    assert.ok(fake.requests.some((r) => r.path.endsWith('/package_files') && r.query.order_by === 'created_at' && r.query.sort === 'desc'));
    fake.version = '17.11.0';
    assert.deepEqual(await names(), ['app-darwin-arm64.tar.gz', 'app-linux-amd64.tar.gz', 'checksums/SHA256SUMS']);
  });
});

describe('the "Protection Rules" row in the extension', () => {
  const t = harnessPerTest();
  const start = (settings: Record<string, unknown> = { projects: ['acme/app'] }) => t.start({ settings, token: SAMPLE.apiToken });
  const rulesRow = (h: Harness) => h.find('acme/app', 'Protection Rules');

  it('a maintainer sees "Protection Rules" with its rules; a developer sees nothing of it and nothing is asked', async () => {
    const h = await start({ projects: ['acme/app', 'acme/readonly'] });
    const rules = await rulesRow(h);
    assert.equal(rules.description, '2 rules');
    assert.deepEqual(
      (await h.rows(rules.node)).map((r) => [r.label, r.description]),
      [
        ['@acme/*', 'npm · push: maintainer+, delete: owner+'],
        ['protected-*', 'generic · push: maintainer+, delete: admin+'],
      ],
    );
    const readonly = await h.rows((await h.find('acme/readonly')).node);
    assert.ok(readonly.every((r) => r.item.contextValue?.startsWith('package')));
    assert.equal(h.requests('GET', `/api/v4/projects/${SAMPLE.projects.readonly.id}/packages/protection/rules`).length, 0);
    assert.deepEqual(h.ui.messages, [], 'no error for those who may not read them');
  });

  it('with a read-only token (read_api) the rules are listed but offer no Add, Edit or Delete Rule…', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.readToken });
    // The token's scopes are known once its check lands; the rows are redrawn then.
    const rules = await waitFor(async () => {
      const row = await rulesRow(h);
      return row.item.contextValue === 'protectionRules.readOnly' && row;
    }, 'the rules row marked read-only');
    assert.ok((await h.rows(rules.node)).every((r) => r.item.contextValue === 'protectionRule.readOnly'));
  });
});
