/**
 * Package protection rules: matching with `*` wildcards and package types, the strictest rule
 * deciding, whether a role may delete under it; the version gates; and against the fake
 * GitLab the roles (Maintainer+ reads, others see nothing and nothing is asked) and GitLab's
 * answers to creating, changing and deleting rules.
 */
import { strict as assert } from 'node:assert';
import { loadProtection, mayReadRules } from '../../../../src/core/protection/projectProtection';
import { deleteRefusal, patternMatches, ruleFor, ruleStanding, ruleText, type ProtectionRule } from '../../../../src/core/protection/protectionRules';
import { parseGitLabVersion, supports } from '../../../../src/core/instances/versionGates';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../../../src/gitlab/errors';
import { parsePackage } from '../../../../src/gitlab/models';
import { word } from '../../../../src/util/text';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const pkg = (name: string, packageType = 'npm', extra: Record<string, unknown> = {}) =>
  parsePackage({ id: 1, name, version: '1.0.0', package_type: packageType, ...extra });
const rule = (packageNamePattern: string, packageType = 'npm', del?: string, push = 'maintainer', id = 1): ProtectionRule => ({
  id,
  packageNamePattern,
  packageType,
  minimumAccessLevelForPush: push,
  minimumAccessLevelForDelete: del,
});
const v = (text: string) => parseGitLabVersion(text);

describe('protection rules: matching and roles', () => {
  it('`*` matches any run of characters, also none; the rest literally and without regard to case', () => {
    assert.ok(patternMatches('@acme/*', '@acme/ui'));
    assert.ok(patternMatches('@acme/*', '@acme/'));
    assert.ok(!patternMatches('@acme/*', '@other/ui'));
    assert.ok(patternMatches('*-release', 'protected-release'));
    assert.ok(patternMatches('a*b*c', 'aXXbYYc') && !patternMatches('a*b*c', 'aXXcYYb'));
    assert.ok(patternMatches('My.Lib', 'my.lib') && !patternMatches('my.lib', 'myXlib'), 'a dot is a dot');
    assert.ok(patternMatches('lib+(1)', 'lib+(1)'), 'regex characters are literal');
    assert.ok(!patternMatches('ui', '@acme/ui'), 'no star: the whole name');
  });

  it('a rule covers a package only for its own type; of several, the strictest decides', () => {
    const rules = [
      rule('@acme/*', 'npm', undefined, 'maintainer', 1),
      rule('@acme/ui', 'npm', 'owner', 'maintainer', 2),
      rule('@acme/*', 'maven', 'admin', 'admin', 3),
    ];
    assert.equal(ruleFor(pkg('@acme/ui'), rules)?.id, 2);
    assert.equal(ruleFor(pkg('@acme/core'), rules)?.id, 1);
    assert.equal(ruleFor(pkg('@acme/ui', 'maven'), rules)?.id, 3);
    assert.equal(ruleFor(pkg('@acme/ui', 'pypi'), rules), undefined);
    // Conan rules name the bare package, not the full recipe.
    const conan = pkg('Hello/0.1@mycompany/stable', 'conan', { conan_package_name: 'Hello' });
    assert.equal(ruleFor(conan, [rule('Hello', 'conan', 'owner')])?.id, 1);
  });

  it('in a few words: "push: maintainer+, delete: owner+"; a rule without a delete level (or a server before 17.11) says only push', () => {
    assert.equal(word(ruleText(rule('x', 'npm', 'owner'))), 'push: maintainer+, delete: owner+');
    assert.equal(word(ruleText(rule('x', 'npm', undefined))), 'push: maintainer+');
    assert.equal(
      word(ruleText({ id: 1, packageNamePattern: 'x', packageType: 'npm', minimumAccessLevelForDelete: 'admin' })),
      'push: developer+, delete: admin+',
    );
  });

  it('whether a role may delete under a rule, and why not', () => {
    const owner = rule('protected-*', 'generic', 'owner');
    assert.equal(word(deleteRefusal(owner, 40) ?? { message: '', args: [] }), 'protected by the rule protected-* (generic): only owner+ may delete it');
    assert.equal(deleteRefusal(owner, 50), undefined, 'an owner may');
    assert.ok(deleteRefusal(rule('x', 'npm', 'admin'), 50), 'an owner may not where only administrators may');
    assert.equal(deleteRefusal(rule('x', 'npm', undefined), 40), undefined, 'no delete level: maintainers may');
    assert.equal(deleteRefusal(owner, undefined), undefined, 'role unknown: GitLab decides (and a 403 is explained)');
    const refusal = (p: ReturnType<typeof pkg>) => ruleStanding({ rules: [owner], accessLevel: 40 }, p).refusal;
    assert.ok(refusal(pkg('protected-release', 'generic')));
    assert.equal(refusal(pkg('protected-release', 'npm')), undefined);
  });

  it('version gates: pipelines 16.1, rules 17.6, delete protection 17.11, file ordering 18.0', () => {
    const gates: [Parameters<typeof supports>[1], string, string][] = [
      ['packagePipelines', '16.0.9', '16.1.0'],
      ['protectionRules', '17.5.3', '17.6.0'],
      ['deleteProtection', '17.10.1', '17.11.0'],
      ['fileOrdering', '17.11.2', '18.0.0'],
    ];
    for (const [feature, before, since] of gates) assert.deepEqual([supports(v(before), feature), supports(v(since), feature)], [false, true], feature);
    assert.equal(mayReadRules({ accessLevel: 30 }, v('18.5.1')), false, 'a developer is not even asked');
    assert.equal(mayReadRules({ accessLevel: undefined }, v('18.5.1')), true, 'role unknown: asked, a 403 then means no');
    assert.equal(mayReadRules({ accessLevel: 50 }, v('17.5.0')), false);
  });
});

