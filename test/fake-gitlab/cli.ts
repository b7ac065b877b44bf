/**
 * `npm run fake-gitlab [-- --port N --latency MS --lockfiles]`: the sample registry on its own, until
 * Ctrl+C; `--lockfiles` adds the registry the lockfile fixtures were resolved against.
 */
import { FakeGitLab } from './server';
import { SAMPLE } from './seed';
import { LOCKFILE_SEED, seedLockfiles } from './seedLockfiles';

async function main(): Promise<void> {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const fake = await FakeGitLab.start({ seed: 'sample', port: arg('port'), latencyMs: arg('latency') });
  if (process.argv.includes('--lockfiles')) seedLockfiles(fake);
  console.log(`Fake GitLab listening on ${fake.url}`);
  console.log(`  API:             ${fake.url}/api/v4`);
  console.log(`  token (api):     ${SAMPLE.apiToken}`);
  console.log(`  token (read):    ${SAMPLE.readToken}`);
  console.log(
    `  projects:        ${Object.values(SAMPLE.projects)
      .map((p) => p.path)
      .join(', ')}`,
  );
  if (process.argv.includes('--lockfiles')) {
    console.log(
      `  lockfiles:       group ${LOCKFILE_SEED.group.path}; npm ${fake.url}/api/v4/packages/npm/ (@lockco), PyPI ${fake.url}/api/v4/groups/${LOCKFILE_SEED.group.id}/-/packages/pypi/simple`,
    );
  }
  console.log(`  settings:        "gitlabPackages.instanceUrl": "${fake.url}", "gitlabPackages.projects": ["acme/app", "acme/big", "legacy/old-server"]`);
  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
