import type { ListNode } from '../../../src/tree/rows';
import { strict as assert } from 'node:assert';
import { nodeFetch as fetch } from '../../../src/platform/node';
import { GitLabClient } from '../../../src/gitlab/client';
import { parseProjectEntry, type ProjectRef } from '../../../src/core/projects/projectRef';
import { PackagesTreeModel, type TreeModelDeps } from '../../../src/tree/model';
import { type MessageNode, type PackageNode, type ProjectNode, type TreeNode } from '../../../src/tree/nodes';
import { shown } from '../../support/shown';
import { word } from '../../../src/util/text';
import { FakeGitLab } from '../../fake-gitlab/server';
import { SAMPLE, seedSample } from '../../fake-gitlab/seed';

describe('tree model against the fake GitLab', function () {
  let fake: FakeGitLab;

  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedSample(fake);
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.clearRequests();
    fake.latencyMs = 0;
  });

  function model(entries: string[], opts: { token?: string | undefined; over?: Partial<TreeModelDeps> } = { token: SAMPLE.apiToken }) {
    const changes: (TreeNode | undefined)[] = [];
    const clients = new Map<string, GitLabClient>();
    const m = new PackagesTreeModel({
      entries: () => entries.map((e) => parseProjectEntry(e, fake.url)),
      clientFor: (ref: ProjectRef) => {
        let c = clients.get(ref.instanceUrl);
        if (!c) {
          c = new GitLabClient({
            instanceUrl: ref.instanceUrl,
            fetch: fetch,
            getToken: () => Promise.resolve(opts.token),
            userAgent: 'test',
            maxRetries: 0,
            timeoutMs: 2000,
          });
          clients.set(ref.instanceUrl, c);
        }
        return c;
      },
      hasToken: () => Promise.resolve(opts.token !== undefined),
      onDidChange: (n) => changes.push(n),
      ...opts.over,
    });
    return { m, changes };
  }

  async function projectNode(m: PackagesTreeModel, index = 0): Promise<ProjectNode> {
    const node = (await m.children())[index];
    assert.equal(node.kind, 'project');
    return node;
  }

  /** The rows of `node` once its background paging has settled (the model says when). */
  async function settled(m: PackagesTreeModel, node: TreeNode): Promise<TreeNode[]> {
    await m.whenSettled(node as ListNode);
    return m.children(node);
  }

  it('roots: projects labelled by path_with_namespace; bad and unknown entries as rows that say why', async () => {
    const { m } = model(['101', 'acme/app', 'not a path', 'secret/hidden']);
    const roots = await m.children();
    assert.deepEqual(
      roots.map((r) => [r.kind, shown(r).label]),
      [
        ['project', 'acme/app'],
        ['project', 'acme/app'],
        ['projectError', 'not a path'],
        ['projectError', 'secret/hidden'],
      ],
    );
    assert.match(shown(roots[3]).description ?? '', /not found/i);
    assert.equal(shown(roots[2]).contextValue, 'projectError');
  });

  it('packages: name, "version · type", icon, status; deletable only when the server offers delete', async () => {
    const { m } = model(['acme/app']);
    const rows = (await settled(m, await projectNode(m))) as PackageNode[];
    const maven = rows.find((r) => r.pkg.name === 'com/mycompany/my-app');
    assert.ok(maven);
    const p = shown(maven);
    assert.equal(p.label, 'com/mycompany/my-app');
    assert.equal(p.description, '1.0-SNAPSHOT · maven');
    assert.equal(p.icon, 'coffee');
    assert.equal(p.contextValue, 'package.deletable');
    const conan = rows.find((r) => r.pkg.packageType === 'conan');
    assert.equal(conan && shown(conan).label, 'Hello');
    const errored = rows.find((r) => r.pkg.status === 'error');
    assert.ok(errored && shown(errored).description?.endsWith('· error'));
    assert.ok(!rows.some((r) => r.pkg.packageType === 'terraform_module'), 'terraform modules are not in the default list');

    const { m: ro } = model(['acme/readonly']);
    const roRows = (await ro.children(await projectNode(ro))) as PackageNode[];
    assert.ok(roRows.length > 0 && roRows.every((r) => shown(r).contextValue === 'package'));
  });

  it('escapes server text in tooltips (Markdown, HTML, command links)', async () => {
    const { m } = model(['acme/app']);
    const rows = (await settled(m, await projectNode(m))) as PackageNode[];
    const evil = rows.find((r) => r.pkg.name.includes('<img'));
    assert.ok(evil);
    const tip = shown(evil).tooltip ?? '';
    assert.ok(!tip.includes('<img'));
    assert.ok(!/\]\(command:/.test(tip));
    assert.ok(tip.includes('&lt;img'));
  });

  it('files: label, human size, checksums in the tooltip', async () => {
    const { m } = model(['acme/app']);
    const rows = (await settled(m, await projectNode(m))) as PackageNode[];
    const maven = rows.find((r) => r.pkg.name === 'com/mycompany/my-app')!;
    const files = await m.children(maven);
    assert.deepEqual(
      files.map((f) => f.kind),
      ['packageFile', 'packageFile', 'packageFile'],
    );
    const pom = files.map(shown).find((f) => f.label.endsWith('.pom'));
    assert.ok(pom);
    assert.match(pom.description ?? '', /^\d+(\.\d)? (B|KiB)/);
    assert.match(pom.tooltip ?? '', /SHA-256 \| [0-9a-f]{64}/);
  });

  it('shows the first page at once and appends the rest in the background, without duplicates', async () => {
    fake.latencyMs = 30;
    const { m, changes } = model(['acme/big']);
    const project = await projectNode(m);
    const first = await m.children(project);
    assert.equal(first.filter((r) => r.kind === 'package').length, 100);
    const all = await settled(m, project);
    assert.equal(all.length, 250);
    assert.equal(new Set(all.map((r) => r.id)).size, 250);
    assert.ok(changes.includes(project), 'the project node was refreshed, not the whole tree');
    assert.ok(!changes.includes(undefined));
  });

  it('a long list is redrawn twice (first page, then all) and nothing in between: each redraw takes the focus from the find widget', async () => {
    fake.latencyMs = 15;
    const background: Promise<void>[] = [];
    const { m, changes } = model(['acme/big'], { token: SAMPLE.apiToken, over: { slowRedrawMs: 60_000, onBackgroundLoad: (p) => background.push(p) } });
    const project = await projectNode(m);
    const first = await m.children(project);
    const progress = first[0] as MessageNode;
    assert.equal(shown(progress).label, 'Loading 100 of 250…');
    assert.equal(background.length, 1, 'the view is told that the list goes on loading');
    changes.length = 0;
    const all = await settled(m, project);
    assert.equal(all.length, 250);
    assert.deepEqual(changes, [project], 'the list itself once, when every page is in');
    await background[0];
  });

  it('a slow server: the rows so far are shown after slowRedrawMs, then at doubling intervals, not per page', async () => {
    fake.addProject({ id: 995, pathWithNamespace: 'acme/slow', members: { [SAMPLE.userId]: 40 } });
    fake.addPackagesBulk(995, 3_000);
    // The loader reads the time from Date.now: here a clock the test moves, 10 ms per answer, on a fast machine or a slow one.
    const realNow = Date.now;
    let now = realNow();
    const slowFetch: typeof fetch = (input, init) => fetch(input, init).then((res) => ((now += 10), res));
    const client = new GitLabClient({
      instanceUrl: fake.url,
      fetch: slowFetch,
      getToken: () => Promise.resolve(SAMPLE.apiToken),
      userAgent: 'test',
      concurrency: 1,
    });
    // What the "Loading N of M…" row says when the list is first redrawn.
    const changes: (TreeNode | undefined)[] = [];
    let progress: MessageNode | undefined;
    let progressAtFirstRedraw: string | undefined;
    const onDidChange = (n: TreeNode | undefined): void => {
      changes.push(n);
      if (n?.kind === 'project' && progress && progressAtFirstRedraw === undefined) progressAtFirstRedraw = String(shown(progress).label);
    };
    const { m } = model(['acme/slow'], { token: SAMPLE.apiToken, over: { slowRedrawMs: 20, clientFor: () => client, onDidChange } });
    Date.now = () => now;
    try {
      const project = await projectNode(m);
      progress = (await m.children(project))[0] as MessageNode;
      changes.length = 0;
      const all = await settled(m, project);
      assert.equal(all.length, 3_000);
      const redraws = changes.filter((n) => n === project).length;
      assert.match(progressAtFirstRedraw ?? '', /^Loading [\d,]+ of 3,000…$/);
      assert.notEqual(progressAtFirstRedraw, 'Loading 100 of 3,000…', 'the count at a redraw is the rows so far');
      // 29 pages, 10 ms apart: redraws at 20, 60, 140 ms and the last — a handful, never one per page.
      assert.ok(redraws >= 3 && redraws <= 5, `${redraws} redraws of the list for 29 pages`);
    } finally {
      Date.now = realNow;
    }
  });

  it('a list that reaches the cap is not redrawn for its rows so far right before its last redraw', async () => {
    // slowRedrawMs 0: the rows so far are due at every page; the last page of the load is followed by the final redraw anyway.
    const { m, changes } = model(['acme/big'], { token: SAMPLE.apiToken, over: { maxRows: 200, slowRedrawMs: 0 } });
    const project = await projectNode(m);
    await m.children(project);
    changes.length = 0;
    const all = await settled(m, project);
    assert.equal(all.at(-1)?.kind, 'loadMore');
    assert.equal(all.filter((r) => r.kind === 'package').length, 200);
    // Page 2 is the load's last: the list with "Load more…" once, not its rows so far first.
    assert.equal(changes.filter((n) => n === project).length, 1);
  });

  it('past the cap (and without totals) offers "Load more…", which appends to its parent only', async () => {
    const { m, changes } = model(['acme/big'], { token: SAMPLE.apiToken, over: { maxRows: 100, loadMoreRows: 100 } });
    const project = await projectNode(m);
    const rows = await m.children(project);
    const more = rows[rows.length - 1];
    assert.equal(more.kind, 'loadMore');
    assert.equal(shown(more).label, 'Load more…');
    if (more.kind !== 'loadMore') return;
    await m.loadMore(more);
    const after = await m.children(project);
    assert.equal(after.filter((r) => r.kind === 'package').length, 200);
    assert.equal(after[after.length - 1].kind, 'loadMore');
    assert.equal(changes[changes.length - 1], project);
  });

  it('state rows: no token, rejected token, no access, network failure with Retry, empty', async () => {
    const row = async (entries: string[], token: string | undefined): Promise<MessageNode> => {
      const { m } = model(entries, { token });
      const rows = await m.children(await projectNode(m));
      assert.equal(rows.length, 1);
      assert.equal(rows[0].kind, 'message');
      return rows[0];
    };
    const noToken = await row(['acme/app'], undefined);
    assert.match(word(noToken.text), /No access token for 127\.0\.0\.1:\d+ — Set Access Token…/);
    assert.deepEqual(noToken.action, { kind: 'setToken', origin: fake.url });
    const rejected = await row(['acme/app'], 'not-a-real-token');
    assert.match(word(rejected.text), /rejected — Set Access Token…/);
    assert.equal(rejected.action.kind, 'setToken');

    fake.addProject({ id: 996, pathWithNamespace: 'acme/guest-only', members: { [SAMPLE.userId]: 10 } });
    const forbidden = await row(['acme/guest-only'], SAMPLE.apiToken);
    assert.equal(word(forbidden.text), 'No access to packages');
    assert.match(forbidden.detail ?? '', /403/);

    fake.addProject({ id: 997, pathWithNamespace: 'acme/empty', members: { [SAMPLE.userId]: 50 } });
    assert.equal(word((await row(['acme/empty'], SAMPLE.apiToken)).text), 'No packages');

    fake.fail({ path: '/api/v4/projects/101/packages' }, { status: 503 }, 1);
    const { m } = model(['acme/app']);
    const project = await projectNode(m);
    const failed = await m.children(project);
    assert.equal(failed[0].kind, 'message');
    assert.match(word(failed[0].text), /HTTP 503: 503 Service Unavailable — Retry/);
    assert.equal(failed[0].action.kind, 'retry');
    m.refresh(failed[0]);
    const retried = await m.children(project);
    assert.ok(retried.length > 5 && retried.every((r) => r.kind === 'package' || r.kind === 'message'));
  });

  it('10,000 files in one package all load in the background; past that GitLab stops counting, pages still load up to the cap, then "Load more…"', async function () {
    this.timeout(20_000);
    const project = fake.addProject({ id: 998, pathWithNamespace: 'acme/many-files', members: { [SAMPLE.userId]: 40 } });
    const pkg = fake.addPackage(project.id, { name: 'huge', version: '1', packageType: 'generic' });
    fake.addFilesBulk(pkg.id, 10_000);
    const { m } = model(['acme/many-files']);
    const pkgNode = (await m.children(await projectNode(m)))[0];
    const rows = await settled(m, pkgNode);
    assert.equal(rows.length, 10_000);
    assert.ok(rows.every((r) => r.kind === 'packageFile'));
    fake.addFilesBulk(pkg.id, 50);
    m.refresh(pkgNode);
    const uncounted = await settled(m, pkgNode);
    assert.equal(uncounted.filter((r) => r.kind === 'packageFile').length, 10_000);
    assert.equal(uncounted[uncounted.length - 1].kind, 'loadMore');
  });

  it('a refresh while the root is still loading: the projects come from the newer load, never "Request cancelled"', async () => {
    fake.latencyMs = 40;
    const { m } = model(['acme/app', 'acme/big']);
    const older = m.children();
    m.refresh();
    const roots = await older;
    fake.latencyMs = 0;
    assert.deepEqual(
      roots.map((r) => r.kind),
      ['project', 'project'],
    );
    for (const r of roots as ProjectNode[]) assert.equal(r.resolveError, undefined, `${r.ref.entry} carries no cancellation`);
    const rows = await m.children(roots[0]);
    assert.ok(rows.every((r) => r.kind === 'package'));
  });

  it('Retry on a project whose lookup failed looks it up again', async () => {
    fake.fail({ path: '/api/v4/projects/acme%2Fapp' }, { status: 500, body: { message: 'down' } }, 1);
    const { m } = model(['acme/app']);
    const [project] = (await m.children()) as ProjectNode[];
    assert.ok(project.resolveError);
    const [row] = await m.children(project);
    assert.equal(row.kind, 'message');
    m.refresh(row);
    const [again] = (await m.children()) as ProjectNode[];
    assert.equal(again.resolveError, undefined);
    assert.ok((await m.children(again)).some((r) => r.kind === 'package'));
  });

  it('a newer refresh wins over an older load still in flight (refreshed mid-background, data changed meanwhile)', async () => {
    fake.latencyMs = 20;
    const { m } = model(['acme/big']);
    const project = await projectNode(m);
    const first = await m.children(project);
    assert.ok(
      first.some((r) => r.kind === 'message' && r.id.endsWith('/loading')),
      'the older load is still paging in the background',
    );
    m.refresh(project);
    // Published after the refresh: only the newer load can know it (newest first, so on page 1).
    const added = fake.addPackage(SAMPLE.projects.big.id, { name: 'published-after-refresh', version: '1.0.0', packageType: 'generic' });
    await m.whenSettled(project);
    const rows = await m.children(project);
    const packages = rows.filter((r): r is PackageNode => r.kind === 'package');
    assert.ok(
      packages.some((p) => p.pkg.id === added.id),
      'the newer listing is what is shown',
    );
    assert.equal(new Set(packages.map((p) => p.id)).size, packages.length, 'no row twice');
    assert.ok(!rows.some((r) => r.kind === 'message'), 'no loading row left behind by the older load');
    fake.latencyMs = 0;
  });

  it('lists an 11.9-shape project like any other (delete offered: old servers send no _links)', async () => {
    const { m } = model(['legacy/old-server']);
    const rows = (await m.children(await projectNode(m))) as PackageNode[];
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.kind === 'package' && shown(r).contextValue === 'package.deletable'));
    const files = await m.children(rows[0]);
    assert.ok(files.length > 0 && files.every((f) => f.kind === 'packageFile'));
  });
});
