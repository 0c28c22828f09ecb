/**
 * axe-core in the browser tests: serious and critical WCAG 2.1 A/AA violations on the page as it is now,
 * one readable line each, judged once the network is idle, toasts have left and no drawer or modal is
 * mid-motion (a panel still fading in has low contrast for a moment).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { animationsSettled } from './browser.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function seriousViolations(page: Page, opts: { exclude?: string } = {}): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // a toast (antd message) leaves by itself after three seconds and fades as it goes — on a slow machine
  // in the middle of the analysis, which then reads the half-faded text's contrast: judged once it is gone
  await page
    .waitForFunction(() => !document.querySelector('.ant-message-notice, .ant-notification-notice'), undefined, { timeout: 10_000, polling: 100 })
    .catch(() => undefined);
  await animationsSettled(page);
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (opts.exclude) builder = builder.exclude(opts.exclude);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${new URL(page.url()).pathname} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

/** seriousViolations of each path in turn, each judged once its main heading is shown. */
export async function violationsOnPages(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    found.push(...(await seriousViolations(page)));
  }
  return found;
}
