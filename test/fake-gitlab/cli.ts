/**
 * `npm run fake-gitlab [-- --port N --latency MS --seed demo|sample --lockfiles]`: a registry on its own, until
 * Ctrl+C. `demo` (the default) is the team registry the demo shows; `sample` is the tests' one,
 * probes included. `--lockfiles` adds the registry the lockfile fixtures were resolved against.
 */
import { FakeGitLab } from './server';
import { DEMO } from './demoSeed';
import { SAMPLE } from './seed';
import { LOCKFILE_SEED, seedLockfiles } from './seedLockfiles';

async function main(): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const number = (name: string): number | undefined => (arg(name) === undefined ? undefined : Number(arg(name)));
  const seed = arg('seed') === 'sample' ? 'sample' : 'demo';
  const registry: { apiToken: string; readToken: string; projects: Record<string, { path: string }> } = seed === 'sample' ? SAMPLE : DEMO;
  const fake = await FakeGitLab.start({ seed, port: number('port'), latencyMs: number('latency') });
  if (process.argv.includes('--lockfiles')) seedLockfiles(fake);
  const projects = Object.values(registry.projects).map((p) => p.path);
  console.log(`Fake GitLab (${seed} registry) listening on ${fake.url}`);
  console.log(`  API:             ${fake.url}/api/v4`);
  console.log(`  token (api):     ${registry.apiToken}`);
  console.log(`  token (read):    ${registry.readToken}`);
  console.log(`  projects:        ${projects.join(', ')}`);
  if (process.argv.includes('--lockfiles')) {
    console.log(
      `  lockfiles:       group ${LOCKFILE_SEED.group.path}; npm ${fake.url}/api/v4/packages/npm/ (@lockco), PyPI ${fake.url}/api/v4/groups/${LOCKFILE_SEED.group.id}/-/packages/pypi/simple`,
    );
  }
  console.log(`  settings:        "gitlabPackages.instanceUrl": "${fake.url}", "gitlabPackages.projects": ${JSON.stringify(projects)}`);
  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
