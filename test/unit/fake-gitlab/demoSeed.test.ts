/**
 * The demo registry is what a newcomer sees first (`npm run demo`, the README's screenshots): a
 * team's registry, read here over HTTP as the extension reads it. Probes belong to the tests'
 * sample registry (seed.ts).
 */
import { strict as assert } from 'node:assert';
import { DEMO, seedDemo } from '../../fake-gitlab/demoSeed';
import { patternMatches } from '../../fake-gitlab/protection';
import { FakeGitLab } from '../../fake-gitlab/server';

interface ApiPackage {
  id: number;
  name: string;
  version: string;
  package_type: string;
  status: string;
}

describe('demo registry', function () {
  // It seeds tens of megabytes of files (sizes as a real registry has them).
  this.timeout(30_000);
  let fake: FakeGitLab;
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${fake.url}/api/v4/${path}`, { headers: { 'PRIVATE-TOKEN': DEMO.apiToken } });
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };
  const packagesOf = (projectId: number) => get<ApiPackage[]>(`projects/${projectId}/packages?per_page=100`);

  before(async () => {
    fake = await FakeGitLab.start({ seed: 'none' });
    seedDemo(fake);
  });
  after(() => fake.stop());

  it('every project lists packages, each with a plain name, a version and a status GitLab shows as usual', async () => {
    for (const project of Object.values(DEMO.projects)) {
      const packages = await packagesOf(project.id);
      assert.ok(packages.length > 0, project.path);
      for (const p of packages) {
        assert.match(p.name, /^[\w@./-]+$/, `${project.path}: ${p.name}`);
        assert.match(p.version, /^\d+\.\d+(\.\d+)?(-[\w.]+)?$/, `${p.name} ${p.version}`);
        assert.equal(p.status, 'default', `${p.name} ${p.version}`);
      }
    }
  });

  it('file names are plain, and files have the sizes of real artefacts (not a few bytes)', async () => {
    const [release] = (await packagesOf(DEMO.projects.payments.id)).filter((p) => p.version === '2.7.0' && p.name.endsWith('payments-api'));
    const files = await get<{ file_name: string; size: number }[]>(`projects/${DEMO.projects.payments.id}/packages/${release.id}/package_files`);
    for (const f of files) assert.match(f.file_name, /^[\w.-]+$/);
    const jar = files.find((f) => f.file_name === 'payments-api-2.7.0.jar');
    assert.ok(jar && jar.size > 1_000_000, `jar of ${jar?.size} bytes`);
  });

  it('protection rules cover packages of the web app and of the release bucket', async () => {
    for (const project of [DEMO.projects.storefront, DEMO.projects.edgeAgent]) {
      const rules = await get<{ package_name_pattern: string; package_type: string }[]>(`projects/${project.id}/packages/protection/rules`);
      const covered = (await packagesOf(project.id)).filter((p) =>
        rules.some((r) => r.package_type === p.package_type && patternMatches(r.package_name_pattern, p.name)),
      );
      assert.ok(covered.length >= 3, `${project.path}: ${covered.length} protected`);
    }
  });

  it("a release's SHA256SUMS lists the SHA-256 GitLab reports for each of its files", async () => {
    const project = DEMO.projects.edgeAgent.id;
    const [release] = (await packagesOf(project)).filter((p) => p.name === 'edge-agent' && p.version === '1.5.1');
    const files = await get<{ file_name: string; file_sha256: string }[]>(`projects/${project}/packages/${release.id}/package_files`);
    const sums = fake
      .getPackage(release.id)
      ?.files.find((f) => f.fileName === 'SHA256SUMS')
      ?.content.toString();
    const expected = files
      .filter((f) => f.file_name !== 'SHA256SUMS')
      .map((f) => `${f.file_sha256}  ${f.file_name}\n`)
      .join('');
    assert.equal(sums, expected);
  });
});
