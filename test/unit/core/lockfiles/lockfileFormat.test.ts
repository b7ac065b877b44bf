import { strict as assert } from 'node:assert';
import { lockfileFormat } from '../../../../src/core/lockfiles/lockfileFormat';

describe('lockfiles: which file is which', () => {
  it('by base name in any folder', () => {
    assert.equal(lockfileFormat('/w/app/package-lock.json'), 'package-lock');
    assert.equal(lockfileFormat('C:\\w\\npm-shrinkwrap.json'), 'npm-shrinkwrap');
    assert.equal(lockfileFormat('yarn.lock'), 'yarn-v1');
    assert.equal(lockfileFormat('a/pnpm-lock.yaml'), 'pnpm');
    assert.equal(lockfileFormat('a/poetry.lock'), 'poetry');
    assert.equal(lockfileFormat('a/uv.lock'), 'uv');
    assert.equal(lockfileFormat('a/requirements.txt'), 'requirements');
    assert.equal(lockfileFormat('a/requirements-dev.txt'), 'requirements');
  });

  it('nothing else', () => {
    for (const p of ['package.json', 'requirements.in', 'requirements.txt.bak', 'my-requirements.txt', 'pnpm-lock.yml', 'Cargo.lock'])
      assert.equal(lockfileFormat(p), undefined, p);
  });
});
