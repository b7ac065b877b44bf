/**
 * `npm run screenshots`: the README's pictures, taken from the demo. Starts the demo
 * (demoSession.ts) in a dark theme, drives it in Chromium as a person would and writes
 * media/screenshots/*.png, each palette-compressed by pngquant to stay small:
 *
 *   protection-rules.png     the web app's Protection Rules row opened, its locked packages, why one is locked
 *   tree.png                 the team's projects, a Maven release opened to its files, its details beside
 *   checksum.png             Copy Checksum… on a jar: the digests GitLab stored for it
 *   clean-up-preview.png     Clean Up Packages… on the Java service: what goes, and why
 *   delete-confirmation.png  Delete Package…: the one confirmation, naming what goes
 *   lockfile.png             the storefront's package-lock.json: an entry published again, its hover, the status bar
 *
 *   npm run screenshots [-- --only tree,checksum]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { openFile } from '../e2e/editor';
import { until } from '../e2e/until';
import { Workbench } from '../e2e/workbench';
import { ROOT, startDemo } from './demoSession';

const OUT = path.join(ROOT, 'media', 'screenshots');
/** Reads well at the Marketplace's width, and keeps each PNG small. */
const WINDOW = { width: 1280, height: 800 };
const SIDE_BAR_WIDTH = 500;
const LOOK = {
  'workbench.colorTheme': 'Default Dark Modern',
  // The editor shows documents the extension writes (package details): their text, not line numbers.
  'editor.minimap.enabled': false,
  'editor.lineNumbers': 'off',
  'editor.glyphMargin': false,
  'editor.folding': false,
  'editor.lineDecorationsWidth': 16,
  'remote.autoForwardPorts': false,
  'editor.stickyScroll.enabled': false,
  'workbench.layoutControl.enabled': false,
  'workbench.editor.empty.hint': 'hidden',
  'breadcrumbs.enabled': false,
  // Offline: no JSON schema to fetch (its warning is not the subject), no npm-script CodeLens.
  'json.schemaDownload.enable': false,
  'debug.javascript.codelens.npmScripts': 'never',
};
/** An emoji font for the rows' "🔒 protected"; pngquant for the file sizes. */
const DEBIAN_PACKAGES = ['fonts-noto-color-emoji', 'pngquant'];

const STOREFRONT = 'lumen/storefront';
const PAYMENTS = 'lumen/payments-service';
const EDGE = 'lumen/edge-agent';
const RELEASE = 'com/lumen/payments/payments-api 2.7.0 · maven';
const JAR = 'payments-api-2.7.0.jar';
/** Where the pointer rests between steps: the editor, away from rows and menus. */
const REST = { x: 1000, y: 700 };

/** In order: each starts from the window the one before left. */
const SHOTS: [string, (wb: Workbench) => Promise<void>][] = [
  [
    'protection-rules',
    async (wb) => {
      await wb.expand(STOREFRONT);
      await wb.expand('Protection Rules');
      await wb.row('@lumen/*');
      await shoot(wb, 'protection-rules', await hoverTooltip(wb, '@lumen/ui-kit 3.4.1', /protected by the rule/));
      await wb.collapse(STOREFRONT);
    },
  ],
  [
    'tree',
    async (wb) => {
      await wb.expand(PAYMENTS);
      await wb.expand(RELEASE);
      await wb.expand(EDGE);
      await wb.row('edge-agent 1.5.1');
      await wb.contextMenu(RELEASE, 'Show Package Details');
      await until(async () => /Files\s\(3\)/.test(await wb.page.locator('.editor-instance .view-lines').first().innerText()), { what: 'the package details' });
      // Back to the tree, the jar chosen, as after reading its checksums.
      await calm(wb);
      await wb.click(JAR);
      await shoot(wb, 'tree');
    },
  ],
  [
    'checksum',
    async (wb) => {
      await wb.contextMenu(JAR, 'Copy Checksum…');
      await until(async () => (await wb.quickPickItems()).length === 3, { what: 'the three digests offered' });
      await shoot(wb, 'checksum');
      await wb.page.keyboard.press('Escape');
    },
  ],
  [
    'clean-up-preview',
    async (wb) => {
      await wb.contextMenu(PAYMENTS, 'Clean Up Packages…');
      // Keep the newest 3 of each name, delete what is older than 30 days; skip the other steps.
      for (const [step, answer] of ['3', '30', '', '', '', '', ''].entries()) {
        await until(async () => (await quickInputTitle(wb)).includes(`(${step + 1}/7)`), { what: `clean-up step ${step + 1}` });
        if (answer) await wb.quickInputType(answer, false);
        await wb.quickInput().press('Enter');
      }
      await until(async () => /will be deleted/.test(await quickInputTitle(wb)), { timeoutMs: 30_000, what: 'the clean-up preview' });
      await shoot(wb, 'clean-up-preview');
      await wb.page.keyboard.press('Escape');
    },
  ],
  [
    'delete-confirmation',
    async (wb) => {
      await wb.contextMenu('com/lumen/payments/payments-api 2.0.0 · maven', 'Delete Package…');
      await wb.dialog().waitFor();
      await shoot(wb, 'delete-confirmation');
      await wb.dialogButton('Cancel');
    },
  ],
  [
    'lockfile',
    async (wb) => {
      await openFile(wb, 'package-lock.json');
      await wb.statusBarShows(/Lockfiles: 2 weak, 1 changed/, 30_000);
      // Find brings the entry into view; Ctrl+Down then scrolls a line at a time, the cursor
      // staying, until the entry is near the top and its hover has room below it.
      await wb.page.keyboard.press('Control+F');
      await wb.page.keyboard.insertText('"node_modules/@lumen/ui-kit"');
      await wb.page.keyboard.press('Escape');
      const line = (text: string) => wb.page.locator('.view-lines .view-line').filter({ hasText: text }).first();
      const key = line('"node_modules/@lumen/ui-kit"');
      const top = (await wb.page.locator('.editor-instance .view-lines').last().boundingBox())?.y ?? 0;
      await until(
        async () => {
          if (((await key.boundingBox())?.y ?? Infinity) < top + 100) return true;
          await wb.page.keyboard.press('Control+ArrowDown');
          return false;
        },
        { intervalMs: 50, what: 'the entry near the top' },
      );
      // Over its version line: the lockfile's hover alone (over the key, the diagnostic's joins it).
      const version = line('"version": "3.4.1"');
      const hover = wb.page
        .locator('.monaco-hover')
        .filter({ hasText: /Newer in the registry/ })
        .first();
      await until(
        async () => {
          await wb.page.mouse.move(REST.x, REST.y);
          const box = await version.boundingBox();
          if (!box) return false;
          await wb.page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 4 });
          await hover.waitFor({ timeout: 3_000 });
          return true;
        },
        { timeoutMs: 30_000, what: 'the hover of @lumen/ui-kit in package-lock.json' },
      );
      await shoot(wb, 'lockfile', hover);
    },
  ],
];

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemo({ settings: LOOK, debianPackages: DEBIAN_PACKAGES });
  let wb: Workbench | undefined;
  try {
    wb = await Workbench.launch(demo.tools.chromium, demo.codeServer.url, WINDOW);
    // The workbench is there once its DOM is (its `load` can wait on a busy machine for fonts and workers).
    await wb.page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await wb.openViewContainer('GitLab Packages');
    await wb.widenSideBar(SIDE_BAR_WIDTH);
    await openFile(wb, 'package.json');
    await wb.row(STOREFRONT);
    for (const [name, take] of SHOTS) {
      if (only && !only.includes(name)) continue;
      await calm(wb);
      await take(wb);
      console.log(`[screenshots] ${path.relative(ROOT, path.join(OUT, `${name}.png`))}`);
    }
  } catch (e) {
    // What the window showed when a step gave up, beside the test suite's own failure pictures.
    const failure = path.join(ROOT, 'test-results', 'screenshots', 'failure.png');
    mkdirSync(path.dirname(failure), { recursive: true });
    await wb?.page.screenshot({ path: failure }).catch(() => undefined);
    console.error(`[screenshots] failed; the window at that moment: ${path.relative(ROOT, failure)}`);
    throw e;
  } finally {
    await wb?.close().catch(() => undefined);
    await demo.stop();
  }
}

