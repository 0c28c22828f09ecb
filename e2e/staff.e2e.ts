/**
 * Staff journeys: the administrator creates an official account and sees its TOTP secret once (the new
 * official then signs in with it); the auditor checks the audit chain. Both pages pass axe.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn, WIDTHS } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
import { seriousViolations as serious } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function account(name: string) {
  const a = server.demo.accounts[name];
  if (!a) throw new Error(`no ${name} account in the ci seed`);
  return a;
}

/** Picks an antd Select option by its visible text, once the dropdown has finished its opening motion. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await motionDone(dropdown);
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => box.getAttribute('aria-expanded'), { message: `${label} closes after choosing ${option}` }).toBe('false');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('staff pages', () => {
  it('admin creates an official, whose TOTP secret is shown once and works', async () => {
    const { context, page } = await openPage(browser, server.url, 1280);
    await signIn(page, account('admin'));
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      expect(await serious(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }

    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog', { name: '创建账号' });
    await motionDone(page.locator('.ant-modal'));
    await choose(page, dialog, '角色', '主管部门');
    await choose(page, dialog, '部门', '人社');
    await dialog.getByLabel('所在地区').click();
    await motionDone(page.locator('.ant-cascader-dropdown:visible, .ant-select-dropdown:visible').first());
    await page.locator('.ant-cascader-menu-item', { hasText: '江西省' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '南昌市' }).first().click();
    await page.keyboard.press('Escape');
    // the cascader fades out: check accessibility once it is gone, not half-transparent
    await expect.poll(() => page.locator('.ant-cascader-dropdown:visible').count()).toBe(0);
    const username = `e2e.official.${Date.now().toString(36)}`;
    await dialog.getByLabel('用户名', { exact: true }).fill(username);
    await dialog.getByLabel('姓名', { exact: true }).fill('测试科员');
    await dialog.getByLabel('密码', { exact: true }).fill('Hongcheng#2026');
    expect(await serious(page)).toEqual([]);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();

    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByText('密钥只显示这一次').waitFor();
    await page.screenshot({ path: screenshotPath('admin-totp-once-1280') });
    await page
      .getByRole('button', { name: /关\s*闭/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('totp-secret').count()).toBe(0);
    await context.close();

    const second = await openPage(browser, server.url, 375);
    await signIn(second.page, { username, password: 'Hongcheng#2026', totpSecret: secret });
    await second.page.getByText('测试科员，您好', { exact: false }).waitFor();
    await second.context.close();
  });

  it('auditor verifies the audit chain', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    await signIn(page, account('auditor'));
    await page.goto('/audit');
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('verify-chain').click();
    await page.getByText(/^审计链完整：共 \d+ 条记录/).waitFor();
    await page.screenshot({ path: screenshotPath('audit-375'), fullPage: true });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      expect(await serious(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
