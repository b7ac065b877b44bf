/**
 * Verify Lockfiles Against GitLab on the Node host, against the fake GitLab with the lockfile seed:
 * a workspace holding lockfiles the real tools wrote (test/fixtures/lockfiles, their GitLab URL
 * replaced by the fake's) gets a report with each lockfile's counts and every entry that is not a
 * match; the registry changing under a lockfile shows after Refresh; a host only a lockfile names
 * is never contacted; Cancel leaves no report; untrusted and empty workspaces are told why.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { wheel } from '../../../fake-gitlab/artefacts';
import { LOCKFILE_SEED, NPM_PUBLISHED, PYPI_UPLOADED, seedLockfiles } from '../../../fake-gitlab/seedLockfiles';
import { FakeGitLab } from '../../../fake-gitlab/server';
import { harnessPerTest, type Harness } from '../../../support/double/harness';
import { useLockfileFake } from '../../../support/lockfileFake';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'lockfiles');
const FIXTURE_ORIGIN = 'https://gitlab.example.com';
const COMMAND = 'gitlabPackages.verifyLockfiles';

describe('Verify Lockfiles Against GitLab', function () {
  this.timeout(30_000);
  const fake = useLockfileFake();
  const t = harnessPerTest();
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'verify-lockfiles-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** A fixture lockfile at `to` in the workspace, its GitLab URLs pointing at `origin`. */
  const place = (fixture: string, to: string, origin = fake().url) => {
    const text = readFileSync(path.join(FIXTURES, fixture), 'utf8').split(FIXTURE_ORIGIN).join(origin);
    mkdirSync(path.dirname(path.join(folder, to)), { recursive: true });
    writeFileSync(path.join(folder, to), text);
  };
  const start = (opts: { isTrusted?: boolean; tokens?: Record<string, string> } = {}) =>
    t.start({ fake: fake(), tokens: { [fake().url]: LOCKFILE_SEED.token, ...opts.tokens }, workspaceFolders: [folder], isTrusted: opts.isTrusted });
  const report = (h: Harness): string => {
    const shown = h.ui.documentsShown.at(-1);
    assert.ok(shown, 'a report was shown');
    return shown.document.getText();
  };
  /** The report's section for one lockfile: its heading's line to the next blank line. */
  const section = (text: string, label: string): string[] => {
    const lines = text.split('\n');
    const at = lines.indexOf(label);
    assert.ok(at >= 0, `a section for ${label} in:\n${text}`);
    const end = lines.indexOf('', at);
    return lines.slice(at + 2, end < 0 ? undefined : end).map((l) => l.trim());
  };
  const lineOf = (fixture: string, needle: string): number =>
    readFileSync(path.join(FIXTURES, fixture), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1;

  it('an npm and a pip lockfile: counts per verdict, each weak entry with its line and why; installed packages’ lockfiles left out', async () => {
    place('npm-10.9.9/package-lock.json', 'web/package-lock.json');
    place('pip-23.2.1/requirements.txt', 'py/requirements.txt');
    place('npm-10.9.9/package-lock.json', 'web/node_modules/@lockco/ui/package-lock.json');
    const h = await start();
    await h.run(COMMAND);
    const text = report(h);
    const npm = section(text, 'web/package-lock.json');
    assert.equal(npm[0], '3 weak · 2 not from a configured GitLab');
    assert.deepEqual(npm.slice(1), [
      `line ${lineOf('npm-10.9.9/package-lock.json', '"node_modules/@labs/cli"')}: @labs/cli@0.3.0  weak: only SHA-1 could be compared (it matches @labs/cli-0.3.0.tgz)`,
      `line ${lineOf('npm-10.9.9/package-lock.json', '"node_modules/@lockco/tokens"')}: @lockco/tokens@2.0.0  weak: only SHA-1 could be compared (it matches @lockco/tokens-2.0.0.tgz)`,
      `line ${lineOf('npm-10.9.9/package-lock.json', '"node_modules/@lockco/ui"')}: @lockco/ui@1.1.0  weak: only SHA-1 could be compared (it matches @lockco/ui-1.1.0.tgz)`,
    ]);
    // pip pins SHA-256 for every file: a match, nothing listed; other-util may come from the other index.
    assert.deepEqual(section(text, 'py/requirements.txt'), ['2 match · 1 not from a configured GitLab']);
    assert.ok(!text.includes('node_modules'), 'no section for an installed package’s lockfile');
    // The other registry's entries were counted, never asked for: every request went to a GitLab package route.
    assert.ok(h.fake.requests.length > 0);
    assert.deepEqual(
      h.fake.requests
        .filter(
          (r) =>
            !/^\/api\/v4\/(projects|groups)\/\d+\/packages(\/\d+\/package_files)?$/.test(r.path) &&
            r.path !== '/api/v4/version' &&
            r.path !== '/api/v4/user' &&
            !r.path.startsWith('/api/v4/personal_access_tokens'),
        )
        .map((r) => r.path),
      [],
    );
  });

  it('a version published again and a wheel uploaded again: "changed" naming the file, its upload time and pipeline, once Refresh forgets the earlier answers', async () => {
    place('npm-10.9.9/package-lock.json', 'package-lock.json');
    place('pip-23.2.1/requirements.txt', 'requirements.txt');
    const h = await start();
    await h.run(COMMAND);
    assert.equal(section(report(h), 'package-lock.json')[0], '3 weak · 2 not from a configured GitLab');

    const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
    fake().npm.republish(LOCKFILE_SEED.projects.web.id, ui.manifest, {
      files: { 'index.js': 'module.exports = "rebuilt";\n' },
      createdAt: '2025-08-01T10:00:00.000Z',
    });
    const core = PYPI_UPLOADED.find((p) => p.dist.name === 'lockco-core' && p.dist.version === '1.1.0')!;
    fake().pypi.reupload(LOCKFILE_SEED.projects.py.id, core.dist, { ...wheel(core.dist), content: Buffer.from('a different wheel') });

    // Before Refresh the answers come from the cache: nothing asked, nothing changed.
    fake().clearRequests();
    await h.run(COMMAND);
    assert.equal(section(report(h), 'package-lock.json')[0], '3 weak · 2 not from a configured GitLab');
    assert.equal(fake().requests.filter((r) => r.path.includes('/packages')).length, 0);

    await h.run('gitlabPackages.refresh');
    await h.run(COMMAND);
    const text = report(h);
    const npm = section(text, 'package-lock.json');
    assert.equal(npm[0], '1 changed · 2 weak · 2 not from a configured GitLab');
    const changed = npm.find((l) => l.includes('@lockco/ui@1.1.0'));
    // Published again after a delete: the earlier upload is gone, and no pipeline published this one.
    assert.equal(
      changed,
      `line ${lineOf('npm-10.9.9/package-lock.json', '"node_modules/@lockco/ui"')}: @lockco/ui@1.1.0  changed: @lockco/ui-1.1.0.tgz (uploaded 2025-08-01 10:00 UTC, no pipeline) in the registry has another SHA-1`,
    );
    const pip = section(text, 'requirements.txt');
    assert.equal(pip[0], '1 changed · 1 match · 1 not from a configured GitLab');
    assert.match(
      pip[1],
      /^line \d+: lockco-core@1\.1\.0 {2}changed: lockco_core-1\.1\.0-py3-none-any\.whl \(uploaded [\d-]+ [\d:]+ UTC, [^)]+\) in the registry is not among the lockfile’s hashes \(SHA-256\)$/,
    );
  });

  it('a host only a lockfile names is never contacted, not even with a token stored for it: its entries are counted as not from a configured GitLab', async () => {
    const other = await FakeGitLab.start({ seed: 'none' });
    try {
      seedLockfiles(other);
      place('npm-10.9.9/package-lock.json', 'package-lock.json', other.url);
      const h = await start({ tokens: { [other.url]: LOCKFILE_SEED.token } });
      await h.run(COMMAND);
      assert.deepEqual(section(report(h), 'package-lock.json'), ['5 not from a configured GitLab']);
      assert.deepEqual(other.requests, []);
    } finally {
      await other.stop();
    }
  });

  it('Cancel during the lookups: no report, no error', async () => {
    place('npm-10.9.9/package-lock.json', 'package-lock.json');
    const h = await start();
    const gate = fake().hold({ method: 'GET', path: /\/packages$/ }, 100);
    const run = h.run(COMMAND);
    await gate.arrived();
    assert.ok(h.ui.cancelProgress(), 'the progress has a Cancel button');
    gate.release();
    await run;
    assert.deepEqual(h.ui.documentsShown, []);
    assert.deepEqual(h.ui.toasts, []);
  });

  it('an untrusted workspace: says it needs trust and reads nothing', async () => {
    place('npm-10.9.9/package-lock.json', 'package-lock.json');
    const h = await start({ isTrusted: false });
    fake().clearRequests();
    await h.run(COMMAND);
    assert.match(h.ui.toasts.at(-1)?.text ?? '', /needs a trusted workspace/);
    assert.deepEqual(h.ui.documentsShown, []);
    assert.equal(fake().requests.filter((r) => r.path.includes('/packages')).length, 0);
  });

  it('no lockfile in the workspace: says so', async () => {
    writeFileSync(path.join(folder, 'package.json'), '{}');
    const h = await start();
    await h.run(COMMAND);
    assert.equal(h.ui.toasts.at(-1)?.text, 'No lockfiles in this workspace.');
    assert.deepEqual(h.ui.documentsShown, []);
  });
});
