/**
 * Journey 2: an official signs in with a TOTP code, opens the review page, verifies a pending
 * organisation of the region, signs out; /account then asks to sign in again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
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

describe('official reviews an organisation', () => {
  it('signs in with TOTP, verifies a pending organisation, signs out', async () => {
    const official = server.demo.accounts['official.ganzhou'] ?? server.demo.accounts.official;
    if (!official?.totpSecret) throw new Error('the ci seed has no official with a TOTP secret');
    const { context, page } = await openPage(browser, server.url, 1280);

    await signIn(page, official);
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await clickNav(page, '单位审核', '业务办理');
    await page.getByRole('heading', { level: 1, name: '单位审核' }).waitFor();

    await page.getByLabel('状态').click();
    await motionDone(page.locator('.ant-select-dropdown:visible'));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '待审核' }).click();
    await page.waitForURL(/status=pending/);
    const row = page.getByTestId('org-table').locator('tbody tr', { hasText: '待审核' }).first();
    await row.waitFor();
    const orgName = ((await row.locator('td').first().textContent()) ?? '').trim();
    await page.screenshot({ path: screenshotPath('review-list-1280'), fullPage: true });

    await row.getByTestId('org-details').click();
    const drawer = page.getByRole('dialog', { name: '单位详情' });
    await drawer.getByText(orgName).first().waitFor();
    await motionDone(page.locator('.ant-drawer-content-wrapper'));
    await drawer.getByTestId('action-verify').click();
    await motionDone(page.locator('.ant-modal'));
    await page.getByTestId('transition-confirm').click();
    await drawer.getByText('已认证').first().waitFor();
    await drawer.getByText(/主管部门：通过/).waitFor();
    await page.screenshot({ path: screenshotPath('review-verified-1280') });
    await drawer.getByRole('button', { name: '关闭' }).click();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page
      .getByRole('banner')
      .getByRole('link', { name: /登\s*录/ })
      .waitFor();

    await page.goto('/account');
    await page.waitForURL(/\/login/);
    await page.getByText('请先登录后再访问该页面。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});
