/**
 * Journey: the 赣州 official opens the dashboard from the menu, sees 赣州's indicators, its outline on the
 * map and its counties, and cannot reach 南昌 (not offered, and the API refuses); on a phone nothing sticks
 * out sideways. The province official sees the map of Jiangxi's cities (ECharts) and drills down to 赣州 and back,
 * by a click on the map and by the table's button. The 赣州 official also downloads a chart as Excel and generates
 * this month's 月度报告 (background task), then downloads its Excel and PDF.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, clickNav, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
import { seriousViolations } from './axe.js';

let server: E2eServer;
let browser: Browser;
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serious and critical WCAG 2.1 A/AA violations, once a success toast fading out has gone. */
async function axe(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  return seriousViolations(page);
}

describe('dashboard', () => {
  it('赣州 official sees 赣州 with its map and counties, and cannot see 南昌', async () => {
    const account = server.demo.accounts['official.ganzhou'];
    if (!account) throw new Error('no official.ganzhou');
    const { page, context } = await openPage(browser, server.url, 1280);
    await signIn(page, account);
    await clickNav(page, '数据看板', '统计分析');
    await page.getByRole('heading', { level: 1, name: '数据看板' }).waitFor();
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`赣州市 · ${year}`);
    // the figures on the cards are the API's (which the server tests hold equal to the records)
    const summary = await callApi(page, 'GET', `/api/dashboard/summary?regionCode=360700&year=${year}`);
    expect(summary.status).toBe(200);
    const jobs = (summary.json.indicators as Array<{ key: string; value: number }>).find((i) => i.key === 'digital_jobs_published');
    await expect.poll(() => page.getByTestId('dash-value-digital_jobs_published').textContent()).toBe((jobs?.value ?? 0).toLocaleString('zh-CN'));
    // 赣州's outline on the map (one city), the caveat, and its counties in the table
    await expect.poll(() => page.getByTestId('dash-map').locator('path').count()).toBe(1);
    await expect.poll(() => page.getByTestId('dash-map-caveat').textContent()).toContain('审图号');
    await expect.poll(() => page.getByTestId('dash-breakdown-table').textContent()).toContain('章贡区');
    // 南昌 is not offered, and asking for it is refused
    await page.getByTestId('dash-region').click();
    await expect.poll(() => page.locator('.ant-select-dropdown').textContent()).toContain('章贡区');
    expect(await page.locator('.ant-select-dropdown').textContent()).not.toContain('南昌');
    await page.keyboard.press('Escape');
    // a chart's data as Excel
    const chartXlsx = await page.getByTestId('dash-breakdown-xlsx').getAttribute('href');
    const chartFile = await page.request.get(`${server.url}${chartXlsx}`);
    expect(chartFile.status()).toBe(200);
    expect(chartFile.headers()['content-type']).toContain('spreadsheetml');
    // 月度报告: generated in the background from the dashboard's link, then both files download
    await page.getByTestId('dash-reports-link').click();
    await page.getByRole('heading', { level: 1, name: '月度报告' }).waitFor();
    await page.getByTestId('report-generate').click();
    const current = page.getByTestId('report-current');
    await current.getByTestId('report-pdf').waitFor({ timeout: 20_000 });
    for (const [testId, type] of [
      ['report-xlsx', 'spreadsheetml'],
      ['report-pdf', 'application/pdf'],
    ] as const) {
      const file = await page.request.get(`${server.url}${await current.getByTestId(testId).getAttribute('href')}`);
      expect(file.status(), testId).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
    }
    await expect.poll(() => page.getByTestId('report-list').textContent()).toContain('赣州市');
    for (const region of ['360100', '360000']) {
      const refused = await callApi(page, 'GET', `/api/dashboard/summary?regionCode=${region}&year=${year}`);
      expect(refused.status).toBe(404);
    }
    await page.goto(`/dashboard?region=360100&year=${year}`);
    await page.getByRole('heading', { level: 1, name: '数据看板' }).waitFor();
    expect(await page.getByTestId('dash-breakdown').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('南昌市 ·');
    await context.close();
  });

  it('works at phone width', async () => {
    const account = server.demo.accounts['official.ganzhou'];
    if (!account) throw new Error('no official.ganzhou');
    const { page, context } = await openPage(browser, server.url, 375);
    await signIn(page, account);
    await page.goto('/dashboard');
    await page.getByTestId('dash-breakdown-table').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('dashboard-ganzhou-375'), fullPage: true });
    // the 月度报告 page (the report generated above is listed with its downloads)
    await page.goto('/dashboard/reports');
    await page.getByTestId('report-list').getByTestId('report-pdf').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('dashboard-reports-375'), fullPage: true });
    await context.close();
  });

  it('the province official sees the map of the cities and drills down to 赣州 and back', async () => {
    const account = server.demo.accounts['official.province'];
    if (!account) throw new Error('no official.province');
    const { page, context } = await openPage(browser, server.url, 1280);
    await signIn(page, account);
    await page.goto('/dashboard');
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`江西省 · ${year}`);
    await expect.poll(() => page.getByTestId('dash-map').locator('path').count()).toBe(11);
    const table = page.getByTestId('dash-breakdown-table');
    await expect.poll(() => table.textContent()).toContain('南昌市');
    await page.screenshot({ path: screenshotPath('dashboard-province-1280'), fullPage: true });
    expect(await axe(page)).toEqual([]);
    // a click on 赣州 in the map (ECharts, SVG renderer) drills down, as the table's button does
    await page.getByTestId('dash-map').getByText('赣州', { exact: true }).click();
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`赣州市 · ${year}`);
    await expect.poll(() => page.getByTestId('dash-map').locator('path').count()).toBe(1);
    await page.getByTestId('dash-up').click();
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`江西省 · ${year}`);
    await table.getByRole('button', { name: '赣州市' }).click();
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`赣州市 · ${year}`);
    await expect.poll(() => page.getByTestId('dash-breakdown-table').textContent()).toContain('章贡区');
    await page.getByTestId('dash-up').click();
    await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`江西省 · ${year}`);
    // a department view changes the indicator cards
    await page.getByTestId('dash-dept').click();
    await page.locator('.ant-select-dropdown').getByText('财政', { exact: true }).click();
    await page.getByTestId('dash-card-subsidy_amount_paid').waitFor();
    // targets: the notice's province figure is shown until the province official sets one
    await page.getByRole('link', { name: '目标设置' }).click();
    await page.getByRole('heading', { level: 1, name: '指标目标设置' }).waitFor();
    await expect.poll(() => page.getByTestId('targets-table').textContent()).toContain('10,000');
    const form = page.getByTestId('target-form');
    await form.getByLabel('目标值').fill('12000');
    await form.getByRole('button', { name: '保存目标' }).click();
    await expect.poll(() => page.getByTestId('targets-table').textContent()).toContain('12,000');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
