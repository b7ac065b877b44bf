/**
 * The editor side of the workbench, driven as a person does: Quick Open a file, read the
 * Problems view, take a quick fix from the light bulb, see which tree row is selected.
 */
import type { Locator } from 'playwright-core';
import { until } from './until';
import type { Workbench } from './workbench';

/** Opens a workspace file through Quick Open (Ctrl+P), and waits for its editor tab. */
export async function openFile(wb: Workbench, name: string): Promise<void> {
  const input = wb.quickInput();
  const row = wb.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first();
  await until(
    async () => {
      if (!(await input.isVisible())) {
        await wb.page.keyboard.press('Escape');
        await wb.page.keyboard.press('Control+P');
      } else if ((await input.inputValue({ timeout: 2_000 })) !== name) await input.fill(name, { timeout: 2_000 });
      else return row.isVisible();
      return false;
    },
    { timeoutMs: 30_000, what: `Quick Open to offer ${name}` },
  );
  await wb.page.keyboard.press('Enter');
  await wb.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: 15_000 });
}

/** The Problems view's rows (their accessible labels: severity, message, line and column), once one matches `re`. */
export async function problemMatching(wb: Workbench, re: RegExp, timeout = 30_000): Promise<{ label: string; row: Locator }> {
  await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
  const rows = wb.page.locator('.markers-panel .monaco-list-row');
  return until(
    async () => {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const i = labels.findIndex((l) => re.test(l));
      if (i < 0) throw new Error(`problems: ${labels.join(' | ') || 'none'}`);
      return { label: labels[i], row: rows.nth(i) };
    },
    { timeoutMs: timeout, intervalMs: 250, what: `a problem matching ${re}` },
  );
}

/** Opens a problem in its editor (a click on its row), then takes `title` from the quick fix menu (Ctrl+.). */
export async function quickFix(wb: Workbench, problem: Locator, title: string): Promise<void> {
  await problem.dblclick();
  const item = wb.page.locator('.action-widget .monaco-list-row').filter({ hasText: title }).first();
  await until(
    async () => {
      if (await item.isVisible()) return true;
      await wb.page.keyboard.press('Control+.');
      return item.isVisible().catch(() => false);
    },
    { timeoutMs: 15_000, intervalMs: 500, what: `the quick fix "${title}"` },
  );
  await item.click();
}

/** The cursor's line in the active editor (1-based), from the status bar's "Ln 12, Col 3". */
export async function cursorLine(wb: Workbench): Promise<number> {
  const text = await wb.statusBarShows(/Ln \d+, Col \d+/);
  return Number(/Ln (\d+),/.exec(text)?.[1]);
}

/** The labels of the selected tree rows in the side bar. */
export async function selectedRows(wb: Workbench): Promise<string[]> {
  return wb
    .rows()
    .and(wb.page.locator('[aria-selected="true"]'))
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}
