/**
 * The demo registry: what `npm run demo`, `npm run fake-gitlab` and `npm run screenshots` show.
 * A team's GitLab as it looks on a working day: a web app publishing npm packages and a Helm
 * chart, a Java service with Maven releases and a snapshot, a Python library, an edge agent's
 * release bucket and Conan SDK, a .NET SDK, two protection rules. Dates count back from today, so
 * "3 days ago" stays true; contents are repeatable. Probes (markup in names, hostile and huge
 * names, odd statuses, old servers) belong to the tests' sample registry (seed.ts), not here.
 */
import { createHash } from 'node:crypto';
import { binary, conanfile, pom, sha256sums, snapshotMetadata } from './demoBytes';
import type { FakeGitLab } from './server';
import type { NewPackage, Pipeline } from './store';

export const DEMO = {
  userId: 1,
  user: { username: 'srivera', name: 'Sam Rivera' },
  /** api scope: browses and deletes (Owner of payments-service, Maintainer elsewhere). */
  apiToken: 'demo-api-token',
  /** read_api scope: browses, cannot delete. */
  readToken: 'demo-read-token',
  projects: {
    storefront: { id: 301, path: 'lumen/storefront' },
    payments: { id: 302, path: 'lumen/payments-service' },
    dataPipeline: { id: 303, path: 'lumen/data-pipeline' },
    edgeAgent: { id: 304, path: 'lumen/edge-agent' },
    dotnetSdk: { id: 305, path: 'lumen/dotnet-sdk' },
  },
  groupId: 300,
} as const;

/** The second build of @lumen/ui-kit 3.4.1 (the first is npm's default tarball of the manifest). */
const UI_KIT_REBUILT = { 'index.js': 'export * from "./dist/ui-kit.js";\n' };

const DAY = 86_400_000;
const KB = 1024;
const MB = 1024 * KB;

type File = { fileName: string; content: Buffer | string };

const PEOPLE = [
  { username: 'srivera', name: 'Sam Rivera' },
  { username: 'pnatarajan', name: 'Priya Natarajan' },
  { username: 'jweber', name: 'Jonas Weber' },
  { username: 'mchen', name: 'Mei Chen' },
];

