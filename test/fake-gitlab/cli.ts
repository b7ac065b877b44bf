/**
 * `npm run fake-gitlab [-- --port N --latency MS]`: the sample registry on its own, until Ctrl+C.
 */
import { FakeGitLab } from './server';
import { SAMPLE } from './seed';

async function main(): Promise<void> {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const fake = await FakeGitLab.start({ seed: 'sample', port: arg('port'), latencyMs: arg('latency') });
  console.log(`Fake GitLab listening on ${fake.url}`);
  console.log(`  API:             ${fake.url}/api/v4`);
  console.log(`  token (api):     ${SAMPLE.apiToken}`);
  console.log(`  token (read):    ${SAMPLE.readToken}`);
  console.log(
    `  projects:        ${Object.values(SAMPLE.projects)
      .map((p) => p.path)
      .join(', ')}`,
  );
  console.log(`  settings:        "gitlabPackages.instanceUrl": "${fake.url}", "gitlabPackages.projects": ["acme/app", "acme/big", "legacy/old-server"]`);
  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
