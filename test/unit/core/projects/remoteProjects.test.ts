import { strict as assert } from 'node:assert';
import { projectFromRemote } from '../../../../src/core/projects/remoteProjects';

const instances = ['https://gitlab.com', 'https://git.example.com/gitlab', 'http://127.0.0.1:8929'];

describe('projects from git remotes', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['https://gitlab.com/acme/app.git', 'https://gitlab.com', 'acme/app'],
    ['https://gitlab.com/acme/sub/app', 'https://gitlab.com', 'acme/sub/app'],
    ['https://oauth2:secret@gitlab.com/acme/app.git', 'https://gitlab.com', 'acme/app'],
    ['git@gitlab.com:acme/app.git', 'https://gitlab.com', 'acme/app'],
    ['gitlab.com:acme/app.git', 'https://gitlab.com', 'acme/app'],
    ['ssh://git@gitlab.com/acme/sub/app.git', 'https://gitlab.com', 'acme/sub/app'],
    ['ssh://git@git.example.com:2222/group/proj.git', 'https://git.example.com/gitlab', 'group/proj'],
    ['git@git.example.com:group/proj.git', 'https://git.example.com/gitlab', 'group/proj'],
    ['https://git.example.com/gitlab/group/proj.git', 'https://git.example.com/gitlab', 'group/proj'],
    ['https://git.example.com/other/group/proj.git', undefined, undefined],
    ['http://127.0.0.1:8929/acme/app.git', 'http://127.0.0.1:8929', 'acme/app'],
    ['http://127.0.0.1:9999/acme/app.git', undefined, undefined],
    ['https://github.com/acme/app.git', undefined, undefined],
    ['git@github.com:acme/app.git', undefined, undefined],
    ['https://gitlab.com/just-one-segment.git', undefined, undefined],
    ['/home/me/repos/app', undefined, undefined],
    ['file:///srv/git/app.git', undefined, undefined],
  ];
  for (const [remote, instance, key] of cases) {
    it(`${remote} → ${key ?? 'not ours'}`, () => {
      const ref = projectFromRemote(remote, instances);
      assert.equal(ref?.instanceUrl, instance);
      assert.equal(ref?.key, key);
    });
  }

  it('never keeps credentials from the remote URL', () => {
    const ref = projectFromRemote('https://oauth2:secret@gitlab.com/acme/app.git', instances);
    assert.ok(ref && !JSON.stringify({ ...ref, entry: undefined }).includes('secret'));
  });
});
