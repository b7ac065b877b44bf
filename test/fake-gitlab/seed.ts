/**
 * The tests' sample registry: used by the unit and command tests, the end-to-end suite, the
 * benchmarks and the chaos runs. It holds the probes on purpose (Markdown and HTML in a name,
 * an error status, a versionless package, an 11.9-shaped server, a FIPS project, a read-only
 * role, a project the user cannot see); the demo shows demoSeed.ts instead. Dates are fixed;
 * checksums are the real digests of the bytes served.
 */
import { deflateRawSync } from 'node:zlib';
import type { FakeGitLab } from './server';

export const SAMPLE = {
  userId: 1,
  /** api scope, Owner of the acme projects. */
  apiToken: 'demo-api-token-0001',
  /** read_api scope: browses, cannot delete. */
  readToken: 'demo-read-token-0002',
  /** An expired OAuth token (Bearer). */
  expiredToken: 'demo-expired-oauth-0003',
  /** api scope of an instance administrator who is a Maintainer of acme/app. */
  adminToken: 'demo-admin-token-0004',
  /** The administrator's token with the `admin_mode` scope too (Admin Mode where the instance enables it). */
  adminModeToken: 'demo-admin-mode-token-0005',
  adminId: 3,
  projects: {
    app: { id: 101, path: 'acme/app' },
    big: { id: 102, path: 'acme/big' },
    legacy: { id: 103, path: 'legacy/old-server' },
    fips: { id: 104, path: 'acme/fips' },
    readonly: { id: 105, path: 'acme/readonly' },
    hidden: { id: 106, path: 'secret/hidden' },
  },
  groupId: 200,
} as const;

const day = (n: number, hour = 10): string => new Date(Date.UTC(2025, 2, 1 + n, hour, 15, 0)).toISOString();

/** Bytes that look like a small jar: a zip local header and deflated class data. */
function jarBytes(): Buffer {
  const payload = deflateRawSync(Buffer.from('public class App { public static void main(String[] a) { System.out.println("hi"); } }\n'));
  return Buffer.concat([Buffer.from('PK\u0003\u0004', 'binary'), Buffer.alloc(26), Buffer.from('com/mycompany/app/App.class'), payload]);
}

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.mycompany</groupId>
  <artifactId>my-app</artifactId>
  <version>1.0-SNAPSHOT</version>
  <packaging>jar</packaging>
</project>
`;

const METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<metadata modelVersion="1.1.0">
  <groupId>com.mycompany</groupId>
  <artifactId>my-app</artifactId>
  <version>1.0-SNAPSHOT</version>
  <versioning>
    <snapshot><timestamp>20180724.120000</timestamp><buildNumber>1</buildNumber></snapshot>
    <lastUpdated>20180724120000</lastUpdated>
  </versioning>
</metadata>
`;

const pipeline = (id: number, ref: string, status = 'success') => ({
  id,
  ref,
  sha: `${id}`.padStart(8, 'a') + 'f00dcafe',
  status,
  user: { name: 'Demo User', username: 'demo' },
});

