/**
 * Instance administrators and GitLab's Admin Mode: `GET /user` says `is_admin` to every
 * administrator (lib/api/users.rb), but protection rules are skipped only for one who may
 * administer everything (check_delete_rule_existence_service.rb `can_admin_all_resources?`),
 * which with the instance setting `admin_mode` on needs a token with the `admin_mode` scope
 * (app/policies/base_policy.rb, lib/api/api_guard.rb). And how often `GET /user` is asked.
 */
import { strict as assert } from 'node:assert';
import { InstanceFacts, USER_FAILURE_MS } from '../../../../src/core/instances/instanceFacts';
import { ForbiddenError } from '../../../../src/gitlab/errors';
import { SAMPLE } from '../../../fake-gitlab/seed';
import { fakeClient, useSampleFake } from '../../../support/sampleFake';

describe('administrators and Admin Mode (fake GitLab over loopback)', () => {
  const theFake = useSampleFake(true);
  const APP = SAMPLE.projects.app.id;
  const release = () =>
    theFake()
      .packagesOf(APP)
      .find((p) => p.name === 'protected-release')!;
  const users = () => theFake().requests.filter((r) => r.method === 'GET' && r.path === '/api/v4/user').length;

  it('with admin_mode on, is_admin is still sent, but only a token with the admin_mode scope passes a protection rule', async () => {
    const fake = theFake();
    fake.adminMode = true;
    const me = await fetch(`${fake.url}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': SAMPLE.adminToken } }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    assert.equal(me.is_admin, true, 'lib/api/users.rb: current_user.admin?, whatever Admin Mode');
    await assert.rejects(
      fakeClient(fake, SAMPLE.adminToken).deletePackage(APP, release().id),
      (e) => e instanceof ForbiddenError && e.reason === 'protected',
      'no admin_mode scope: a Maintainer like any other',
    );
    await fakeClient(fake, SAMPLE.adminModeToken).deletePackage(APP, release().id);
    assert.equal(release().status, 'pending_destruction');
  });

  it('with admin_mode off (as GitLab ships it) an administrator passes without the scope', async () => {
    await fakeClient(theFake(), SAMPLE.adminToken).deletePackage(APP, release().id);
    assert.equal(release().status, 'pending_destruction');
  });

  it('adminStanding: exempt with the admin_mode scope, unsure without it, nothing for others', async () => {
    const fake = theFake();
    const standing = (token: string) => new InstanceFacts(() => fakeClient(fake, token)).adminStanding(fake.url);
    assert.equal(await standing(SAMPLE.adminModeToken), 'exempt');
    assert.equal(await standing(SAMPLE.adminToken), 'unsure');
    assert.equal(await standing(SAMPLE.apiToken), undefined);
  });

  it('a failed GET /user is remembered for a while (not asked per project), and forgotten at once on a token change', async () => {
    const fake = theFake();
    let now = 1_000_000;
    const facts = new InstanceFacts(
      () => fakeClient(fake, SAMPLE.adminModeToken),
      () => now,
    );
    fake.fail({ method: 'GET', path: '/api/v4/user' }, { status: 500 }, 3);
    assert.equal(await facts.adminStanding(fake.url), undefined);
    assert.equal(await facts.adminStanding(fake.url), undefined);
    assert.equal(users(), 1, 'asked once, not again on the next project');
    now += USER_FAILURE_MS + 1;
    assert.equal(await facts.adminStanding(fake.url), undefined);
    assert.equal(users(), 2, 'asked again once the minute is over');
    facts.forget();
    assert.equal(await facts.adminStanding(fake.url), undefined);
    assert.equal(users(), 3, 'a token change asks again at once');
    assert.equal(await facts.adminStanding(fake.url), undefined, 'the third failure is remembered too');
    facts.forget();
    assert.equal(await facts.adminStanding(fake.url), 'exempt');
    assert.equal(await facts.adminStanding(fake.url), 'exempt');
    assert.equal(users(), 4, 'an answer is kept');
  });
});
