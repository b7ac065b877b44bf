/** The fake's npm routes answer as GitLab's do (test/fake-gitlab/README.md names the GitLab files). */
import * as assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { LOCKFILE_SEED } from '../../fake-gitlab/seedLockfiles';
import { SAMPLE } from '../../fake-gitlab/seed';
import { digest, read, readJson, useLockfileFake } from '../../support/lockfileFake';

interface NpmDocument {
  name: string;
  versions: Record<string, { name: string; version: string; dist: Record<string, string>; dependencies?: Record<string, string> }>;
  'dist-tags': Record<string, string>;
}

interface FileJson {
  id: number;
  file_name: string;
  file_md5: string | null;
  file_sha1: string | null;
  file_sha256: string | null;
}

const P = LOCKFILE_SEED.projects;
const auth = { 'PRIVATE-TOKEN': LOCKFILE_SEED.token };

describe('fake GitLab: npm routes', () => {
  const fake = useLockfileFake();

  it("sends the package document as GitLab does: dist is shasum and tarball only, the tarball URL names the owning project and the file's full name", async () => {
    const doc = await readJson<NpmDocument>(fake(), `/api/v4/projects/${encodeURIComponent(P.web.path)}/packages/npm/@lockco%2fui`);
    assert.deepEqual(Object.keys(doc), ['name', 'versions', 'dist-tags']);
    assert.deepEqual(Object.keys(doc.versions), ['1.0.0', '1.1.0']);
    const v = doc.versions['1.1.0'];
    assert.deepEqual(Object.keys(v.dist), ['shasum', 'tarball']);
    assert.equal(v.dist.tarball, `${fake().url}/api/v4/projects/${P.web.id}/packages/npm/@lockco/ui/-/@lockco/ui-1.1.0.tgz`);
    assert.deepEqual(v.dependencies, { '@lockco/tokens': '^2.0.0', 'tiny-other': '^1.0.0' });
    const tarball = await read(fake(), v.dist.tarball);
    assert.equal(tarball.status, 200);
    assert.equal(digest('sha1', tarball.bytes), v.dist.shasum);
    assert.match(gunzipSync(tarball.bytes).toString('latin1'), /^package\/package\.json\0/);
  });

  it('the instance-level endpoint finds the package by its scope (a top-level group) and its tarball URLs still name the project', async () => {
    const doc = await readJson<NpmDocument>(fake(), '/api/v4/packages/npm/@lockco%2Ftokens');
    assert.equal(doc.versions['2.0.0'].dist.tarball, `${fake().url}/api/v4/projects/${P.web.id}/packages/npm/@lockco/tokens/-/@lockco/tokens-2.0.0.tgz`);
    // @labs is no group: only its project's endpoint knows it; the instance forwards the request to the npm registry.
    const labs = await read(fake(), '/api/v4/packages/npm/@labs%2fcli');
    assert.equal(labs.status, 302);
    assert.equal(labs.headers.get('location'), 'https://registry.npmjs.org/@labs/cli');
    assert.equal((await read(fake(), `/api/v4/projects/${P.tools.id}/packages/npm/@labs%2fcli`)).status, 200);
  });

  it('a scoped name must come encoded: an unencoded slash is no package name', async () => {
    assert.equal((await read(fake(), '/api/v4/packages/npm/@lockco/ui')).status, 404);
    assert.equal((await read(fake(), `/api/v4/projects/${P.web.id}/packages/npm/@lockco/ui`)).status, 404);
  });

  it('what GitLab does not hold is forwarded while forwarding is on, a 404 once it is off', async () => {
    const forwarded = await read(fake(), `/api/v4/projects/${P.web.id}/packages/npm/left-pad`);
    assert.equal(forwarded.status, 302);
    assert.equal(forwarded.headers.get('location'), 'https://registry.npmjs.org/left-pad');
    fake().npm.forwarding = false;
    const missing = await read(fake(), `/api/v4/projects/${P.web.id}/packages/npm/left-pad`);
    assert.equal(missing.status, 404);
    assert.deepEqual(JSON.parse(missing.text), { message: '404 Packages Not Found', error: 'Packages not found' });
  });

  it('the tarball route takes the names encoded too (as the extension sends them) and 404s a file the package lacks', async () => {
    const encoded = await read(fake(), `/api/v4/projects/${P.web.id}/packages/npm/%40lockco%2Fui/-/%40lockco%2Fui-1.0.0.tgz`);
    assert.equal(encoded.status, 200);
    assert.equal((await read(fake(), `/api/v4/projects/${P.web.id}/packages/npm/@lockco/ui/-/@lockco/ui-9.9.9.tgz`)).status, 404);
  });

  it('the Packages API lists an npm file with its SHA-1 only, as GitLab stores what npm publish sent', async () => {
    const [pkg] = await readJson<{ id: number }[]>(fake(), `/api/v4/projects/${P.web.id}/packages?package_name=@lockco/tokens`, auth);
    const [file] = await readJson<FileJson[]>(fake(), `/api/v4/projects/${P.web.id}/packages/${pkg.id}/package_files`, auth);
    const doc = await readJson<NpmDocument>(fake(), '/api/v4/packages/npm/@lockco%2ftokens');
    assert.equal(file.file_name, '@lockco/tokens-2.0.0.tgz');
    assert.equal(file.file_sha1, doc.versions['2.0.0'].dist.shasum);
    assert.equal(file.file_md5, null);
    assert.equal(file.file_sha256, null);
  });

  it('latest is the last version published, not the highest; dist-tags answers alone', async () => {
    fake().npm.publish(P.web.id, { name: '@lockco/ui', version: '1.0.1' });
    const tags = await readJson<Record<string, string>>(fake(), `/api/v4/projects/${P.web.id}/packages/npm/-/package/@lockco%2fui/dist-tags`);
    assert.deepEqual(tags, { latest: '1.0.1' });
    fake().npm.publish(P.web.id, { name: '@lockco/ui', version: '2.0.0-beta.1' }, { tag: 'next' });
    const doc = await readJson<NpmDocument>(fake(), '/api/v4/packages/npm/@lockco%2fui');
    assert.deepEqual(doc['dist-tags'], { latest: '1.0.1', next: '2.0.0-beta.1' });
  });

  it('a private project: an anonymous package manager is asked to sign in for the document, a Bearer token of a member reads, a stranger is told the project does not exist', async () => {
    fake().addUser({ id: SAMPLE.userId, username: 'demo', name: 'Demo' });
    fake().addToken({ value: SAMPLE.apiToken, userId: SAMPLE.userId, scopes: ['read_api'] });
    fake().addProject({ id: SAMPLE.projects.app.id, pathWithNamespace: SAMPLE.projects.app.path, members: { [SAMPLE.userId]: 20 } });
    fake().npm.publish(SAMPLE.projects.app.id, { name: '@acme/ui', version: '1.0.0' });
    const doc = `/api/v4/projects/${SAMPLE.projects.app.id}/packages/npm/@acme%2fui`;
    const anonymous = await read(fake(), doc);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), null);
    // The tarball route does not ask: to an anonymous caller a private project does not exist.
    const tarball = await read(fake(), `/api/v4/projects/${SAMPLE.projects.app.id}/packages/npm/@acme/ui/-/@acme/ui-1.0.0.tgz`);
    assert.equal(tarball.status, 404);
    assert.equal((await read(fake(), doc, { Authorization: `Bearer ${SAMPLE.apiToken}` })).status, 200);
    assert.equal((await read(fake(), doc, { Authorization: `Bearer ${LOCKFILE_SEED.token}` })).status, 404);
    // npm's routes take no Basic credentials (PyPI's do).
    const basic = { Authorization: `Basic ${Buffer.from(`demo:${SAMPLE.apiToken}`).toString('base64')}` };
    assert.equal((await read(fake(), doc, basic)).status, 401);
  });

  it('GitLab refuses to publish a version twice', () => {
    assert.throws(() => fake().npm.publish(P.web.id, { name: '@lockco/tokens', version: '2.0.0' }), /403 Package already exists/);
  });

  it('a version published again with other bytes (after a delete): a new package id, the same tarball URL, another shasum everywhere', async () => {
    const url = `/api/v4/projects/${P.web.id}/packages`;
    const [before] = await readJson<{ id: number }[]>(fake(), `${url}?package_name=@lockco/ui&package_version=1.1.0`, auth);
    const old = await readJson<NpmDocument>(fake(), '/api/v4/packages/npm/@lockco%2fui');
    const manifest = { name: '@lockco/ui', version: '1.1.0', dependencies: { '@lockco/tokens': '^2.0.0' } };
    const again = fake().npm.republish(P.web.id, manifest, { files: { 'index.js': 'module.exports = "rebuilt";\n' } });

    const listed = await readJson<{ id: number }[]>(fake(), `${url}?package_name=@lockco/ui&package_version=1.1.0`, auth);
    assert.deepEqual(
      listed.map((p) => p.id),
      [again.id],
    );
    assert.notEqual(again.id, before.id);
    assert.equal((await read(fake(), `${url}/${before.id}`, auth)).status, 404);
    const [file] = await readJson<FileJson[]>(fake(), `${url}/${again.id}/package_files`, auth);
    const doc = await readJson<NpmDocument>(fake(), '/api/v4/packages/npm/@lockco%2fui');
    const v = doc.versions['1.1.0'];
    assert.equal(v.dist.tarball, old.versions['1.1.0'].dist.tarball);
    assert.notEqual(v.dist.shasum, old.versions['1.1.0'].dist.shasum);
    assert.equal(v.dist.shasum, file.file_sha1);
    assert.equal(digest('sha1', (await read(fake(), v.dist.tarball)).bytes), v.dist.shasum);
  });
});
