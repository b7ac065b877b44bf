import { strict as assert } from 'node:assert';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import { hex } from '../../../support/lockfileHashes';

const INDEX = 'https://gitlab.example.com/api/v4/projects/42/packages/pypi/simple';
const FILES = 'https://gitlab.example.com/api/v4/projects/42/packages/pypi/files';
const whl = hex('sha256', 'acme_core-2.0.0-py3-none-any.whl');
const sdist = hex('sha256', 'acme_core-2.0.0.tar.gz');
const certifi = hex('sha256', 'certifi');

/** uv 0.4+ (lock version 1). */
const UV = `version = 1
requires-python = ">=3.11"

[[package]]
name = "acme-core"
version = "2.0.0"
source = { registry = "${INDEX}" }
sdist = { url = "${FILES}/${sdist}/acme_core-2.0.0.tar.gz", hash = "sha256:${sdist}", size = 1234 }
wheels = [
    { url = "${FILES}/${whl}/acme_core-2.0.0-py3-none-any.whl", hash = "sha256:${whl}", size = 987 },
]

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "acme-core" },
]

[[package]]
name = "certifi"
version = "2024.2.2"
source = { registry = "https://pypi.org/simple" }
wheels = [
    { url = "https://files.pythonhosted.org/packages/ba/06/a07f096c/certifi-2024.2.2-py3-none-any.whl", hash = "sha256:${certifi}", size = 163774 },
]

[[package]]
name = "from-git"
version = "1.0.0"
source = { git = "https://github.com/acme/from-git?rev=main#0123456789abcdef0123456789abcdef01234567" }
`;

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('lockfiles: uv.lock', () => {
  it('uv: the sdist and every wheel with its URL; virtual and git sources ignored', () => {
    const r = parseLockfile('uv', UV);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.version, e.line, e.indexes]),
      [
        ['acme-core', '2.0.0', 4, [INDEX]],
        ['certifi', '2024.2.2', lineOf(UV, '[[package]]\nname = "certifi"'), ['https://pypi.org/simple']],
      ],
    );
    assert.equal(r.ignored, 2);
    assert.deepEqual(r.entries[0].files, [
      { url: `${FILES}/${sdist}/acme_core-2.0.0.tar.gz`, fileName: 'acme_core-2.0.0.tar.gz', digests: [{ algorithm: 'sha256', hex: sdist }] },
      { url: `${FILES}/${whl}/acme_core-2.0.0-py3-none-any.whl`, fileName: 'acme_core-2.0.0-py3-none-any.whl', digests: [{ algorithm: 'sha256', hex: whl }] },
    ]);
  });

  it('reports TOML errors with their line', () => {
    const r = parseLockfile('uv', 'version = 1\n[[package]]\nname = \n');
    assert.deepEqual(
      r.problems.map((p) => [p.kind, p.line]),
      [['syntax', 3]],
    );
  });
});