export function seedDemo(fake: FakeGitLab, now = Date.now()): void {
  const today = Math.floor(now / DAY) * DAY;
  /** An ISO time `days` before today, at a working hour. */
  const ago = (days: number, hour = 10, minute = 24): string => new Date(today - days * DAY + hour * 3_600_000 + minute * 60_000).toISOString();
  let nextPipeline = 48_210;
  const pipeline = (ref: string, person: number): Pipeline => {
    const id = (nextPipeline += 37);
    return { id, ref, sha: createHash('sha1').update(String(id)).digest('hex'), status: 'success', user: PEOPLE[person % PEOPLE.length] };
  };

  const p = DEMO.projects;
  fake.addUser({ id: DEMO.userId, ...DEMO.user });
  fake.addToken({ value: DEMO.apiToken, userId: DEMO.userId, scopes: ['api'], name: 'VS Code', expiresAt: ago(-300).slice(0, 10) });
  fake.addToken({ value: DEMO.readToken, userId: DEMO.userId, scopes: ['read_api'], name: 'VS Code (read-only)', expiresAt: ago(-300).slice(0, 10) });
  PEOPLE.slice(1).forEach((person, i) => fake.addUser({ id: 2 + i, ...person }));
  const members = (level: number) => ({ [DEMO.userId]: level, 2: 50, 3: 40, 4: 30 });
  fake.addProject({ id: p.storefront.id, pathWithNamespace: p.storefront.path, members: members(40) });
  fake.addProject({ id: p.payments.id, pathWithNamespace: p.payments.path, members: members(50) });
  fake.addProject({ id: p.dataPipeline.id, pathWithNamespace: p.dataPipeline.path, members: members(40) });
  fake.addProject({ id: p.edgeAgent.id, pathWithNamespace: p.edgeAgent.path, members: members(40) });
  fake.addProject({ id: p.dotnetSdk.id, pathWithNamespace: p.dotnetSdk.path, members: members(40) });
  fake.addGroup({ id: DEMO.groupId, fullPath: 'lumen', projectIds: Object.values(p).map((x) => x.id) });
  fake.deleteProtectionFlag = true;

  /** One version: published by a pipeline `days` ago, downloaded since (unless `downloaded` is null). */
  const publish = (projectId: number, pkg: Omit<NewPackage, 'createdAt'> & { days: number; ref?: string; downloaded?: number | null; by?: number }): void => {
    const { days, ref, downloaded, by, ...rest } = pkg;
    fake.addPackage(projectId, {
      ...rest,
      createdAt: ago(days),
      lastDownloadedAt: downloaded === null ? null : ago(Math.max(0, downloaded ?? Math.floor(days / 3)), 15, 8),
      pipeline: pipeline(ref ?? (pkg.version ? `v${pkg.version}` : 'main'), by ?? days),
    });
  };

  // lumen/storefront: the web app's npm packages (published from tags, as `npm publish` does: one
  // `@lumen/<name>-<version>.tgz` with the client's SHA-1) and its Helm chart. ui-kit 3.4.1 was
  // deleted and published again by a later pipeline: the storefront's package-lock.json pins the
  // first build (DEMO_LOCK_PINS), which the lockfile checks show as changed.
  const npm = (name: string, version: string, days: number, opts: { tag?: string; ref?: string; files?: Record<string, string> } = {}): void => {
    fake.npm.publish(
      p.storefront.id,
      { name, version },
      { createdAt: ago(days), pipeline: pipeline(opts.ref ?? `v${version}`, days), tag: opts.tag, files: opts.files },
    );
  };
  for (const [version, days] of [
    ['3.2.0', 96],
    ['3.3.0', 71],
    ['3.3.1', 58],
    ['3.4.0', 23],
    ['3.4.1', 8],
  ] as const)
    npm('@lumen/ui-kit', version, days);
  fake.npm.republish(
    p.storefront.id,
    { name: '@lumen/ui-kit', version: '3.4.1' },
    { createdAt: ago(6, 16, 2), pipeline: pipeline('main', 2), files: UI_KIT_REBUILT },
  );
  npm('@lumen/ui-kit', '4.0.0-beta.2', 2, { tag: 'next' });
  npm('@lumen/api-client', '1.8.0', 44);
  npm('@lumen/api-client', '1.9.0', 12);
  npm('@lumen/design-tokens', '2.1.0', 63);
  for (const [version, days] of [
    ['0.14.0', 23],
    ['0.15.0', 6],
  ] as const)
    publish(p.storefront.id, {
      name: 'storefront',
      version,
      packageType: 'helm',
      days,
      ref: 'main',
      files: [tgz(`storefront-${version}.tgz`, 11 * KB + days * 13)],
    });
  fake.addProtectionRule({
    projectId: p.storefront.id,
    packageNamePattern: '@lumen/*',
    packageType: 'npm',
    minimumAccessLevelForPush: 'maintainer',
    minimumAccessLevelForDelete: 'owner',
  });

  // lumen/payments-service: Maven releases over half a year, and this week's snapshot.
  const releases: [string, number][] = [
    ['2.0.0', 182],
    ['2.1.0', 160],
    ['2.1.1', 151],
    ['2.2.0', 128],
    ['2.3.0', 104],
    ['2.4.0', 77],
    ['2.5.0', 52],
    ['2.5.1', 45],
    ['2.6.0', 27],
    ['2.7.0', 9],
  ];
  releases.forEach(([version, days], i) => {
    // The client library was split out at 2.5.1.
    for (const artifact of i < 7 ? ['payments-api'] : ['payments-api', 'payments-client']) {
      const jar = (1.42 + i * 0.05) * MB * (artifact === 'payments-client' ? 0.21 : 1);
      publish(p.payments.id, {
        name: `com/lumen/payments/${artifact}`,
        version,
        packageType: 'maven',
        days,
        by: i + (artifact === 'payments-client' ? 1 : 0),
        files: [
          { fileName: `${artifact}-${version}.jar`, content: binary(`${artifact}-${version}.jar`, Math.round(jar)) },
          { fileName: `${artifact}-${version}-sources.jar`, content: binary(`${artifact}-${version}-sources.jar`, Math.round(jar * 0.23)) },
          { fileName: `${artifact}-${version}.pom`, content: pom('com.lumen.payments', artifact, version, 'Payment orchestration API for Lumen services') },
        ],
      });
    }
  });
  const stamp = ago(1, 8, 41).replace(/[-:]/g, '').replace('T', '.').slice(0, 15);
  publish(p.payments.id, {
    name: 'com/lumen/payments/payments-api',
    version: '2.8.0-SNAPSHOT',
    packageType: 'maven',
    days: 1,
    ref: 'main',
    downloaded: 0,
    files: [
      { fileName: `payments-api-2.8.0-${stamp}-3.jar`, content: binary('payments-api-2.8.0-SNAPSHOT.jar', Math.round(1.93 * MB)) },
      {
        fileName: `payments-api-2.8.0-${stamp}-3.pom`,
        content: pom('com.lumen.payments', 'payments-api', '2.8.0-SNAPSHOT', 'Payment orchestration API for Lumen services'),
      },
      { fileName: 'maven-metadata.xml', content: snapshotMetadata('com.lumen.payments', 'payments-api', '2.8.0-SNAPSHOT', stamp, 3) },
    ],
  });

  // lumen/data-pipeline: a Python library, a wheel and an sdist per release.
  for (const [version, days] of [
    ['1.0.0', 140],
    ['1.1.0', 98],
    ['1.2.0', 61],
    ['1.2.1', 40],
    ['1.3.0', 4],
  ] as const)
    publish(p.dataPipeline.id, {
      name: 'lumen-dataflow',
      version,
      packageType: 'pypi',
      days,
      files: [
        { fileName: `lumen_dataflow-${version}-py3-none-any.whl`, content: binary(`lumen_dataflow-${version}.whl`, 84 * KB + days * 97) },
        tgz(`lumen_dataflow-${version}.tar.gz`, 61 * KB + days * 71),
      ],
    });
  publish(p.dataPipeline.id, { name: 'lumen-schemas', version: '0.4.2', packageType: 'pypi', days: 33, files: [tgz('lumen_schemas-0.4.2.tar.gz', 18 * KB)] });

  // lumen/edge-agent: a release bucket (binaries per platform, their SHA256SUMS) and the Conan SDK.
  for (const [version, days] of [
    ['1.4.0', 88],
    ['1.5.0', 37],
    ['1.5.1', 15],
  ] as const) {
    const builds: File[] = [
      { fileName: `edge-agent-${version}-linux-amd64.tar.gz`, content: binary(`edge-agent-${version}-linux-amd64.tar.gz`, Math.round(3.1 * MB) + days * 997) },
      { fileName: `edge-agent-${version}-linux-arm64.tar.gz`, content: binary(`edge-agent-${version}-linux-arm64.tar.gz`, Math.round(2.9 * MB) + days * 991) },
      { fileName: `edge-agent-${version}-windows-amd64.zip`, content: binary(`edge-agent-${version}-windows-amd64.zip`, Math.round(3.4 * MB) + days * 983) },
    ];
    const files = builds.map((f) => ({ fileName: f.fileName, content: f.content as Buffer }));
    publish(p.edgeAgent.id, {
      name: 'edge-agent',
      version,
      packageType: 'generic',
      days,
      files: [...files, { fileName: 'SHA256SUMS', content: sha256sums(files) }],
    });
    publish(p.edgeAgent.id, {
      name: 'edge-sdk',
      conan: { username: 'lumen', channel: 'stable' },
      version,
      packageType: 'conan',
      days,
      files: [
        { fileName: 'conanfile.py', content: conanfile('edge-sdk', version) },
        { fileName: 'conanmanifest.txt', content: `${Math.floor((today - days * DAY) / 1000)}\nconanfile.py: 5c3f0e1b9a7d42e8b61f0c2d9e84a7b3\n` },
        tgz('conan_export.tgz', 3 * KB + days),
        tgz('conan_package.tgz', Math.round(1.12 * MB) + days * 311),
      ],
    });
  }
  fake.addProtectionRule({
    projectId: p.edgeAgent.id,
    packageNamePattern: 'edge-agent',
    packageType: 'generic',
    minimumAccessLevelForPush: 'maintainer',
    minimumAccessLevelForDelete: 'admin',
  });

  // lumen/dotnet-sdk: the NuGet client, with symbols.
  for (const [name, version, days] of [
    ['Lumen.Client', '5.1.0', 54],
    ['Lumen.Client', '5.2.0', 11],
    ['Lumen.Client.Abstractions', '5.2.0', 11],
  ] as const) {
    const base = `${name.toLowerCase()}.${version}`;
    publish(p.dotnetSdk.id, {
      name,
      version,
      packageType: 'nuget',
      days,
      files: [
        { fileName: `${base}.nupkg`, content: binary(`${base}.nupkg`, (name.endsWith('Abstractions') ? 38 : 212) * KB + days * 53) },
        { fileName: `${base}.snupkg`, content: binary(`${base}.snupkg`, (name.endsWith('Abstractions') ? 21 : 97) * KB + days * 29) },
      ],
    });
  }
}

function tgz(fileName: string, size: number): File {
  return { fileName, content: binary(fileName, Math.round(size)) };
}
