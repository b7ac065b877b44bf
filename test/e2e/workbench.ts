/**
 * Drives the VS Code web workbench (code-server) the way a person does: activity bar, tree
 * rows, context menus, the command palette, quick inputs, modal dialogs, notifications and
 * the clipboard. Uses Playwright with Debian's Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { until } from './until';

/**
 * The suite's only fixed pause. That something does NOT happen (a cancelled delete sends no
 * request) gives no event to wait for: such a check waits this long, then looks.
 */
const QUIET_MS = 500;

/** How long a notification is looked for among the toasts before in the notification centre. */
const TOAST_PHASE_MS = 3_000;

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async launch(executablePath: string, baseUrl: string, viewport = { width: 1400, height: 900 }): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await context.newPage();
    // Toasts come and go (at most three show): keep every message that was ever rendered.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __notificationsSeen: string[] }).__notificationsSeen = seen;
      new MutationObserver(() => {
        for (const el of Array.from(document.querySelectorAll('.notification-list-item-message'))) {
          const text = (el as HTMLElement).innerText;
          if (text && !seen.includes(text)) seen.push(text);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    return new Workbench(browser, context, page);
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.activitybar').waitFor({ timeout: 30_000 });
  }

  /** Drags the side bar's edge so long package names fit (screenshots read better). */
  async widenSideBar(width = 560): Promise<void> {
    const sidebar = await this.page.locator('.part.sidebar').boundingBox();
    if (!sidebar) return;
    const x = sidebar.x + sidebar.width;
    const y = sidebar.y + sidebar.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(sidebar.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async openViewContainer(title: string): Promise<void> {
    const entry = this.page.locator(`.activitybar [aria-label^="${title}"]`).first();
    await entry.waitFor({ timeout: 30_000 });
    const checked = await entry.getAttribute('aria-checked');
    const expanded = await entry.getAttribute('aria-expanded');
    if (checked !== 'true' && expanded !== 'true') await entry.click();
    await this.page.locator(`.sidebar .pane-header[aria-label^="Packages"], .sidebar .title-label:has-text("${title}")`).first().waitFor({ timeout: 15_000 });
  }

  /** Visible tree rows of the side bar. */
  rows(): Locator {
    return this.page.locator('.sidebar .monaco-list-row[role="treeitem"]');
  }

  async rowLabels(): Promise<string[]> {
    return this.rows().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** The row labelled `label` (aria-label is "label [description][, has actions]"), scrolled into the virtualised list if it is out of view. */
  async row(label: string, timeout = 20_000): Promise<Locator> {
    const e = cssEscape(label);
    // By label, not position: the locator keeps pointing at this row when the tree redraws.
    const row = this.rows()
      .and(this.page.locator(`[aria-label="${e}"], [aria-label^="${e} "], [aria-label^="${e}, "]`))
      .filter({ hasNot: this.page.locator('.nothing') })
      .first();
    const scrollFrom = Date.now() + 1_500;
    await until(
      async () => {
        if (await row.count()) return true;
        // Give a loading tree a moment before scrolling through it.
        if (Date.now() > scrollFrom) await this.scrollTree();
        throw new Error(`visible rows: ${(await this.rowLabels()).join(' | ')}`);
      },
      { timeoutMs: timeout, intervalMs: 150, what: `tree row "${label}"` },
    );
    return row;
  }

  /** The label of the first tree row that starts with `prefix`, once there is one. */
  async rowStartingWith(prefix: string, timeout = 15_000): Promise<string> {
    return until(
      async () => {
        const labels = await this.rowLabels();
        const hit = labels.find((l) => l.startsWith(prefix));
        if (!hit) throw new Error(`visible rows: ${labels.join(' | ')}`);
        return hit;
      },
      { timeoutMs: timeout, what: `a tree row starting with "${prefix}"` },
    );
  }

  /** Waits until no tree row starts with `prefix` (rows go once the tree has refreshed). */
  async rowsGone(prefix: string, timeout = 10_000): Promise<void> {
    await until(
      async () => {
        const left = (await this.rowLabels()).filter((l) => l.startsWith(prefix));
        if (left.length) throw new Error(`still shown: ${left.join(' | ')}`);
        return true;
      },
      { timeoutMs: timeout, what: `no tree row starting with "${prefix}"` },
    );
  }

  /** Scrolls the tree one step down, wrapping to the top at the bottom: only rendered rows exist in the DOM. */
  private async scrollTree(): Promise<void> {
    const list = this.page.locator('.sidebar .monaco-list').first();
    const box = await list.boundingBox();
    if (!box) return;
    const rendered = (): Promise<string> => this.rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-index')).join(','));
    const before = await rendered();
    const first = await this.rows().and(this.page.locator('[data-index="0"]')).count();
    const last = await this.rows().and(this.page.locator('[data-last-element="true"]')).count();
    if (first && last) return; // every row is rendered: nothing to scroll to
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, last ? -100_000 : 200);
    await until(async () => (await rendered()) !== before, { timeoutMs: 2_000, what: 'the tree to scroll' });
  }

  async expand(label: string): Promise<void> {
    await this.setExpanded(label, true);
  }

  async collapse(label: string): Promise<void> {
    await this.setExpanded(label, false);
  }

  /** Clicks the twistie until the row says it is expanded (or collapsed): a click can land while the row redraws. */
  private async setExpanded(label: string, expanded: boolean): Promise<void> {
    const want = String(expanded);
    await until(
      async () => {
        const row = await this.row(label);
        if ((await row.getAttribute('aria-expanded')) === want) return true;
        await row.locator('.monaco-tl-twistie').click();
        return (await row.getAttribute('aria-expanded')) === want;
      },
      { timeoutMs: 20_000, intervalMs: 300, what: `tree row "${label}" ${expanded ? 'expanded' : 'collapsed'}` },
    );
  }

  /** Hovers row `label` and returns its tooltip's text once it shows (tooltips of package rows are resolved on hover). */
  async tooltip(label: string, timeout = 15_000): Promise<string> {
    const row = await this.row(label);
    await row.locator('.label-name').first().hover();
    const hover = this.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).first();
    await hover.waitFor({ timeout });
    const text = await hover.innerText();
    await this.page.mouse.move(0, 0);
    return text;
  }

  async click(label: string): Promise<void> {
    await (await this.row(label)).click();
  }

  async contextMenu(label: string, item: string): Promise<void> {
    await this.openContextMenu(label);
    const menuItem = this.page.locator(`.monaco-menu .action-item:has(.action-label:text-is("${cssEscape(item)}"))`).first();
    await menuItem.waitFor({ timeout: 10_000 });
    // A menu item takes mouse-up clicks only 100 ms after it rendered (VS Code's
    // runOnceToEnableMouseUp), which nothing on the page shows: point at it, wait until it has
    // the focus, and choose it with Enter, which works at once.
    await menuItem.hover();
    await until(() => menuItem.evaluate((el) => el.classList.contains('focused')), { what: `menu item "${item}" focused` });
    await this.page.keyboard.press('Enter');
    await this.menu().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** The labels of the context menu of row `label` (the menu is closed again). */
  async contextMenuItems(label: string): Promise<string[]> {
    await this.openContextMenu(label);
    const labels = await this.menu().locator('.action-item:not(.disabled) .action-label').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await this.menu().waitFor({ state: 'hidden', timeout: 10_000 });
    return labels;
  }

  private menu(): Locator {
    return this.page.locator('.context-view .monaco-menu').first();
  }

  private async openContextMenu(label: string): Promise<void> {
    await (await this.row(label)).click({ button: 'right' });
    await this.menu().locator('.action-item').first().waitFor({ timeout: 10_000 });
  }

  async runCommand(title: string): Promise<void> {
    const text = `>${title}`;
    const input = this.quickInput();
    const row = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${cssEscape(title)}"]`).first();
    let openedAt = 0;
    const open = async (): Promise<void> => {
      // Whatever has the keyboard first lets go of it: a stray menu, a toast, another quick input.
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      openedAt = Date.now();
    };
    await open();
    await until(
      async () => {
        // F1 swallowed (something still had the keyboard), or a palette stuck for 5 s: again.
        if (!(await input.isVisible()) || Date.now() - openedAt > 5_000) await open();
        // Typed before the palette was ready, or reset while it rendered: type again.
        // Each step bounded: a fill that waits on a palette being torn down would eat the whole wait.
        else if ((await input.inputValue({ timeout: 2_000 })) !== text) await input.fill(text, { timeout: 2_000 });
        else return row.isVisible();
        return false;
      },
      { timeoutMs: 30_000, what: `the command palette to offer "${title}"` },
    );
    await row.click();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input').first();
  }

  async quickInputType(text: string, submit = true): Promise<void> {
    const input = this.quickInput();
    await input.waitFor({ timeout: 10_000 });
    // The widget re-renders while it opens (a file dialog fills in its folder once listed):
    // type again until the text stuck.
    await until(
      async () => {
        if ((await input.inputValue()) === text) return true;
        await input.fill(text);
        return (await input.inputValue()) === text;
      },
      { what: `the quick input to hold "${text}"` },
    );
    if (submit) await input.press('Enter');
  }

  /**
   * code-server's own file dialog (a quick pick) has listed its first folder. Until then the
   * list still shows the palette's rows, and the listing, when it lands, replaces typed text
   * with the folder's path. Its ".." row says it is done (the folder is never "/" here).
   */
  async fileDialogListed(): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-label=".."]').first().waitFor({ timeout: 10_000 });
  }

  /**
   * Chooses `folder` in code-server's file dialog when it picks a folder. Typed with a trailing
   * "/", the path makes the dialog list that folder; Enter before the listing lands would only
   * navigate (or land on the folder's row), so wait for the list to change first.
   */
  async fileDialogChooseFolder(folder: string): Promise<void> {
    await this.fileDialogListed();
    const before = (await this.quickPickItems()).join(' | ');
    await this.quickInputType(`${folder.replace(/\/+$/, '')}/`, false);
    await until(async () => (await this.quickPickItems()).join(' | ') !== before, { what: `the file dialog to list ${folder} (it listed: ${before})` });
    await this.quickInput().press('Enter');
  }

  async quickPickItems(): Promise<string[]> {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  async quickPick(labelStart: string, timeout = 10_000): Promise<void> {
    const row = this.page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${cssEscape(labelStart)}"]`).first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /** Picks `pick` once the quick pick asks `question` (its placeholder), so a pick never lands on the previous step's list. */
  async quickPickAnswering(question: RegExp, pick: string): Promise<void> {
    await until(async () => question.test((await this.quickInput().getAttribute('placeholder')) ?? ''), { what: `the quick pick asking ${String(question)}` });
    await this.quickPick(pick);
  }

  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async dialogText(): Promise<string> {
    const d = this.dialog();
    await d.waitFor({ timeout: 10_000 });
    return (await d.innerText()).replace(/\s+/g, ' ');
  }

  async dialogButton(label: string): Promise<void> {
    await this.dialog()
      .locator(`.monaco-button:text-is("${cssEscape(label)}")`)
      .first()
      .click();
    await this.dialog().waitFor({ state: 'detached', timeout: 10_000 });
  }

  /**
   * A toast matching `re`, or else an entry in the notification centre: VS Code toasts at most
   * three notifications per 0.8 s and files the others straight into the centre. The
   * extension's messages come within moments of the action; a slower one still turns up in
   * the centre, which lists new ones while it is open.
   */
  async waitForNotification(re: RegExp, timeout = 15_000): Promise<string> {
    const toasts = this.page.locator('.notifications-toasts .notification-list-item-message, .notification-toast .notification-list-item-message');
    const what = `a notification matching ${String(re)}`;
    try {
      return await until(async () => (await toasts.allInnerTexts()).find((t) => re.test(t)), { timeoutMs: TOAST_PHASE_MS, intervalMs: 150, what });
    } catch {
      const centre = this.page.locator('.notifications-center .notification-list-item-message');
      return this.inNotificationCentre(async () => (await centre.allInnerTexts()).find((t) => re.test(t)), Math.max(1_000, timeout - TOAST_PHASE_MS), what);
    }
  }

  /** Like waitForNotification, but also finds a toast that was shown and already pushed out by newer ones. */
  async waitForNotificationSeen(re: RegExp, timeout = 15_000): Promise<string> {
    const seen = (): Promise<string | undefined> => this.notificationsSeen().then((texts) => texts.find((t) => re.test(t)));
    const what = `a notification matching ${String(re)} to be shown`;
    try {
      return await until(seen, { timeoutMs: TOAST_PHASE_MS, intervalMs: 150, what });
    } catch {
      // Not toasted: it may have gone straight into the notification centre.
      return this.inNotificationCentre(seen, Math.max(1_000, timeout - TOAST_PHASE_MS), what);
    }
  }

  /** Opens the notification centre, waits for `find` there, and closes the centre again (toasts stay away while it is open). */
  private async inNotificationCentre(find: () => Promise<string | undefined>, timeout: number, what: string): Promise<string> {
    await this.runCommand('Notifications: Show Notifications');
    try {
      return await until(find, { timeoutMs: timeout, intervalMs: 150, what: `${what} (notification centre open)` });
    } catch (e) {
      throw new Error(`${(e as Error).message}. Shown so far: ${(await this.notificationsSeen()).join(' | ')}`);
    } finally {
      // Escape closes the centre wherever the focus is.
      await this.page.keyboard.press('Escape');
      await this.page.locator('.notifications-center.visible').waitFor({ state: 'detached', timeout: 5_000 });
    }
  }

  /** Every notification text rendered so far (toasts come and go). */
  private notificationsSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __notificationsSeen?: string[] }).__notificationsSeen ?? []);
  }

  /** Clicks `button` on the notification whose text matches `re`. */
  async notificationAction(re: RegExp, button: string, timeout = 15_000): Promise<void> {
    const action = `.monaco-button:text-is("${cssEscape(button)}")`;
    const toast = this.page.locator('.notification-toast', { hasText: re }).first();
    try {
      await toast.waitFor({ timeout: TOAST_PHASE_MS });
      await toast.locator(action).first().click({ timeout: 5_000 });
    } catch {
      // Not toasted (see waitForNotification), or gone before the click: it waits in the centre.
      await this.runCommand('Notifications: Show Notifications');
      const item = this.page.locator('.notifications-center .notification-list-item', { hasText: re }).first();
      await item.waitFor({ timeout: Math.max(1_000, timeout - TOAST_PHASE_MS) });
      await item.locator(action).first().click();
    }
  }

  async clearNotifications(): Promise<void> {
    await this.page.evaluate(() => undefined);
    const toasts = this.page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close');
    for (const t of await toasts.all()) await t.click({ timeout: 1000 }).catch(() => undefined);
  }

  async statusBarText(): Promise<string> {
    return (await this.page.locator('.statusbar').innerText()).replace(/\s+/g, ' ');
  }

  /** The status bar's text once it matches `re` (a message set after the clipboard write shows a moment later). */
  async statusBarShows(re: RegExp, timeout = 10_000): Promise<string> {
    return until(
      async () => {
        const text = await this.statusBarText();
        if (!re.test(text)) throw new Error(`status bar: ${text}`);
        return text;
      },
      { timeoutMs: timeout, what: `the status bar to show ${re}` },
    );
  }

  /**
   * Replaces a settings.json the way a person does: opened from the palette (`command`: user or
   * remote settings), edited, saved and closed. `file` is where `command` saves it.
   */
  async editSettingsJson(command: string, file: string, settings: Record<string, unknown> | unknown[]): Promise<void> {
    await this.runCommand(command);
    // The editor that opened has the focus (a modal one in recent VS Code).
    const lines = this.page.locator('.monaco-editor.focused .view-lines').last();
    await lines.waitFor({ timeout: 15_000 });
    await lines.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    // One input event: the editor's auto-closing of brackets and quotes does not apply to it.
    await this.page.keyboard.insertText(JSON.stringify(settings));
    await this.page.keyboard.press('Control+S');
    // The modal settings editor shows no dirty mark: the file itself tells when it is saved
    // (closing it before would ask whether to save).
    await until(() => existsSync(file) && isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), settings), { what: `${file} saved` });
    if (process.env.E2E_DEBUG) await this.screenshot('/tmp/settings-edit.png');
    await this.runCommand('View: Close Editor');
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** Polls the clipboard until it differs from `previous`. */
  async clipboardAfter(previous: string, timeout = 15_000): Promise<string> {
    return until(
      async () => {
        const text = await this.page.evaluate(() => navigator.clipboard.readText());
        return text !== previous ? { text } : undefined;
      },
      { timeoutMs: timeout, intervalMs: 150, what: `the clipboard to change from "${previous}"` },
    ).then((changed) => changed.text);
  }

  /** See QUIET_MS: for checks that something did not happen. */
  async quietPeriod(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}
