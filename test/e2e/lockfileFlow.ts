/**
 * A lockfile in the workspace whose GitLab package was published again: the editor shows a
 * "changed" problem on that entry's line, the status bar counts it, and the quick fix reveals
 * the package in the Packages view, adding its project first when the view lacks it. Shared by
 * the Node host and the web worker host suites.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LOCKFILE_SEED, NPM_PUBLISHED, seedLockfiles } from '../fake-gitlab/seedLockfiles';
import { cursorLine, openFile, problemMatching, quickFix, selectedRows } from './editor';
import type { Env } from './harness';
import { until } from './until';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'lockfiles', 'npm-10.9.9', 'package-lock.json');

export async function lockfileChangedAndRevealed(env: Env): Promise<void> {
  const { wb, fake, codeServer } = env;
  seedLockfiles(fake);
  const ui = NPM_PUBLISHED.find((p) => p.manifest.name === '@lockco/ui' && p.manifest.version === '1.1.0')!;
  fake.npm.republish(LOCKFILE_SEED.projects.web.id, ui.manifest, {
    files: { 'index.js': 'module.exports = "rebuilt";\n' },
    createdAt: '2025-08-01T10:00:00.000Z',
  });
  const text = readFileSync(FIXTURE, 'utf8').split('https://gitlab.example.com').join(fake.url);
  const line = text.split('\n').findIndex((l) => l.includes('"node_modules/@lockco/ui"')) + 1;
  const lockfile = path.join(codeServer.workspace, 'package-lock.json');
  writeFileSync(lockfile, text);
  try {
    await openFile(wb, 'package-lock.json');
    const { label, row } = await problemMatching(wb, /@lockco\/ui@1\.1\.0: changed: @lockco\/ui-1\.1\.0\.tgz/);
    assert.match(label, new RegExp(`\\b${line}\\b`), `the problem is on line ${line}: ${label}`);
    await wb.statusBarShows(/Lockfiles: 2 weak, 1 changed/, 30_000);

    await quickFix(wb, row, 'Reveal in Packages View');
    assert.equal(await cursorLine(wb), line, 'the problem opened at its line');
    // The package's project is not in the view yet: the reveal offers to add it, filled in.
    await wb.notificationAction(/is in lockco\/web, which is not in the Packages view/, 'Add Project…');
    await until(async () => (await wb.quickInput().inputValue()) === 'lockco/web', { what: 'Add Project… filled in with lockco/web' });
    await wb.quickInput().press('Enter');
    const selected = await until(
      async () => {
        const rows = await selectedRows(wb);
        return rows.some((r) => r.startsWith('@lockco/ui 1.1.0')) && rows;
      },
      { timeoutMs: 30_000, what: 'the package row selected in the Packages view' },
    );
    assert.equal(selected.length, 1, `one row selected: ${selected.join(' | ')}`);
    await wb.contextMenu('lockco/web', 'Remove Project');
    await wb.rowsGone('lockco/web');
  } finally {
    rmSync(lockfile, { force: true });
  }
}
