/**
 * Journey (no account): on a phone-width screen a visitor opens 工资价位, picks 赣州市 in the survey data and
 * reads the median; picks an occupation with only 6 workers and sees the suppression note instead of numbers.
 * On desktop the visitor downloads the same table as CSV and reads the licence and attribution on /open-data.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshotPath } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
import { seriousViolations as seriousA11yViolations } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pickOption(page: Page, label: string, text: string, option: RegExp) {
  await page.getByLabel(label, { exact: true }).fill(text);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await item.click();
}

describe('public wage-price page', () => {
  it('shows the 赣州 median on a phone, the suppression note for a small cell, and downloads CSV on desktop', async () => {
    const phone = await openPage(browser, server.url, 390);
    try {
      const { page } = phone;
      await page.goto('/wages?source=survey');
      await page.getByRole('heading', { level: 1, name: '数字职业工资价位' }).waitFor();
      await pickOption(page, '地区', '赣州', /^赣州市$/);
      const cell = page.getByTestId('wage-cell');
      await cell.getByText('赣州市 · 计算机软件工程技术人员').waitFor();
      await expect.poll(async () => (await page.getByTestId('wage-median').textContent()) ?? '').toMatch(/P50 中位数：[\d,]+ 元\/月（样本数 64）/);
      await page.getByTestId('wage-box').waitFor();
      expect(await page.getByTestId('wage-table').getByText('赣州市').count()).toBeGreaterThan(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('wages-390'), fullPage: true });

      await pickOption(page, '职业', '区块链', /区块链工程技术人员/);
      await page.getByTestId('wage-suppressed').getByText('该项只有 6 个样本（少于 10 个）').waitFor();
      expect(await page.getByTestId('wage-box').count()).toBe(0);
      await page.getByText('样本少于 10 个的单元格不公布分位数').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await phone.context.close();
    }

    const desktop = await openPage(browser, server.url, 1280);
    try {
      const { page } = desktop;
      await page.goto('/wages?source=survey&city=360700');
      await page.getByTestId('wage-compare').waitFor();
      const download = page.waitForEvent('download');
      await page.getByTestId('wage-csv').click();
      const lines = readFileSync(await (await download).path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'source,year,city_code,city_name,occupation_code,occupation_name,observations,p10_yuan,p25_yuan,p50_yuan,p75_yuan,p90_yuan,suppressed,licence',
      );
      expect(lines.some((l) => /^survey,\d{4},360700,赣州市,2-02-10-03,计算机软件工程技术人员,64,[\d.]+,/.test(l))).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('wages-1280'), fullPage: true });

      await page.goto('/open-data');
      await page.getByTestId('open-licence').getByText('CC-BY-4.0').waitFor();
      await page
        .getByTestId('open-attribution')
        .getByText(/职业分类大典/)
        .first()
        .waitFor();
      await page.getByTestId('dataset-training').waitFor();
    } finally {
      await desktop.context.close();
    }
  });
});
