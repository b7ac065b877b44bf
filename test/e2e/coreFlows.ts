/**
 * The core flows, shared by the Node extension host's suite (flows.e2e.ts) and the web-worker
 * host's (web.e2e.ts): the same steps a person takes, whichever host runs the extension. They
 * share one session each, in order. Requests are matched by method: a browser sends an OPTIONS
 * preflight before each of them.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from '../fake-gitlab/seed';
import type { RecordedRequest } from '../fake-gitlab/server';
import type { Env } from './harness';
import { until } from './until';

const APP_ID = SAMPLE.projects.app.id;
const JAR = 'my-app-1.0-20180724.120000-1.jar';
const SNAPSHOT = 'com/mycompany/my-app 1.0-SNAPSHOT · maven';

export function pkgId(env: Env, name: string, version: string): number {
  const pkg = env.fake.packagesOf(APP_ID).find((p) => p.name === name && p.version === version);
  assert.ok(pkg, `${name} ${version} seeded`);
  return pkg.id;
}

const gets = (env: Env, path: string): RecordedRequest[] => env.fake.requests.filter((r) => r.method === 'GET' && r.path === path);
const deletes = (env: Env): RecordedRequest[] => env.fake.requests.filter((r) => r.method === 'DELETE');
const jarOf = (env: Env) => env.fake.getPackage(pkgId(env, 'com/mycompany/my-app', '1.0-SNAPSHOT'))!.files.find((f) => f.fileName.endsWith('.jar'))!;

export async function showsNoTokenRow({ wb, fake }: Env): Promise<void> {
  await wb.openViewContainer('GitLab Packages');
  await wb.widenSideBar();
  await wb.row('acme/app');
  await wb.expand('acme/app');
  await wb.row(`No access token for 127.0.0.1:${new URL(fake.url).port} — Set Access Token…`);
}

export async function setsToken(env: Env): Promise<void> {
  const { wb, fake } = env;
  fake.clearRequests();
  await wb.runCommand('GitLab Packages: Set Access Token…');
  // The palette's input turns into the extension's password box.
  await wb.page.locator('.quick-input-widget .quick-input-box input[type="password"]').waitFor({ timeout: 10_000 });
  assert.match(await wb.page.locator('.quick-input-widget').innerText(), /GitLab access token for 127\.0\.0\.1/);
  await wb.quickInputType(SAMPLE.apiToken);
  await wb.waitForNotification(/Signed in to 127\.0\.0\.1:\d+ as Demo User \(@demo\)/);
  assert.equal(gets(env, '/api/v4/user')[0]?.auth, 'private-token');
  await wb.row(SNAPSHOT);
}

export async function browsesThreeLevelsAndPages(env: Env): Promise<void> {
  const { wb, fake } = env;
  await wb.expand(SNAPSHOT);
  for (const file of [JAR, 'my-app-1.0-20180724.120000-1.pom', 'maven-metadata.xml']) await wb.row(file);
  // Package tooltips are not sent with the rows (a long list would carry thousands): on hover.
  const tip = await wb.tooltip(SNAPSHOT);
  assert.match(tip, /Version\s+1\.0-SNAPSHOT/);
  assert.match(tip, /Other versions/, 'the single-package endpoint added the other versions');

  fake.clearRequests();
  await wb.expand('acme/big');
  // 250 packages: page 1 at once, pages 2 and 3 in the background.
  const big = '/api/v4/projects/102/packages';
  await until(() => gets(env, big).some((r) => r.query.page === '3' && r.status === 200), { what: 'page 3 of acme/big fetched' });
  assert.deepEqual(
    gets(env, big)
      .map((r) => r.query.page)
      .sort(),
    ['1', '2', '3'],
  );
  // The oldest package is last: once the tree holds all 250 (its rows say so: 251 with the
  // project's "Protection Rules" above them), jump to the end of the tree (focus is on acme/big) and find it.
  await until(() => wb.rows().and(wb.page.locator('[aria-level="2"][aria-setsize="251"]')).count(), { what: 'acme/big listing all 250 packages' });
  await wb.page.keyboard.press('End');
  await wb.row('service-00 1.0.0 · maven');
  await wb.page.keyboard.press('Home');
  await wb.collapse('acme/big');
}

export async function copiesFileChecksum(env: Env): Promise<void> {
  const { wb } = env;
  await wb.writeClipboard('sentinel');
  await wb.contextMenu(JAR, 'Copy Checksum');
  assert.equal(await wb.clipboardAfter('sentinel'), jarOf(env).sha256);
  await wb.statusBarShows(/Copied SHA-256 of my-app-1\.0-20180724\.120000-1\.jar/);
}

export async function copiesChecksumFile(env: Env): Promise<void> {
  const { wb, fake } = env;
  const files = fake.getPackage(pkgId(env, 'com/mycompany/my-app', '1.0-SNAPSHOT'))!.files;
  await wb.writeClipboard('sentinel');
  await wb.contextMenu(SNAPSHOT, 'Copy Checksum');
  const text = await wb.clipboardAfter('sentinel');
  assert.deepEqual(text.trim().split('\n').sort(), files.map((f) => `${f.sha256}  ${f.fileName}`).sort());
}

/**
 * Download File… then Compare with Local File… on what it saved. `choose` answers the dialog:
 * the folder picker on Node, a save dialog where there are no local files (a web worker).
 */
