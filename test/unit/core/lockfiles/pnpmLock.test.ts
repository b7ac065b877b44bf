import { strict as assert } from 'node:assert';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import { splitKey } from '../../../../src/core/lockfiles/pnpmLock';
import { hex, sri } from '../../../support/lockfileHashes';

const TARBALL = 'https://gitlab.example.com/api/v4/projects/42/packages/npm/@acme/widgets/-/@acme/widgets-1.2.3.tgz';
const W = sri('sha1', 'widgets');
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const R = sri('sha512', 'react-dom');

/** pnpm 9. */
const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@acme/widgets':
        specifier: ^1.2.0
        version: 1.2.3
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)

packages:

  '@acme/widgets@1.2.3':
    resolution: {integrity: ${W}, tarball: ${TARBALL}}

  react-dom@18.2.0:
    resolution: {integrity: ${R}}
    peerDependencies:
      react: ^18.2.0

  from-git@https://codeload.github.com/acme/from-git/tar.gz/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/acme/from-git/tar.gz/0123456789abcdef0123456789abcdef01234567}
    version: 1.0.0

  git-dep@git+https://github.com/acme/git-dep.git#0123456789abcdef0123456789abcdef01234567:
    resolution: {commit: 0123456789abcdef0123456789abcdef01234567, repo: https://github.com/acme/git-dep.git, type: git}
    version: 0.1.0

snapshots:

  '@acme/widgets@1.2.3': {}

  react-dom@18.2.0(react@18.2.0):
    dependencies:
      react: 18.2.0
`;

/** pnpm 8. */
const V6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  '@acme/widgets':
    specifier: ^1.2.0
    version: 1.2.3

packages:

  /@acme/widgets@1.2.3:
    resolution: {integrity: ${W}, tarball: ${TARBALL}}
    dev: false

  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: ${R}}
    peerDependencies:
      react: ^18.2.0
    dev: false
`;

/** pnpm 7. */
const V5 = `lockfileVersion: 5.4

specifiers:
  '@acme/widgets': ^1.2.0

dependencies:
  '@acme/widgets': 1.2.3

packages:

  /@acme/widgets/1.2.3:
    resolution: {integrity: ${W}, tarball: ${TARBALL}}
    dev: false

  /react-dom/18.2.0_react@18.2.0:
    resolution: {integrity: ${R}}
    dev: false
`;

describe('lockfiles: pnpm-lock.yaml', () => {
  it('9.0: `packages` entries with their lines; git resolutions ignored', () => {
    const r = parseLockfile('pnpm', V9);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.version, e.line]),
      [
        ['@acme/widgets', '1.2.3', lineOf(V9, "  '@acme/widgets@1.2.3':\n    resolution")],
        ['react-dom', '18.2.0', lineOf(V9, '  react-dom@18.2.0:')],
        ['from-git', '1.0.0', lineOf(V9, '  from-git@')],
      ],
    );
    assert.equal(r.ignored, 1);
    assert.deepEqual(r.entries[0].files, [{ url: TARBALL, digests: [{ algorithm: 'sha1', hex: hex('sha1', 'widgets') }] }]);
    assert.deepEqual(r.entries[1].files, [{ url: undefined, digests: [{ algorithm: 'sha512', hex: hex('sha512', 'react-dom') }] }]);
  });

  it('6.0: keys with a leading slash and peer suffixes', () => {
    const r = parseLockfile('pnpm', V6);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.version, e.line, e.files[0].url]),
      [
        ['@acme/widgets', '1.2.3', lineOf(V6, '  /@acme/widgets@1.2.3:'), TARBALL],
        ['react-dom', '18.2.0', lineOf(V6, '  /react-dom@'), undefined],
      ],
    );
  });

  it('5.4: name/version keys with `_peer` suffixes', () => {
    const r = parseLockfile('pnpm', V5);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.version, e.line]),
      [
        ['@acme/widgets', '1.2.3', lineOf(V5, '  /@acme/widgets/1.2.3:')],
        ['react-dom', '18.2.0', lineOf(V5, '  /react-dom/')],
      ],
    );
  });

  it('splits keys of every version', () => {
    assert.deepEqual(splitKey('/@s/a/1.0.0_b@2.0.0', 5), { name: '@s/a', version: '1.0.0' });
    assert.deepEqual(splitKey('/@s/a@1.0.0(b@2.0.0)(c@3.0.0)', 6), { name: '@s/a', version: '1.0.0' });
    assert.deepEqual(splitKey('@s/a@1.0.0', 9), { name: '@s/a', version: '1.0.0' });
    assert.deepEqual(splitKey('a@https://host/a.tgz', 9), { name: 'a', version: undefined });
  });

  it('reports YAML errors with their line and an unknown lockfileVersion', () => {
    const broken = parseLockfile('pnpm', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n");
    assert.equal(broken.problems[0].kind, 'syntax');
    assert.ok(broken.problems[0].line !== undefined && broken.problems[0].line >= 4);
    assert.deepEqual(
      parseLockfile('pnpm', "lockfileVersion: '10.0'\n").problems.map((p) => p.kind),
      ['unsupported'],
    );
  });

  it('reads anchors as plain values and refuses YAML tags (no constructor runs)', () => {
    const anchors = `lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: &r {integrity: ${W}}\n  b@1.0.0:\n    resolution: *r\n`;
    assert.deepEqual(
      parseLockfile('pnpm', anchors).entries.map((e) => [e.name, e.files[0].digests[0].hex]),
      [
        ['a', hex('sha1', 'widgets')],
        ['b', hex('sha1', 'widgets')],
      ],
    );
    const tagged = `lockfileVersion: '9.0'\npackages:\n  c@1.0.0:\n    resolution: {integrity: !!js/function 'x'}\n`;
    assert.deepEqual(
      parseLockfile('pnpm', tagged).problems.map((p) => [p.kind, p.line]),
      [['syntax', 4]],
    );
  });
});