describe('protection rules against the fake GitLab', () => {
  const theFake = useSampleFake(true);
  let fake: FakeGitLab;
  beforeEach(() => (fake = theFake()));
  const client = () => fakeClient(fake);
  const APP = SAMPLE.projects.app.id;
  const ruleRequests = () => fake.requests.filter((r) => r.path.includes('/protection/rules'));

  it('an owner reads the rules with their delete levels; a developer is refused (403), a server before 17.6 has none (404)', async () => {
    const rules = await client().protectionRules(APP);
    assert.deepEqual(
      rules.map((r) => [r.packageNamePattern, r.packageType, r.minimumAccessLevelForPush, r.minimumAccessLevelForDelete]),
      [
        ['@acme/*', 'npm', 'maintainer', 'owner'],
        ['protected-*', 'generic', 'maintainer', 'admin'],
      ],
    );
    await assert.rejects(client().protectionRules(SAMPLE.projects.readonly.id), (e) => e instanceof ForbiddenError);
    fake.version = '17.5.0';
    await assert.rejects(client().protectionRules(APP), (e) => e instanceof NotFoundError);
    fake.version = '17.8.0';
    assert.deepEqual(
      (await client().protectionRules(APP)).map((r) => r.minimumAccessLevelForDelete),
      [undefined, undefined],
      'before 17.11 rules carry no delete level',
    );
  });

  it('loadProtection: the rules and the role for a maintainer; nothing, and nothing asked, for a developer or an old server', async () => {
    const app = await client().getProject(APP);
    const loaded = await loadProtection(client(), app, v(fake.version));
    assert.equal(loaded?.rules.length, 2);
    assert.equal(loaded?.accessLevel, 50);
    fake.clearRequests();
    const readonly = await client().getProject(SAMPLE.projects.readonly.id);
    assert.equal(await loadProtection(client(), readonly, v(fake.version)), undefined);
    assert.equal(await loadProtection(client(), app, v('17.5.0')), undefined);
    assert.equal(ruleRequests().length, 0);
    // Role unknown (no permissions in the answer): asked; the 403 is "nothing to show", not an error.
    assert.equal(await loadProtection(client(), { ...readonly, accessLevel: undefined }, v(fake.version)), undefined);
    assert.equal(ruleRequests().length, 1);
  });

  it("a personal project's owner is Owner to a delete rule whatever the member record says, as GitLab checks; someone else keeps the record's role", async () => {
    // app/models/user.rb max_member_access_for_project counts a personal project's owner as Owner; a project made
    // before 14.9 records them as Maintainer, and `permissions.project_access` shows that record.
    fake.addProject({ id: 950, pathWithNamespace: 'demo/personal', members: { [SAMPLE.userId]: 40 }, personalOwnerId: SAMPLE.userId });
    const lib = fake.addPackage(950, { name: 'lib', version: '1.0.0', packageType: 'npm' });
    fake.addProtectionRule({ projectId: 950, packageNamePattern: 'lib', packageType: 'npm', minimumAccessLevelForDelete: 'owner' });
    const project = await client().getProject(950);
    assert.deepEqual([project.accessLevel, project.personalOwnerId], [40, SAMPLE.userId]);
    const owner = await loadProtection(client(), project, v(fake.version), undefined, undefined, () => Promise.resolve(SAMPLE.userId));
    assert.equal(owner?.accessLevel, 50);
    assert.equal(deleteRefusal(owner?.rules[0], owner?.accessLevel), undefined);
    const someoneElse = await loadProtection(client(), project, v(fake.version), undefined, undefined, () => Promise.resolve(SAMPLE.adminId));
    assert.equal(someoneElse?.accessLevel, 40);
    assert.ok(deleteRefusal(someoneElse?.rules[0], someoneElse?.accessLevel));
    await client().deletePackage(950, lib.id);
    assert.equal(fake.getPackage(lib.id)?.status, 'pending_destruction', 'GitLab lets the owner delete it');
  });

  it('GitLab refuses the delete of a package whose rule needs a higher role (17.11+), and not before', async () => {
    const protectedRelease = fake.packagesOf(APP).find((p) => p.name === 'protected-release')!;
    protectedRelease.protected = false; // only the rule protects it now
    fake.version = '17.10.0';
    const ui = fake.packagesOf(APP).find((p) => p.name === '@acme/ui')!;
    await client().deletePackage(APP, ui.id);
    fake.version = '18.5.1-ee';
    await assert.rejects(client().deletePackage(APP, protectedRelease.id), (e) => e instanceof ForbiddenError && e.reason === 'protected');
    assert.equal(fake.getPackage(protectedRelease.id)?.status, 'default');
  });

  it('create, change and delete a rule; GitLab says 422 for a taken pattern and for a rule that restricts nothing, 400 for an unknown type', async () => {
    const c = client();
    const created = await c.createProtectionRule(APP, {
      packageNamePattern: 'acme-*',
      packageType: 'pypi',
      minimumAccessLevelForPush: 'owner',
      minimumAccessLevelForDelete: null,
    });
    assert.deepEqual([created.packageNamePattern, created.minimumAccessLevelForPush, created.minimumAccessLevelForDelete], ['acme-*', 'owner', undefined]);
    const post = fake.requests.find((r) => r.method === 'POST');
    assert.deepEqual(post?.body, {
      package_name_pattern: 'acme-*',
      package_type: 'pypi',
      minimum_access_level_for_push: 'owner',
      minimum_access_level_for_delete: null,
    });
    await assert.rejects(
      c.createProtectionRule(APP, { packageNamePattern: 'acme-*', packageType: 'pypi', minimumAccessLevelForPush: 'maintainer' }),
      (e) => e instanceof BadRequestError && e.status === 422 && /already been taken/.test(e.serverMessage ?? ''),
    );
    await assert.rejects(
      c.createProtectionRule(APP, { packageNamePattern: 'x', packageType: 'pypi', minimumAccessLevelForPush: null, minimumAccessLevelForDelete: null }),
      (e) => e instanceof BadRequestError && e.status === 422,
    );
    await assert.rejects(
      c.createProtectionRule(APP, { packageNamePattern: 'x', packageType: 'rpm', minimumAccessLevelForPush: 'owner' }),
      (e) => e instanceof BadRequestError && e.status === 400,
    );
    const changed = await c.updateProtectionRule(APP, created.id, { minimumAccessLevelForDelete: 'admin' });
    assert.equal(changed.minimumAccessLevelForDelete, 'admin');
    assert.equal(changed.minimumAccessLevelForPush, 'owner', 'a PATCH changes only what it names');
    await c.deleteProtectionRule(APP, created.id);
    await assert.rejects(c.deleteProtectionRule(APP, created.id), (e) => e instanceof NotFoundError);
    assert.equal(fake.protectionRulesOf(APP).length, 2);
    assert.equal(ruleRequests().filter((r) => r.method !== 'GET').length, 7, 'each write sent once, never retried');
  });

  it('a developer may not change rules (403); before 17.11 the push level is required (400)', async () => {
    const readonly = SAMPLE.projects.readonly.id;
    await assert.rejects(
      client().createProtectionRule(readonly, { packageNamePattern: 'x', packageType: 'npm', minimumAccessLevelForPush: 'owner' }),
      (e) => e instanceof ForbiddenError,
    );
    fake.version = '17.6.0';
    await assert.rejects(
      client().createProtectionRule(APP, { packageNamePattern: 'y', packageType: 'npm', minimumAccessLevelForPush: null }),
      (e) => e instanceof BadRequestError && e.status === 400,
    );
  });
});
