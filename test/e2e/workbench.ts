/**
 * Drives the VS Code web workbench (code-server) the way a person does: activity bar, tree
 * rows, context menus, the command palette, quick inputs, modal dialogs, notifications and
 * the clipboard. Uses Playwright with Debian's Chromium.
 */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

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

  static async launch(executablePath: string, baseUrl: string): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
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
    const deadline = Date.now() + timeout;
    const scrollFrom = Date.now() + 1_500;
    while (Date.now() < deadline) {
      const labels = await this.rowLabels();
      const index = labels.findIndex((l) => l === label || l.startsWith(label + ', ') || l.startsWith(label + ' '));
      if (index >= 0)
        return this.rows()
          .filter({ hasNot: this.page.locator('.nothing') })
          .nth(index);
      if (Date.now() > scrollFrom) await this.scrollTree();
      else await this.page.waitForTimeout(150);
    }
    throw new Error(`No tree row "${label}". Visible: ${(await this.rowLabels()).join(' | ')}`);
  }

  /** Scrolls the tree one step down, wrapping to the top at the bottom: only rendered rows exist in the DOM. */
  private async scrollTree(): Promise<void> {
    const list = this.page.locator('.sidebar .monaco-list').first();
    const box = await list.boundingBox();
    if (!box) return this.page.waitForTimeout(150);
    const before = await this.rowLabels();
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, 200);
    await this.page.waitForTimeout(150);
    const after = await this.rowLabels();
    if (after.join('|') === before.join('|')) {
      await this.page.mouse.wheel(0, -100_000);
      await this.page.waitForTimeout(150);
    }
  }

  async expand(label: string): Promise<void> {
    const row = await this.row(label);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async collapse(label: string): Promise<void> {
    const row = await this.row(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  }

  async click(label: string): Promise<void> {
    await (await this.row(label)).click();
  }

  async contextMenu(label: string, item: string): Promise<void> {
    const row = await this.row(label);
    await row.click({ button: 'right' });
    const menuItem = this.page.locator(`.monaco-menu .action-item:has(.action-label:text-is("${cssEscape(item)}"))`).first();
    await menuItem.waitFor({ timeout: 10_000 });
    // VS Code ignores a click that arrives right after the menu opened.
    await this.page.waitForTimeout(500);
    await menuItem.click();
  }

  async runCommand(title: string): Promise<void> {
    const row = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${cssEscape(title)}"]`).first();
    // A stray menu, a palette that opened too early or one that reset the typed text while it
    // rendered can swallow an attempt: type again (checking the text stuck), up to three times.
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      await this.quickInputType(`>${title}`, false);
      try {
        await row.waitFor({ timeout: 5_000 + attempt * 5_000 });
        break;
      } catch (e) {
        if (attempt === 2) throw e;
      }
    }
    await row.click();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input').first();
  }

  async quickInputType(text: string, submit = true): Promise<void> {
    const input = this.quickInput();
    await input.waitFor({ timeout: 10_000 });
    await input.fill(text);
    // The widget re-renders while it opens (a file dialog fills in its folder once listed):
    // make sure the text stuck, and still holds a moment later, before submitting.
    for (let i = 0; i < 20; i++) {
      if ((await input.inputValue()) === text) {
        await this.page.waitForTimeout(250);
        if ((await input.inputValue()) === text) break;
      }
      await input.fill(text);
    }
    if (submit) await input.press('Enter');
  }

  async quickPickItems(): Promise<string[]> {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  async quickPick(labelStart: string, timeout = 10_000): Promise<void> {
    const row = this.page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${cssEscape(labelStart)}"]`).first();
    await row.waitFor({ timeout });
    await row.click();
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

  async waitForNotification(re: RegExp, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const texts = await this.page
        .locator('.notifications-toasts .notification-list-item-message, .notification-toast .notification-list-item-message')
        .allInnerTexts();
      const hit = texts.find((t) => re.test(t));
      if (hit) return hit;
      await this.page.waitForTimeout(150);
    }
    const seen = await this.page.evaluate(() => (window as unknown as { __notificationsSeen?: string[] }).__notificationsSeen ?? []);
    throw new Error(`No notification matching ${String(re)}. Shown so far: ${seen.join(' | ')}`);
  }

  /** Like waitForNotification, but also finds a toast that was shown and already pushed out by newer ones. */
  async waitForNotificationSeen(re: RegExp, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let centreOpened = false;
    while (Date.now() < deadline) {
      if (!centreOpened && Date.now() > deadline - timeout / 2) {
        // Not toasted: it may have gone straight into the notification centre.
        centreOpened = true;
        await this.runCommand('Notifications: Show Notifications');
      }
      const seen = await this.page.evaluate(() => (window as unknown as { __notificationsSeen?: string[] }).__notificationsSeen ?? []);
      const hit = seen.find((t) => re.test(t));
      if (hit) return hit;
      await this.page.waitForTimeout(150);
    }
    const seen = await this.page.evaluate(() => (window as unknown as { __notificationsSeen?: string[] }).__notificationsSeen ?? []);
    throw new Error(`No notification matching ${String(re)} was shown. Shown: ${seen.join(' | ')}`);
  }

  /** Clicks `button` on the notification whose text matches `re`. */
  async notificationAction(re: RegExp, button: string, timeout = 15_000): Promise<void> {
    try {
      await this.waitForNotification(re, timeout / 2);
    } catch {
      // VS Code sometimes files a notification straight into the centre (bell dot, no toast),
      // e.g. one raised as a progress notification closes: look for it there.
      await this.runCommand('Notifications: Show Notifications');
    }
    const item = this.page.locator('.notification-toast, .notifications-center .notification-list-item', { hasText: re }).first();
    await item.waitFor({ timeout: timeout / 2 });
    await item
      .locator(`.monaco-button:text-is("${cssEscape(button)}")`)
      .first()
      .click();
  }

  async clearNotifications(): Promise<void> {
    await this.page.evaluate(() => undefined);
    const toasts = this.page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close');
    for (const t of await toasts.all()) await t.click({ timeout: 1000 }).catch(() => undefined);
  }

  async statusBarText(): Promise<string> {
    return (await this.page.locator('.statusbar').innerText()).replace(/\s+/g, ' ');
  }

  /**
   * Replaces a settings.json the way a person does: opened from the palette (`command`: user or
   * remote settings), edited, saved and closed.
   */
  async editSettingsJson(command: string, settings: Record<string, unknown>): Promise<void> {
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
    await this.page.waitForTimeout(300);
    if (process.env.E2E_DEBUG) await this.screenshot('/tmp/settings-edit.png');
    await this.runCommand('View: Close Editor');
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** Polls the clipboard until it differs from `previous`. */
  async clipboardAfter(previous: string, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const text = await this.page.evaluate(() => navigator.clipboard.readText());
      if (text !== previous) return text;
      await this.page.waitForTimeout(150);
    }
    throw new Error('The clipboard did not change');
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}
