/**
 * The storefront clone's package-lock.json, as npm 10 writes it against the demo registry: the
 * `@lumen/*` packages resolved through the project's npm endpoint with the SHA-1 GitLab's metadata
 * gives (`sha1-…`), the rest from registry.npmjs.org. It pins the first build of
 * @lumen/ui-kit 3.4.1, which the demo registry has since deleted and published again: the lockfile
 * checks show that entry as changed, the others as weak (GitLab gives npm clients only a SHA-1).
 */
import { createHash } from 'node:crypto';
import { npmTarball } from '../fake-gitlab/artefacts';
import { DEMO } from '../fake-gitlab/demoSeed';
import type { FakeGitLab } from '../fake-gitlab/server';

const LUMEN: [string, string][] = [
  ['@lumen/api-client', '1.9.0'],
  ['@lumen/design-tokens', '2.1.0'],
  ['@lumen/ui-kit', '3.4.1'],
];
/** npmjs packages: counted by the checks, never asked about. */
const NPMJS: [string, string, boolean][] = [
  ['js-tokens', '4.0.0', false],
  ['loose-envify', '1.4.0', false],
  ['react', '18.3.1', false],
  ['react-dom', '18.3.1', false],
  ['scheduler', '0.23.2', false],
  ['typescript', '5.6.3', true],
  ['vite', '5.4.10', true],
  ['vitest', '2.1.4', true],
];

export function storefrontLockfile(fake: FakeGitLab, manifest: { name: string; version: string; dependencies: object; devDependencies: object }): string {
  const project = DEMO.projects.storefront.id;
  const live = fake.packagesOf(project);
  const packages: Record<string, object> = {
    '': { name: manifest.name, version: manifest.version, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies },
  };
  for (const [name, version] of LUMEN) {
    // ui-kit 3.4.1: the first build's bytes (npm's default tarball), not the one published again.
    const sha1 =
      name === '@lumen/ui-kit' && version === '3.4.1'
        ? createHash('sha1').update(npmTarball({ name, version })).digest('hex')
        : live.find((p) => p.name === name && p.version === version && p.status === 'default')?.files[0].sha1;
    if (!sha1) throw new Error(`the demo registry has no ${name}@${version}`);
    packages[`node_modules/${name}`] = {
      version,
      resolved: `${fake.url}/api/v4/projects/${project}/packages/npm/${name}/-/${name}-${version}.tgz`,
      integrity: `sha1-${Buffer.from(sha1, 'hex').toString('base64')}`,
      license: 'UNLICENSED',
    };
  }
  for (const [name, version, dev] of NPMJS) {
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: `sha512-${createHash('sha512').update(`${name}@${version}`).digest('base64')}`,
      ...(dev ? { dev: true } : {}),
      license: 'MIT',
    };
  }
  return `${JSON.stringify({ name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