export async function downloadsVerifiedAndCompares(env: Env, choose: () => Promise<void>): Promise<void> {
  const { wb, codeServer } = env;
  const jar = jarOf(env);
  await wb.contextMenu(JAR, 'Download File…');
  await choose();
  await wb.waitForNotification(/Downloaded my-app-1\.0-20180724\.120000-1\.jar \(142 B\)\. SHA-256 verified\./);
  const saved = path.join(codeServer.workspace, jar.fileName);
  assert.equal(createHash('sha256').update(readFileSync(saved)).digest('hex'), jar.sha256);
  assert.ok(!existsSync(`${saved}.part`));

  await wb.contextMenu(JAR, 'Compare with Local File…');
  await wb.fileDialogListed();
  await wb.quickInputType(saved);
  await wb.waitForNotification(/Match: my-app-1\.0-20180724\.120000-1\.jar has the same SHA-256/);
}

export async function deletesWithOneConfirmation(env: Env): Promise<void> {
  const { wb, fake } = env;
  fake.clearRequests();
  const id = pkgId(env, 'acme-chart', '1.2.0');
  await wb.contextMenu('acme-chart 1.2.0 · helm', 'Delete Package…');
  assert.match(await wb.dialogText(), /Delete package acme-chart version 1\.2\.0 from acme\/app\?/);
  await wb.dialogButton('Delete');
  await wb.waitForNotification(/Deleted acme-chart 1\.2\.0/);
  assert.deepEqual(
    deletes(env).map((r) => r.path),
    [`/api/v4/projects/${APP_ID}/packages/${id}`],
  );
  await wb.rowsGone('acme-chart ');
}

export async function showsRejectedTokenRow({ wb, fake }: Env): Promise<void> {
  fake.addToken({ value: SAMPLE.apiToken, userId: SAMPLE.userId, scopes: ['api'], revoked: true });
  try {
    await wb.runCommand('GitLab Packages: Refresh');
    await wb.expand('acme/app');
    await wb.row(`Access token for 127.0.0.1:${new URL(fake.url).port} was rejected — Set Access Token…`);
  } finally {
    fake.addToken({ value: SAMPLE.apiToken, userId: SAMPLE.userId, scopes: ['api'] });
    await wb.runCommand('GitLab Packages: Refresh');
  }
}

export async function filtersByType({ wb, fake }: Env): Promise<void> {
  fake.clearRequests();
  await wb.runCommand('GitLab Packages: Filter and Sort…');
  await wb.quickPick('Type');
  await wb.quickPick('conan');
  await wb.quickPick('Apply');
  await wb.row('Hello 0.1@mycompany/stable · conan');
  await wb.rowsGone('release-assets '); // other types are filtered out
  assert.ok(fake.requests.some((r) => r.method === 'GET' && r.path === `/api/v4/projects/${APP_ID}/packages` && r.query.package_type === 'conan'));
  assert.match(await wb.page.locator('.sidebar .pane-header').first().innerText(), /type: conan/);
  await wb.runCommand('GitLab Packages: Clear Filter');
  await wb.row('release-assets 2025.03.05 · generic');
}
