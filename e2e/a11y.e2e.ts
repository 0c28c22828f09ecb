/**
 * Journey 5: axe-core finds no serious or critical WCAG 2.1 A/AA violation on the public pages, the
 * sign-in and registration forms, a talent's account page and an official's review page, at 375 px
 * and 1280 px, in Chinese (and the home page in English).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signIn, WIDTHS } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
import { seriousViolations } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const _TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

async function scan(page: Page, paths: readonly string[], width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 800 });
  const found: string[] = [];
  for (const path of paths) {
    await settle(page, path);
    for (const v of await seriousViolations(page)) found.push(`[${width}px ${path}] ${v}`);
  }
  return found;
}

const PUBLIC = [
  '/',
  '/login',
  '/register',
  '/register?tab=org',
  '/occupations',
  '/occupations?digital=true',
  '/sources',
  '/privacy',
  '/about',
  '/jobs?q=数据',
  '/no-such-page',
];

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  it('public pages have no serious or critical violations', async () => {
    const { context, page } = await openPage(browser, server.url, 1280);
    const found: string[] = [];
    for (const width of WIDTHS) found.push(...(await scan(page, PUBLIC, width)));
    expect(found).toEqual([]);
    await context.close();
  });

  it('the home page in English has none either', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: /Find digital jobs/ }).waitFor();
    const found: string[] = [];
    for (const width of WIDTHS) found.push(...(await scan(page, ['/', '/login'], width)));
    expect(found).toEqual([]);
    await context.close();
  });

  it("a talent's workbench and account pages have none", async () => {
    const talent = server.demo.accounts['talent.ganzhou'] ?? server.demo.accounts.talent;
    if (!talent) throw new Error('no talent account in the ci seed');
    const { context, page } = await openPage(browser, server.url, 1280);
    await signIn(page, talent);
    const found: string[] = [];
    for (const width of WIDTHS) found.push(...(await scan(page, ['/workbench', '/account'], width)));
    expect(found).toEqual([]);
    await context.close();
  });

  it("an official's review page (with the detail drawer open) and audit log have none", async () => {
    const official = server.demo.accounts['official.ganzhou'] ?? server.demo.accounts.official;
    if (!official) throw new Error('no official account in the ci seed');
    const { context, page } = await openPage(browser, server.url, 1280);
    await signIn(page, official);
    const found: string[] = [];
    for (const width of WIDTHS) {
      found.push(...(await scan(page, ['/workbench', '/review/organisations', '/audit'], width)));
      await settle(page, '/review/organisations');
      await page.getByTestId('org-details').first().click();
      await page.getByRole('dialog').getByRole('heading', { name: '办理记录' }).waitFor();
      for (const v of await seriousViolations(page)) found.push(`[${width}px review drawer] ${v}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
