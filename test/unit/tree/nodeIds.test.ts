/**
 * Row ids are what VS Code keeps expansion and selection by: pinned here, byte for byte, both as
 * the builders make them and as the rows of a real tree carry them.
 */
import { strict as assert } from 'node:assert';
import { parseGroupEntry, parseProjectEntry, type ProjectRef } from '../../../src/core/projects/projectRef';
import {
  fileRowId,
  groupRowId,
  instanceRowId,
  isAtOrBelow,
  loadMoreRowId,
  messageRowId,
  nameRowId,
  packageRowId,
  projectErrorRowId,
  projectRowId,
  protectionRuleRowId,
  protectionRulesRowId,
} from '../../../src/tree/nodeIds';
import type { FileNode } from '../../../src/tree/nodes';
import { shortHash } from '../../../src/util/shortHash';
import { harnessPerTest, SAMPLE } from '../../support/double/harness';

const URL_ = 'https://gitlab.example.com/gitlab';

function ref(parsed: ReturnType<typeof parseProjectEntry>): ProjectRef {
  assert.ok(parsed.ok);
  return parsed.ref;
}

describe('tree row ids', () => {
  const app = ref(parseProjectEntry('acme/app', URL_));
  const group = ref(parseGroupEntry('acme', URL_));
  const project = { id: 'p:1g81buckjn7' };

  it('roots: instance, project (configured or detected), group, unusable entry', () => {
    assert.equal(instanceRowId(URL_), 'instance:https://gitlab.example.com/gitlab');
    assert.equal(projectRowId(app, false), 'p:1g81buckjn7');
    assert.equal(projectRowId(app, true), 'd:1g81buckjn7');
    assert.equal(groupRowId(group), 'g:1in2ulog5n9');
    assert.equal(projectErrorRowId(2, '!!bad'), 'projectError:2:!!bad');
    assert.equal(projectErrorRowId('group0', '!!'), 'projectError:group0:!!');
  });

  it('below a list: names, packages, files, protection rules, load more, messages', () => {
    const pkg = { id: packageRowId(project, 42) };
    assert.equal(nameRowId(project, 'npm::@acme/ui'), 'p:1g81buckjn7/n:npm::@acme/ui');
    assert.equal(pkg.id, 'p:1g81buckjn7/p:42');
    assert.equal(fileRowId(pkg, 7), 'p:1g81buckjn7/p:42/f:7');
    const rules = { id: protectionRulesRowId(project) };
    assert.equal(rules.id, 'p:1g81buckjn7/protectionRules');
    assert.equal(protectionRuleRowId(rules, 3), 'p:1g81buckjn7/protectionRules/rule:3');
    assert.equal(loadMoreRowId(project, 5), 'p:1g81buckjn7/more:5');
    assert.deepEqual(
      (['empty', 'loading', 'unsure', 'state', 'more', 'filtered-here'] as const).map((slot) => messageRowId(pkg, slot)),
      ['empty', 'loading', 'unsure', 'state', 'more', 'filtered-here'].map((s) => `p:1g81buckjn7/p:42/${s}`),
    );
  });

  it('sources that differ in any part of their identity get different ids', () => {
    const entries = [
      parseProjectEntry('acme/app', URL_),
      parseProjectEntry('acme/app-two', URL_),
      parseProjectEntry('acme/App', URL_),
      parseProjectEntry('42', URL_),
      parseProjectEntry('http://gitlab.example.com/acme/app', URL_, ['http://gitlab.example.com']),
      parseProjectEntry('acme/app', 'https://gitlab.example.com:8443'),
      parseProjectEntry('acme/app', 'https://other.example.com'),
    ].map(ref);
    const ids = [...entries.map((r) => projectRowId(r, false)), ...entries.map((r) => projectRowId(r, true)), groupRowId(group), groupRowId(app)];
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
    assert.equal(projectRowId(ref(parseProjectEntry('acme/app', URL_)), false), projectRowId(app, false), 'the same entry, the same id');
  });

  it('a row and the rows built below it, not a sibling whose id starts alike', () => {
    const pkg = packageRowId(project, 42);
    assert.ok(isAtOrBelow(project.id, project.id));
    assert.ok(isAtOrBelow(pkg, project.id));
    assert.ok(isAtOrBelow(fileRowId({ id: pkg }, 7), project.id));
    assert.ok(isAtOrBelow(protectionRuleRowId({ id: protectionRulesRowId(project) }, 3), project.id));
    assert.ok(!isAtOrBelow(project.id, pkg), 'a parent is not below its child');
    assert.ok(!isAtOrBelow(packageRowId(project, 420), pkg), 'package 420 is not below package 42');
    assert.ok(!isAtOrBelow(projectRowId(ref(parseProjectEntry('acme/app-two', URL_)), false), project.id));
  });

  describe('as the rows of a tree carry them', () => {
    const t = harnessPerTest();

    it('project, protection rules, rule, package, file, name, group and a bad entry', async () => {
      const h = await t.start({ settings: { projects: ['acme/app', '!!bad'], groups: ['acme'] }, token: SAMPLE.apiToken });
      const origin = new URL(h.fake.url).origin;
      const app = `p:${shortHash(`${origin}|acme/app`)}`;
      const idOf = async (row: { node: object }): Promise<string | undefined> => (await h.item(row.node)).id;
      const roots = await h.rows();
      assert.deepEqual(await Promise.all(roots.map(idOf)), [app, 'projectError:1:!!bad', `g:${shortHash(`${origin}|acme`)}`]);
      const rules = await h.find('acme/app', 'Protection Rules');
      assert.equal(await idOf(rules), `${app}/protectionRules`);
      const [firstRule] = await h.rows(rules.node);
      assert.match((await idOf(firstRule)) ?? '', new RegExp(`^${app}/protectionRules/rule:\\d+$`));
      const pkg = h.fake.packagesOf(SAMPLE.projects.app.id).find((p) => p.name === 'acme-tools' && p.version === '0.4.0');
      assert.ok(pkg);
      const row = await h.pkg('acme/app', 'acme-tools', '0.4.0');
      assert.equal(await idOf(row), `${app}/p:${pkg.id}`);
      const [file] = await h.rows(row.node);
      assert.equal(await idOf(file), `${app}/p:${pkg.id}/f:${(file.node as FileNode).file.id}`);
      await h.run('gitlabPackages.groupByName');
      const name = await h.find('acme/app', 'acme-tools');
      assert.equal(await idOf(name), `${app}/n:pypi::acme-tools`);
    });
  });
});