export function seedSample(fake: FakeGitLab): void {
  const uid = SAMPLE.userId;
  fake.addUser({ id: uid, username: 'demo', name: 'Demo User' });
  fake.addUser({ id: 2, username: 'other', name: 'Other Person' });
  fake.addToken({ value: SAMPLE.apiToken, userId: uid, scopes: ['api'], name: 'demo api', expiresAt: '2027-06-30' });
  fake.addToken({ value: SAMPLE.readToken, userId: uid, scopes: ['read_api'], name: 'demo read-only', expiresAt: '2027-06-30' });
  fake.addToken({ value: SAMPLE.expiredToken, userId: uid, scopes: ['api'], kind: 'oauth', expired: true, name: 'oauth' });
  fake.addUser({ id: SAMPLE.adminId, username: 'root', name: 'Administrator', admin: true });
  fake.addToken({ value: SAMPLE.adminToken, userId: SAMPLE.adminId, scopes: ['api'], name: 'admin api', expiresAt: '2027-06-30' });
  fake.addToken({ value: SAMPLE.adminModeToken, userId: SAMPLE.adminId, scopes: ['api', 'admin_mode'], name: 'admin mode', expiresAt: '2027-06-30' });

  const p = SAMPLE.projects;
  fake.addProject({ id: p.app.id, pathWithNamespace: p.app.path, members: { [uid]: 50, [SAMPLE.adminId]: 40 }, redirectFrom: ['acme/old-app-name'] });
  fake.addProject({ id: p.big.id, pathWithNamespace: p.big.path, members: { [uid]: 40 } });
  fake.addProject({ id: p.legacy.id, pathWithNamespace: p.legacy.path, shape: '11.9', members: { [uid]: 40 } });
  fake.addProject({ id: p.fips.id, pathWithNamespace: p.fips.path, fips: true, members: { [uid]: 40 } });
  fake.addProject({ id: p.readonly.id, pathWithNamespace: p.readonly.path, members: { [uid]: 30 } });
  fake.addProject({ id: p.hidden.id, pathWithNamespace: p.hidden.path, members: { 2: 50 } });
  fake.addGroup({ id: SAMPLE.groupId, fullPath: 'acme', projectIds: [p.app.id, p.big.id, p.fips.id, p.readonly.id] });

  const app = p.app.id;
  fake.addPackage(app, {
    name: 'com/mycompany/my-app',
    version: '1.0-SNAPSHOT',
    packageType: 'maven',
    createdAt: day(0),
    lastDownloadedAt: day(20),
    pipeline: pipeline(9001, 'main'),
    // An earlier build of the same snapshot: `…/pipelines` lists both, newest first.
    pipelines: [pipeline(8950, 'main')],
    files: [
      { fileName: 'my-app-1.0-20180724.120000-1.jar', content: jarBytes(), createdAt: day(0) },
      { fileName: 'my-app-1.0-20180724.120000-1.pom', content: POM, createdAt: day(0) },
      { fileName: 'maven-metadata.xml', content: METADATA, createdAt: day(0) },
    ],
  });
  fake.addPackage(app, {
    name: 'com/mycompany/my-app',
    version: '0.9.0',
    packageType: 'maven',
    createdAt: day(-30),
    files: [{ fileName: 'my-app-0.9.0.jar', content: jarBytes().subarray(0, 60) }],
  });
  fake.addPackage(app, {
    name: '@acme/ui',
    version: '2.3.1',
    packageType: 'npm',
    tags: ['latest'],
    createdAt: day(1),
    pipeline: pipeline(9002, 'v2.3.1'),
    files: [{ fileName: 'ui-2.3.1.tgz', content: deflateRawSync(Buffer.from('{"name":"@acme/ui","version":"2.3.1"}')) }],
  });
  fake.addPackage(app, {
    name: 'acme-tools',
    version: '0.4.0',
    packageType: 'pypi',
    createdAt: day(2),
    files: [
      { fileName: 'acme_tools-0.4.0-py3-none-any.whl', content: 'PK wheel bytes for acme_tools 0.4.0\n' },
      { fileName: 'acme_tools-0.4.0.tar.gz', content: 'sdist bytes for acme_tools 0.4.0\n' },
    ],
  });
  fake.addPackage(app, {
    name: 'Acme.Core',
    version: '3.1.0',
    packageType: 'nuget',
    createdAt: day(3),
    files: [{ fileName: 'acme.core.3.1.0.nupkg', content: 'nupkg bytes\n' }],
  });
  fake.addPackage(app, {
    name: 'release-assets',
    version: '2025.03.05',
    packageType: 'generic',
    createdAt: day(4),
    files: [
      { fileName: 'app-linux-amd64.tar.gz', content: 'linux build\n'.repeat(400) },
      { fileName: 'app-darwin-arm64.tar.gz', content: 'darwin build\n'.repeat(380) },
      { fileName: 'checksums/SHA256SUMS', content: 'see registry\n' },
    ],
  });
  fake.addPackage(app, {
    name: 'acme-chart',
    version: '1.2.0',
    packageType: 'helm',
    createdAt: day(5),
    files: [{ fileName: 'acme-chart-1.2.0.tgz', content: 'chart bytes\n' }],
  });
  // Conan: GitLab stores the bare name and sends the recipe `Hello/0.1@mycompany/stable` as `name` (serialize.ts).
  fake.addPackage(app, {
    name: 'Hello',
    conan: { username: 'mycompany', channel: 'stable' },
    version: '0.1',
    packageType: 'conan',
    createdAt: day(6),
    files: [
      { fileName: 'conanfile.py', content: 'from conans import ConanFile\n' },
      { fileName: 'conanmanifest.txt', content: '1700000000\n' },
    ],
  });
  fake.addPackage(app, { name: 'acme/php-lib', version: '1.0.0', packageType: 'composer', createdAt: day(7), files: [] });
  fake.addPackage(app, {
    name: 'gitlab.example.com/acme/app',
    version: 'v1.4.2',
    packageType: 'golang',
    createdAt: day(8),
    files: [
      { fileName: 'v1.4.2.zip', content: 'go module zip\n' },
      { fileName: 'v1.4.2.mod', content: 'module gitlab.example.com/acme/app\n' },
    ],
  });
  fake.addPackage(app, {
    name: 'acme-network',
    version: '0.2.0',
    packageType: 'terraform_module',
    createdAt: day(9),
    files: [{ fileName: 'acme-network-0.2.0.tgz', content: 'terraform module\n' }],
  });
  fake.addPackage(app, { name: 'broken-upload', version: '0.0.1', packageType: 'npm', status: 'error', createdAt: day(10), files: [] });
  fake.addPackage(app, {
    name: 'protected-release',
    version: '1.0.0',
    packageType: 'generic',
    protected: true,
    createdAt: day(11),
    files: [{ fileName: 'release.bin', content: 'protected\n' }],
  });
  fake.addPackage(app, {
    name: 'nightly-blob',
    version: null,
    packageType: 'generic',
    createdAt: day(12),
    files: [{ fileName: 'blob.bin', content: 'versionless\n' }],
  });
  fake.addPackage(app, {
    name: '**bold** <img src=x onerror=alert(1)> [link](command:foo)',
    version: '6.6.6',
    packageType: 'generic',
    createdAt: day(13),
    files: [{ fileName: '<script>alert(1)</script>.txt', content: 'markup in a name\n' }],
  });

  // Two more versions of the Conan package Hello: each has its own recipe as `name`.
  for (const [version, channel, at] of [
    ['0.2', 'stable', 14],
    ['0.2', 'testing', 15],
  ] as const)
    fake.addPackage(app, {
      name: 'Hello',
      conan: { username: 'mycompany', channel },
      version,
      packageType: 'conan',
      createdAt: day(at),
      files: [{ fileName: 'conanfile.py', content: `from conans import ConanFile  # ${version} ${channel}\n` }],
    });

  // Protection (17.6+; delete levels 17.11+): the owner may delete @acme/* but not protected-*, which needs an administrator.
  // Delete protection is behind a feature flag GitLab ships off; this sample instance has it switched on.
  fake.deleteProtectionFlag = true;
  fake.addProtectionRule({
    projectId: app,
    packageNamePattern: '@acme/*',
    packageType: 'npm',
    minimumAccessLevelForPush: 'maintainer',
    minimumAccessLevelForDelete: 'owner',
  });
  fake.addProtectionRule({
    projectId: app,
    packageNamePattern: 'protected-*',
    packageType: 'generic',
    minimumAccessLevelForPush: 'maintainer',
    minimumAccessLevelForDelete: 'admin',
  });

  for (let i = 0; i < 250; i++) {
    fake.addPackage(p.big.id, {
      name: `service-${String(i % 25).padStart(2, '0')}`,
      version: `1.${Math.floor(i / 25)}.0`,
      packageType: i % 2 ? 'npm' : 'maven',
      createdAt: day(i % 60, i % 24),
      files: [{ fileName: `service-${i}.bin`, content: `build ${i}\n` }],
    });
  }

  fake.addPackage(p.legacy.id, {
    name: 'com/legacy/core',
    version: '2.0.1',
    packageType: 'maven',
    files: [
      { fileName: 'core-2.0.1.jar', content: jarBytes() },
      { fileName: 'core-2.0.1.pom', content: POM.replace('my-app', 'core') },
    ],
  });
  fake.addPackage(p.legacy.id, {
    name: 'legacy-widgets',
    version: '0.9.3',
    packageType: 'npm',
    files: [{ fileName: 'legacy-widgets-0.9.3.tgz', content: 'old npm\n' }],
  });

  fake.addPackage(p.fips.id, {
    name: 'fips-lib',
    version: '1.0.0',
    packageType: 'generic',
    createdAt: day(3),
    files: [{ fileName: 'fips-lib.tar.gz', content: 'fips build\n' }],
  });
  fake.addPackage(p.readonly.id, {
    name: 'team-lib',
    version: '5.0.0',
    packageType: 'npm',
    createdAt: day(4),
    files: [{ fileName: 'team-lib-5.0.0.tgz', content: 'team\n' }],
  });
  fake.addPackage(p.hidden.id, { name: 'secret-lib', version: '1.0.0', packageType: 'npm', createdAt: day(4) });
}
