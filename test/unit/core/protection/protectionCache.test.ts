/**
 * The core cache of each project's protection rules and the user's role: read once per project
 * and instance, whoever asks; heard by listeners when a read lands; a project read again keeps
 * what was known until the new read lands; a token or settings change (the whole tree
 * refreshed) forgets everything, and a read under way then says nothing.
 */
import { strict as assert } from 'node:assert';
import type { ListedUnder } from '../../../../src/core/browse/packageOwner';
import { parseGitLabVersion } from '../../../../src/core/instances/versionGates';
import { ProtectionCache, type ProtectionKey } from '../../../../src/core/protection/protectionCache';
import type { Project } from '../../../../src/gitlab/models';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const APP = SAMPLE.projects.app.id;
const OTHER_INSTANCE = 'https://other.example';

describe('the protection cache', () => {
  const theFake = useSampleFake(true);
  let fake: FakeGitLab;
  let app: Project;
  beforeEach(async () => {
    fake = theFake();
    fake.version = '18.5.1-ee';
    app = await fakeClient(fake).getProject(APP);
    fake.clearRequests();
  });

  /** A cache over the fake (every instance URL answered by it), and what it told the instance facts. */
  function cache() {
    const client = fakeClient(fake);
    const mayBeOn: string[] = [];
    const c = new ProtectionCache({
      clientFor: () => client,
      versionOf: () => Promise.resolve(parseGitLabVersion(fake.version)),
      deleteProtectionMayBeOn: (url, id) => mayBeOn.push(`${url}#${id}`),
    });
    return { c, mayBeOn };
  }
  const listed = (project: Project | undefined, instanceUrl = fake.url): ListedUnder => ({
    ref: { entry: 'acme/app', instanceUrl, origin: new URL(instanceUrl).origin, key: 'acme/app' },
    project,
  });
  const ruleReads = () => fake.requests.filter((r) => r.path.endsWith('/packages/protection/rules')).length;

  it('reads a project once however many ask, keyed by instance and project; a group (no project) reads nothing', async () => {
    const { c } = cache();
    const here = listed(app);
    const [a, b] = await Promise.all([c.read(here), c.read(listed(app))]);
    assert.equal(a, b);
    assert.equal(a?.rules.length, 2);
    assert.equal(c.known(listed(app)), a, 'another row of the same project reads the same facts');
    assert.equal(ruleReads(), 1);
    assert.equal(c.known(listed(app, OTHER_INSTANCE)), undefined, 'the same project id on another instance is another project');
    await c.read(listed(app, OTHER_INSTANCE));
    assert.equal(ruleReads(), 2);
    assert.equal(await c.read(listed(undefined)), undefined);
    assert.equal(c.known(listed(undefined)), undefined);
    assert.equal(ruleReads(), 2);
  });

  it('tells listeners which project landed, before those who asked resume; a user who may not read the rules lands with none', async () => {
    const { c } = cache();
    const landed: ProtectionKey[] = [];
    const stop = c.onDidLand((key) => landed.push(key));
    const p = await c.read(listed(app));
    assert.deepEqual(landed, [{ instanceUrl: fake.url, projectId: APP }]);
    assert.equal(c.known(listed(app)), p);
    const readonly = await fakeClient(fake).getProject(SAMPLE.projects.readonly.id);
    fake.clearRequests();
    assert.equal(await c.read(listed(readonly)), undefined);
    assert.equal(ruleReads(), 0, 'a developer is not asked for the rules');
    assert.equal(landed.length, 2);
    stop();
    c.reread(listed(app));
    await c.read(listed(app));
    assert.equal(landed.length, 2, 'no longer listening');
  });

  it('reads a project again (a refresh, a rule changed): what was known stands until the new read lands', async () => {
    const { c, mayBeOn } = cache();
    const before = await c.read(listed(app));
    fake.addProtectionRule({ projectId: APP, packageNamePattern: 'acme-*', packageType: 'pypi', minimumAccessLevelForPush: 'owner' });
    mayBeOn.length = 0;
    c.reread(listed(app));
    assert.deepEqual(mayBeOn, [`${fake.url}#${APP}`], 'delete protection may have been switched on meanwhile');
    assert.equal(c.known(listed(app)), before, 'the rows keep their locks until the rules are in');
    assert.equal(ruleReads(), 1, 'read at the next ask, not before');
    const after = await c.read(listed(app));
    assert.equal(after?.rules.length, 3);
    assert.equal(c.known(listed(app)), after);
    assert.equal(ruleReads(), 2);
  });

  it('a token or settings change forgets every project: nothing is known, and a read under way says nothing when it ends', async () => {
    const { c } = cache();
    await c.read(listed(app, OTHER_INSTANCE));
    // GitLab holds the read until it has been forgotten.
    const held = fake.hold({ method: 'GET', path: /\/protection\/rules$/ });
    const landed: ProtectionKey[] = [];
    c.onDidLand((key) => landed.push(key));
    const reading = c.read(listed(app));
    await held.arrived();
    assert.equal(ruleReads(), 2, 'the read is under way');
    c.forget();
    assert.equal(await reading, undefined, 'aborted');
    held.release();
    assert.equal(c.known(listed(app)), undefined);
    assert.equal(c.known(listed(app, OTHER_INSTANCE)), undefined);
    assert.deepEqual(landed, [], 'a dropped read is not heard');
    const again = await c.read(listed(app));
    assert.equal(again?.rules.length, 2);
    assert.equal(c.known(listed(app)), again);
    assert.equal(landed.length, 1);
  });

  it('whenSettled waits for the reads under way', async () => {
    const { c } = cache();
    void c.read(listed(app));
    void c.read(listed(app, OTHER_INSTANCE));
    await c.whenSettled();
    assert.ok(c.known(listed(app)) && c.known(listed(app, OTHER_INSTANCE)));
  });
});
