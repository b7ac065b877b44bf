/** The fake's PyPI routes answer as GitLab's do (test/fake-gitlab/README.md names the GitLab files). */
import * as assert from 'node:assert/strict';
import { sdist, wheel } from '../../fake-gitlab/artefacts';
import { LOCKFILE_SEED, PYPI_UPLOADED } from '../../fake-gitlab/seedLockfiles';
import { digest, read, readJson, useLockfileFake } from '../../support/lockfileFake';

interface FileJson {
  id: number;
  file_name: string;
  file_md5: string | null;
  file_sha1: string | null;
  file_sha256: string | null;
}

const P = LOCKFILE_SEED.projects;
const G = LOCKFILE_SEED.group;
const auth = { 'PRIVATE-TOKEN': LOCKFILE_SEED.token };

/** The anchors of a simple page: [href, data-requires-python, text]. */
function anchors(html: string): [string, string, string][] {
  return [...html.matchAll(/<a href="([^"]*)" data-requires-python="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
}

describe('fake GitLab: PyPI routes', () => {
  const fake = useLockfileFake();

  it("a project's package page links each file as …/pypi/files/<sha256>/<file>#sha256=<sha256>, with the project's id however it was named", async () => {
    const page = await read(fake(), `/api/v4/projects/${encodeURIComponent(P.py.path)}/packages/pypi/simple/lockco-core/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(page.text, /^<!DOCTYPE html>\n {8}<html>\n {10}<head>\n {12}<title>Links for lockco-core<\/title>/);
    const links = anchors(page.text);
    assert.deepEqual(
      links.map(([, , text]) => text),
      ['lockco_core-1.0.0-py3-none-any.whl', 'lockco_core-1.0.0.tar.gz', 'lockco_core-1.1.0-py3-none-any.whl', 'lockco_core-1.1.0.tar.gz'],
    );
    for (const [href, requiresPython, fileName] of links) {
      const m = new RegExp(
        `^${fake().url}/api/v4/projects/${P.py.id}/packages/pypi/files/([0-9a-f]{64})/${fileName.replace(/\./g, '\\.')}#sha256=([0-9a-f]{64})$`,
      ).exec(href);
      assert.ok(m, href);
      assert.equal(m[1], m[2]);
      assert.equal(requiresPython, '&gt;=3.8');
      const file = await read(fake(), href.split('#')[0]);
      assert.equal(file.status, 200);
      assert.equal(digest('sha256', file.bytes), m[1], fileName);
    }
  });

  it("the project's index links one package page per version, by the normalized name", async () => {
    const index = await read(fake(), `/api/v4/projects/${P.py.id}/packages/pypi/simple`);
    assert.deepEqual(anchors(index.text), [
      [`${fake().url}/api/v4/projects/${P.py.id}/packages/pypi/simple/lockco-core`, '&gt;=3.8', 'lockco-core'],
      [`${fake().url}/api/v4/projects/${P.py.id}/packages/pypi/simple/lockco-core`, '&gt;=3.8', 'lockco-core'],
    ]);
  });

  it("a group's index covers its subgroups' projects, and its links name the group, not the project", async () => {
    const page = await read(fake(), `/api/v4/groups/${G.id}/-/packages/pypi/simple/lockco-data/`);
    const [[href, , text]] = anchors(page.text);
    assert.equal(text, 'lockco_data-0.2.0-py3-none-any.whl');
    assert.match(href, new RegExp(`^${fake().url}/api/v4/groups/${G.id}/-/packages/pypi/files/[0-9a-f]{64}/lockco_data-0\\.2\\.0-py3-none-any\\.whl#sha256=`));
    assert.equal((await read(fake(), href.split('#')[0])).status, 200);
    // The title keeps the name as uploaded; the name asked is only lower-cased, not normalized (`with_normalized_pypi_name`).
    assert.match(page.text, /<title>Links for lockco_data<\/title>/);
    assert.equal((await read(fake(), `/api/v4/groups/${G.path}/-/packages/pypi/simple/LOCKCO-DATA/`)).status, 200);
    assert.equal((await read(fake(), `/api/v4/groups/${G.id}/-/packages/pypi/simple/lockco_data/`)).status, 302);
  });

  it('the Packages API lists a PyPI file with the SHA-256 and MD5 twine sent, and no SHA-1', async () => {
    const [pkg] = await readJson<{ id: number }[]>(fake(), `/api/v4/projects/${P.py.id}/packages?package_name=lockco-core&package_version=1.1.0`, auth);
    const files = await readJson<FileJson[]>(fake(), `/api/v4/projects/${P.py.id}/packages/${pkg.id}/package_files`, auth);
    const dist = PYPI_UPLOADED[1].dist;
    assert.deepEqual(
      files.map((f) => [f.file_name, f.file_sha256, f.file_md5, f.file_sha1]),
      [wheel(dist), sdist(dist)].map((f) => [f.fileName, digest('sha256', f.content), digest('md5', f.content), null]),
    );
  });

  it('what the index does not hold is forwarded to PyPI while forwarding is on, a 404 once it is off', async () => {
    const forwarded = await read(fake(), `/api/v4/projects/${P.py.id}/packages/pypi/simple/requests/`);
    assert.equal(forwarded.status, 302);
    assert.equal(forwarded.headers.get('location'), 'https://pypi.org/simple/requests/');
    fake().pypi.forwarding = false;
    assert.equal((await read(fake(), `/api/v4/projects/${P.py.id}/packages/pypi/simple/requests/`)).status, 404);
  });

  it('a private project asks pip to sign in with a Basic challenge and takes a token as the Basic password', async () => {
    fake().addProject({ id: P.py.id, pathWithNamespace: P.py.path, visibility: 'private', members: { [LOCKFILE_SEED.userId]: 20 } });
    const url = `/api/v4/projects/${P.py.id}/packages/pypi/simple/lockco-core/`;
    const anonymous = await read(fake(), url);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Basic realm="GitLab Packages Registry"');
    const basic = (password: string): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(`__token__:${password}`).toString('base64')}` });
    assert.equal((await read(fake(), url, basic(LOCKFILE_SEED.token))).status, 200);
    assert.equal((await read(fake(), url, basic('not-a-token'))).status, 401);
  });

  it('GitLab refuses a file name the version holds already', () => {
    const dist = PYPI_UPLOADED[0].dist;
    assert.throws(() => fake().pypi.upload(P.py.id, dist, wheel(dist)), /File name has already been taken/);
  });

  it('a file uploaded again with other bytes (after a delete): the page links the new SHA-256; the old URL still finds the package and serves the new bytes', async () => {
    const dist = PYPI_UPLOADED[1].dist;
    const old = wheel(dist);
    const oldSha = digest('sha256', old.content);
    const rebuilt = { fileName: old.fileName, content: Buffer.concat([old.content, Buffer.from('rebuilt')]) };
    fake().pypi.reupload(P.py.id, dist, rebuilt);

    const page = await read(fake(), `/api/v4/projects/${P.py.id}/packages/pypi/simple/lockco-core/`);
    const newSha = digest('sha256', rebuilt.content);
    const hrefs = anchors(page.text).map(([href]) => href);
    assert.ok(hrefs.some((h) => h.endsWith(`/${newSha}/${old.fileName}#sha256=${newSha}`)));
    assert.ok(!hrefs.some((h) => h.includes(oldSha)));
    const stale = await read(fake(), `/api/v4/projects/${P.py.id}/packages/pypi/files/${oldSha}/${old.fileName}`);
    assert.equal(stale.status, 200);
    assert.equal(digest('sha256', stale.bytes), newSha);
    const [pkg] = await readJson<{ id: number }[]>(fake(), `/api/v4/projects/${P.py.id}/packages?package_name=lockco-core&package_version=1.1.0`, auth);
    const files = await readJson<FileJson[]>(fake(), `/api/v4/projects/${P.py.id}/packages/${pkg.id}/package_files`, auth);
    assert.deepEqual(
      files.filter((f) => f.file_name === old.fileName).map((f) => f.file_sha256),
      [newSha],
    );
  });
});