/**
 * Hovers a row past its description until its tooltip holds `ready` (package tooltips fill in on
 * hover). The tooltip opens at the pointer: from there it covers the editor, not the rows'
 * descriptions. The pointer stays for the picture.
 */
async function hoverTooltip(wb: Workbench, row: string, ready: RegExp): Promise<Locator> {
  const hover = wb.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: ready }).first();
  await until(
    async () => {
      await wb.page.mouse.move(REST.x, REST.y);
      const target = await wb.row(row);
      const description = await target.locator('.label-description').first().boundingBox();
      const whole = await target.boundingBox();
      if (!description || !whole) return false;
      // Past the description, short of the row's action buttons (they have tooltips of their own).
      const x = Math.min(description.x + description.width + 40, whole.x + whole.width - 50);
      await wb.page.mouse.move(x, description.y + description.height / 2, { steps: 4 });
      await hover.waitFor({ timeout: 3_000 });
      return true;
    },
    { timeoutMs: 20_000, what: `the tooltip of ${row}` },
  );
  return hover;
}

/** The pointer at rest and no tooltip left open (one would cover the rows the next step clicks). */
async function calm(wb: Workbench): Promise<void> {
  await wb.page.mouse.move(REST.x, REST.y);
  await until(
    async () => {
      if (!(await wb.page.locator('.workbench-hover, .monaco-hover').filter({ visible: true }).count())) return true;
      // An editor hover can reach under the resting pointer: Escape closes it.
      await wb.page.keyboard.press('Escape');
      return false;
    },
    { what: 'no tooltip open' },
  );
}

async function quickInputTitle(wb: Workbench): Promise<string> {
  return wb.page
    .locator('.quick-input-widget .quick-input-title')
    .innerText({ timeout: 1_000 })
    .catch(() => '');
}

/**
 * The whole window without toasts (the sign-in message is not the subject), palette-compressed.
 * `tooltip`: the pointer stays where it is and the tooltip must still show; it is closed after.
 */
async function shoot(wb: Workbench, name: string, tooltip?: Locator): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  if (!tooltip) await wb.page.mouse.move(REST.x, REST.y);
  // A click can scroll the whole workbench a few pixels (a row brought into view): back to the top.
  await wb.page.evaluate(() => document.querySelectorAll('html, body, .monaco-workbench').forEach((el) => (el.scrollTop = 0)));
  await wb.clearNotifications();
  await wb.page.locator('.notification-toast').first().waitFor({ state: 'detached', timeout: 5_000 });
  if (tooltip) await tooltip.waitFor();
  await wb.page.screenshot({ path: file });
  execFileSync('pngquant', ['--quality', '70-95', '--speed', '1', '--strip', '--force', '--output', file, file]);
  if (tooltip) await calm(wb);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
