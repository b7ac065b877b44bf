/**
 * Delete protection as GitLab really has it: behind the feature flag
 * `packages_protected_packages_delete` (off by default: no delete level kept or shown, a
 * delete-only rule refused, no delete refused), never against an instance administrator; and
 * how a rule write is judged from GitLab's answer.
 */
import { strict as assert } from 'node:assert';
import { InstanceFacts } from '../../../../src/core/instances/instanceFacts';
import { loadProtection } from '../../../../src/core/protection/projectProtection';
import { ruleStanding, type ProtectionRule } from '../../../../src/core/protection/protectionRules';
import { refusedForDeleteProtectionOff, ruleOutcome } from '../../../../src/core/protection/ruleOutcome';
import { parseGitLabVersion } from '../../../../src/core/instances/versionGates';
import { BadRequestError, ForbiddenError } from '../../../../src/gitlab/errors';
import { parsePackage } from '../../../../src/gitlab/models';
import { word } from '../../../../src/util/text';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

const rule = (packageNamePattern: string, packageType: string, del: string | undefined, push: string): ProtectionRule => ({
  id: 1,
  packageNamePattern,
  packageType,
  minimumAccessLevelForPush: push,
  minimumAccessLevelForDelete: del,
});

describe('delete protection', () => {
  it("a rule write is judged by GitLab's answer: as asked, without the delete level asked for (delete protection off), or otherwise", () => {
    const asked = { packageNamePattern: 'x', packageType: 'npm', minimumAccessLevelForPush: 'owner', minimumAccessLevelForDelete: 'admin' };
    assert.equal(ruleOutcome(asked, rule('x', 'npm', 'admin', 'owner')), 'asAsked');
    assert.equal(ruleOutcome(asked, rule('x', 'npm', undefined, 'owner')), 'deleteProtectionOff');
    assert.equal(ruleOutcome(asked, rule('x', 'npm', 'owner', 'owner')), 'changed');
    assert.equal(ruleOutcome(asked, rule('x', 'npm', undefined, 'maintainer')), 'changedWithoutDelete', 'the push level too, and the flag-off sign');
    assert.equal(ruleOutcome(asked, rule('x', 'npm', 'owner', 'maintainer')), 'changed');
    assert.equal(ruleOutcome({ ...asked, minimumAccessLevelForDelete: null }, rule('x', 'npm', undefined, 'owner')), 'asAsked', 'null is none');
    assert.equal(
      ruleOutcome({ ...asked, minimumAccessLevelForDelete: null }, rule('x', 'npm', undefined, 'owner'), true),
      'oldDeleteMayRemain',
      'an edit where the flag may be off: GitLab keeps the old level unshown',
    );
    assert.equal(ruleOutcome(asked, rule('x', 'npm', 'admin', 'owner'), true), 'asAsked');
    assert.equal(ruleOutcome({ minimumAccessLevelForDelete: 'owner' }, rule('y', 'pypi', 'owner', 'maintainer')), 'asAsked', 'a PATCH judged by what it named');
    const refused = new BadRequestError('/rules', 422, '{"error":["A rule must have at least a minimum access role for push or delete."]}');
    const deleteOnly = { ...asked, minimumAccessLevelForPush: null };
    assert.ok(refusedForDeleteProtectionOff(deleteOnly, refused));
    assert.ok(!refusedForDeleteProtectionOff(asked, refused), 'a push level was asked: another reason');
    assert.ok(!refusedForDeleteProtectionOff(deleteOnly, new BadRequestError('/rules', 422, 'Package name pattern has already been taken')));
    // The model's other 422s are about the pattern (rule.rb: its length, its npm/PyPI/Terraform format), even with no rule like it loaded.
    const format = new BadRequestError('/rules', 422, 'Package name pattern should be a valid NPM package name with optional wildcard characters.');
    assert.ok(!refusedForDeleteProtectionOff({ ...deleteOnly, packageNamePattern: '@acme/My Package*' }, format, []));
    const localized = new BadRequestError('/rules', 422, 'Paketnamenmuster ist zu lang');
    assert.ok(!refusedForDeleteProtectionOff({ ...deleteOnly, packageNamePattern: 'x'.repeat(256) }, localized, []), 'over 255 characters, in any language');
    assert.ok(refusedForDeleteProtectionOff(deleteOnly, new BadRequestError('/rules', 422, 'Eine Regel braucht …'), []), 'in another language, by structure');
  });
});

