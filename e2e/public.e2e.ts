/**
 * Journey 1: the public home page in Chinese at 375 px (H5) and 1280 px, no sideways scrolling,
 * digital occupations from the catalogue, job search to the jobs page; switching to English and back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshotPath, WIDTHS } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('public home page', () => {
  for (const width of WIDTHS) {
    it(`renders in Chinese at ${width}px without horizontal overflow`, async () => {
      const { context, page } = await openPage(browser, server.url, width);
      await page.goto('/');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.getByRole('heading', { level: 1, name: '找数字岗位，提数字技能，享人才政策' }).waitFor();
      await page.getByTestId('digital-occupations').waitFor();
      expect(await page.getByTestId('digital-occupations').locator('li').count()).toBeGreaterThan(0);
      for (const line of ['找工作', '提技能', '助创业', '证书查验']) {
        await page.getByRole('heading', { name: line }).first().waitFor();
      }
      const banner = page.getByRole('banner');
      await banner.getByText('赣才 · 江西省数字人才服务平台').waitFor();
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('contentinfo').getByRole('link', { name: '隐私政策' }).count()).toBe(1);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`home-${width}`), fullPage: true });
      await context.close();
    });
  }

  it('sends a job search to the jobs page, which keeps the query and shows results', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    await page.goto('/');
    await page.getByLabel('搜索岗位').fill('数据分析');
    await page.getByRole('button', { name: '搜索岗位' }).click();
    await page.waitForURL(/\/jobs\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('数据分析');
    expect(await page.getByLabel('搜索岗位').inputValue()).toBe('数据分析');
    await page.getByTestId('job-card').first().waitFor();
    await context.close();
  });

  it('switches to English and back, keeping only the language in storage', async () => {
    const { context, page } = await openPage(browser, server.url, 1280);
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: /Find digital jobs/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Find digital jobs/ }).waitFor();
    const stored = await page.evaluate(() => ({ local: { ...localStorage }, session: sessionStorage.length }));
    expect(stored).toEqual({ local: { 'gancai.lang': 'en-US' }, session: 0 });
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: '找数字岗位，提数字技能，享人才政策' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });

  it('opens the mobile drawer menu at 375px', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    await page.goto('/');
    await page.getByTestId('menu-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: '职业目录' }).click();
    await page.waitForURL(/\/occupations/);
    await page.getByRole('heading', { level: 1, name: '职业分类目录' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('sends scripts compressed and cacheable for a year, and the page itself revalidated', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = (await page.text()).match(/\/assets\/antd-[\w-]+\.js/)?.[0];
    expect(script).toBeTruthy();
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect((await res.text()).length).toBeGreaterThan(100_000);
    }
  });
});
