/**
 * Rows read the facts kept in core each time they are drawn: a project's protection rules (the
 * protection cache) and its instance's token state (instance health). Nothing copies them onto
 * the rows, so a fact that changes — or is forgotten — is what every row shows at once.
 */
import { strict as assert } from 'node:assert';
import type { InstanceStatus } from '../../../src/core/instances/instanceHealth';
import { parseGitLabVersion } from '../../../src/core/instances/versionGates';
import { ProtectionCache } from '../../../src/core/protection/protectionCache';
import { parseGroupEntry, parseProjectEntry } from '../../../src/core/projects/projectRef';
import { PackagesTreeModel } from '../../../src/tree/model';
import type { GroupNode, PackageNode, ProjectNode, TreeNode } from '../../../src/tree/nodes';
import { fakeClient, useSampleFake } from '../../support/sampleFake';
import { shown } from '../../support/shown';

describe('rows read the facts kept in core', () => {
  const theFake = useSampleFake();

  it('a project and a group row read the token state and the rules each time: a change or a forgotten fact shows at once', async () => {
    const fake = theFake();
    fake.version = '18.5.1-ee';
    const client = fakeClient(fake);
    const versionOf = () => Promise.resolve(parseGitLabVersion(fake.version));
    const protection = new ProtectionCache({ clientFor: () => client, versionOf });
    let status: InstanceStatus | undefined;
    const m = new PackagesTreeModel({
      entries: () => [parseProjectEntry('acme/app', fake.url)],
      groupEntries: () => [parseGroupEntry('acme', fake.url)],
      clientFor: () => client,
      hasToken: () => Promise.resolve(true),
      versionOf,
      instanceStatus: () => status,
      protection,
      onDidChange: () => undefined,
    });
    const [app, group] = (await m.children()) as [ProjectNode, GroupNode];
    const rows = await m.children(app);
    const release = rows.find((r): r is PackageNode => r.kind === 'package' && r.pkg.name === 'protected-release')!;
    const tools = rows.find((r): r is PackageNode => r.kind === 'package' && r.pkg.name === 'acme-tools')!;
    assert.equal(app.protection, protection.known(app));
    assert.match(shown(release).description ?? '', /🔒 protected$/);
    assert.equal(shown(tools).contextValue, 'package.deletable');

    status = { instanceUrl: fake.url, hasToken: true, token: { scopes: ['read_api'], canDelete: false } };
    assert.deepEqual([app.readOnly, group.readOnly], [true, true], 'no redraw call needed to see it');
    assert.equal(shown(tools).contextValue, 'package');
    status = undefined;
    assert.equal(app.readOnly, undefined);

    protection.forget();
    assert.equal(app.protection, undefined);
    assert.doesNotMatch(shown(release).description ?? '', /protected/);
    await protection.read(app);
    assert.match(shown(release).description ?? '', /🔒 protected$/);
    assert.equal((await m.children(app)).filter((r: TreeNode) => r.kind === 'protectionRules').length, 1);
  });
});