describe('delete protection against the fake GitLab', () => {
  const theFake = useSampleFake(true);
  let fake: FakeGitLab;
  beforeEach(() => (fake = theFake()));
  const client = () => fakeClient(fake);
  const v = (text: string) => parseGitLabVersion(text);
  const APP = SAMPLE.projects.app.id;

  it('loadProtection asks whether the user is an administrator only when a rule would refuse their role; no rule refuses an administrator', async () => {
    const release = parsePackage({ id: 9, name: 'protected-release', version: '1.0.0', package_type: 'generic' });
    let asked = 0;
    const isAdminOf = (token: string) => () => (asked++, new InstanceFacts(() => fakeClient(fake, token)).adminStanding(fake.url));
    const admin = fakeClient(fake, SAMPLE.adminToken);
    const asAdmin = await loadProtection(admin, await admin.getProject(APP), v(fake.version), undefined, isAdminOf(SAMPLE.adminToken));
    assert.deepEqual([asked, asAdmin?.accessLevel, asAdmin?.admin], [1, 40, 'unsure'], 'a Maintainer, and an administrator (no admin_mode scope)');
    assert.equal(ruleStanding(asAdmin, release).refusal, undefined);
    asked = 0;
    const owner = await loadProtection(client(), await client().getProject(APP), v(fake.version), undefined, isAdminOf(SAMPLE.apiToken));
    assert.deepEqual([asked, owner?.admin], [1, undefined]);
    assert.match(word(ruleStanding(owner, release).refusal!), /only admin\+ may delete it/);
    fake.protectionRulesOf(APP).find((r) => r.packageNamePattern === 'protected-*')!.minimumAccessLevelForDelete = 'owner';
    asked = 0;
    await loadProtection(client(), await client().getProject(APP), v(fake.version), undefined, isAdminOf(SAMPLE.apiToken));
    assert.equal(asked, 0, 'no rule refuses an owner: not asked');
  });

  it("with `packages_protected_packages_delete` off (GitLab's default): no delete level is kept or shown, a delete-only rule is a 422, no delete is refused", async () => {
    fake.deleteProtectionFlag = false;
    const c = client();
    assert.deepEqual(
      (await c.protectionRules(APP)).map((r) => r.minimumAccessLevelForDelete),
      [undefined, undefined],
      'the levels stored are read back as null',
    );
    const created = await c.createProtectionRule(APP, {
      packageNamePattern: 'acme-*',
      packageType: 'pypi',
      minimumAccessLevelForPush: 'owner',
      minimumAccessLevelForDelete: 'admin',
    });
    assert.equal(created.minimumAccessLevelForDelete, undefined, 'created without it');
    assert.equal(fake.protectionRulesOf(APP).find((r) => r.id === created.id)?.minimumAccessLevelForDelete, null);
    const owned = fake.protectionRulesOf(APP).find((r) => r.packageNamePattern === '@acme/*')!;
    const patched = await c.updateProtectionRule(APP, owned.id, { minimumAccessLevelForDelete: 'admin' });
    assert.equal(patched.minimumAccessLevelForDelete, undefined);
    assert.equal(owned.minimumAccessLevelForDelete, 'owner', 'a PATCH keeps the old value');
    await assert.rejects(
      c.createProtectionRule(APP, { packageNamePattern: 'z-*', packageType: 'npm', minimumAccessLevelForPush: null, minimumAccessLevelForDelete: 'owner' }),
      (e) => e instanceof BadRequestError && e.status === 422 && /at least a minimum access role for push or delete/.test(e.serverMessage ?? ''),
    );
    await assert.rejects(
      c.createProtectionRule(APP, { packageNamePattern: 'z-*', packageType: 'npm', minimumAccessLevelForPush: 'owner', minimumAccessLevelForDelete: 'boss' }),
      (e) => e instanceof BadRequestError && e.status === 400,
      'the level is still validated',
    );
    const release = fake.packagesOf(APP).find((p) => p.name === 'protected-release')!;
    await c.deletePackage(APP, release.id);
    assert.equal(fake.getPackage(release.id)?.status, 'pending_destruction');
  });

  it('an administrator: GET /user says is_admin (others get no such field); no rule refuses their delete', async () => {
    const admin = fakeClient(fake, SAMPLE.adminToken);
    const me = await fetch(`${fake.url}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': SAMPLE.adminToken } }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    assert.equal(me.is_admin, true);
    const other = await fetch(`${fake.url}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': SAMPLE.apiToken } }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    assert.ok(!('is_admin' in other));
    const release = fake.packagesOf(APP).find((p) => p.name === 'protected-release')!;
    await assert.rejects(client().deletePackage(APP, release.id), (e) => e instanceof ForbiddenError && e.reason === 'protected', 'an owner is refused');
    await admin.deletePackage(APP, release.id);
    assert.equal(fake.getPackage(release.id)?.status, 'pending_destruction');
  });
});
