import { strict as assert } from 'node:assert';
import { environmentToken } from '../../../../src/core/tokens/environmentToken';

/**
 * Which origin GITLAB_PACKAGES_TOKEN goes to. The function is given only the user-level
 * instanceUrl: whatever a workspace or folder sets (trusted or not) never reaches it, which
 * the command tests check through VS Code's settings layers.
 */
describe('the environment token’s origin', () => {
  const token = 'env-token';
  const cases: [string, Record<string, string | undefined>, string | undefined, string | undefined][] = [
    ['no token: none', {}, 'https://user.example', undefined],
    [
      'GITLAB_PACKAGES_URL wins over the user setting',
      { GITLAB_PACKAGES_TOKEN: token, GITLAB_PACKAGES_URL: 'https://env.example:8443/gitlab' },
      'https://user.example',
      'https://env.example:8443',
    ],
    [
      'GITLAB_PACKAGES_URL without a user setting',
      { GITLAB_PACKAGES_TOKEN: token, GITLAB_PACKAGES_URL: 'https://env.example' },
      undefined,
      'https://env.example',
    ],
    ['else the user-level instanceUrl', { GITLAB_PACKAGES_TOKEN: token }, 'https://user.example/gitlab', 'https://user.example'],
    ['else gitlab.com', { GITLAB_PACKAGES_TOKEN: token }, undefined, 'https://gitlab.com'],
    [
      'a bad GITLAB_PACKAGES_URL sends it nowhere (not to the user setting)',
      { GITLAB_PACKAGES_TOKEN: token, GITLAB_PACKAGES_URL: 'not a url' },
      'https://user.example',
      undefined,
    ],
    ['a blank token is no token', { GITLAB_PACKAGES_TOKEN: '  ' }, 'https://user.example', undefined],
  ];
  for (const [name, env, userUrl, origin] of cases) {
    it(name, () => assert.equal(environmentToken(env, userUrl)?.origin, origin));
  }

  it('says where the origin came from (for the log), never the token', () => {
    const t = environmentToken({ GITLAB_PACKAGES_TOKEN: token, GITLAB_PACKAGES_URL: 'https://env.example' }, undefined);
    assert.equal(t?.from, 'GITLAB_PACKAGES_URL');
    assert.equal(environmentToken({ GITLAB_PACKAGES_TOKEN: token }, 'https://user.example')?.from, 'user settings');
    assert.equal(environmentToken({ GITLAB_PACKAGES_TOKEN: token }, undefined)?.from, 'default');
  });
});
