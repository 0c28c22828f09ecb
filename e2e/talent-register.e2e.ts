/**
 * Journey 3: a person registers (个人注册); the account page shows the 身份证号 masked
 * (3607**********1234 style) and the full number appears nowhere in the page or browser storage.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/shared/identifiers.js';
import { horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
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

/** A fresh 身份证号 and mobile per attempt: a retry registers its own person (the number is unique on the platform). */
function freshPerson() {
  const first17 = `36070219900307${100 + Math.floor(Math.random() * 900)}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const phone = `1390797${1000 + Math.floor(Math.random() * 9000)}`;
  return { idNumber, wrongCheck: first17 + (idNumber.endsWith('0') ? '1' : '0'), phone };
}
const PASSWORD = 'Qiyun#2026xy';

async function pickRegion(page: Page, city: string, county: string) {
  await page.getByLabel('所在地区').click();
  await motionDone(page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').first());
  await page.locator('.ant-cascader-menu-item', { hasText: city }).first().click();
  await page.locator('.ant-cascader-menu-item', { hasText: county }).first().click();
}

describe('talent registration', () => {
  it('registers, then shows only masked identifiers on the account page', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    const username = `e2e.talent.${Date.now().toString(36)}`;
    const { idNumber: ID_NUMBER, wrongCheck: WRONG_CHECK, phone: PHONE } = freshPerson();
    await page.goto('/register');
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('姓名', { exact: true }).fill('李测试');
    await pickRegion(page, '赣州市', '章贡区');
    await page.getByLabel('身份证号', { exact: true }).fill(WRONG_CHECK);
    await page.getByLabel('手机号', { exact: true }).fill(PHONE);
    await page.getByText('身份证号校验位不正确，请核对').waitFor();
    await page.getByLabel('身份证号', { exact: true }).fill(ID_NUMBER);
    await page.getByTestId('register-talent-submit').click();
    await page.getByText('请勾选必选的授权同意').first().waitFor();
    await page.getByTestId('consent-privacy_policy').check();
    await page.getByTestId('consent-sensitive_pi').check();
    await page.getByTestId('consent-recommendations').check();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('register-talent-375'), fullPage: true });
    await page.getByTestId('register-talent-submit').click();

    await page.waitForURL(/\/workbench/);
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await page.getByText('李测试，您好', { exact: false }).waitFor();

    await page.goto('/account');
    const masked = page.getByTestId('id-number-masked');
    await masked.waitFor();
    expect(await masked.textContent()).toBe(`3607${'*'.repeat(10)}${ID_NUMBER.slice(-4)}`);
    expect(await page.getByTestId('phone-masked').textContent()).toBe(`139****${PHONE.slice(-4)}`);
    await page.screenshot({ path: screenshotPath('account-375'), fullPage: true });

    const html = await page.content();
    expect(html).not.toContain(ID_NUMBER);
    expect(html).not.toContain(PHONE);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain(username);

    await page.getByTestId('consent-switch-policy_notices').click();
    await page.getByText('授权已更新').waitFor();
    await expect.poll(() => page.getByTestId('consent-switch-policy_notices').getAttribute('aria-checked')).toBe('true');

    await page.getByTestId('export-data').click();
    const exportDialog = page.getByRole('dialog', { name: '导出我的数据' });
    await exportDialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: '导出我的数据' }).click();
    expect((await download).suggestedFilename()).toBe('gancai-my-data.json');
    const afterExport = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(afterExport).not.toContain(ID_NUMBER);

    await page.getByTestId('close-account').click();
    const closeDialog = page.getByRole('dialog', { name: '确认注销账号？' });
    await closeDialog.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await closeDialog.getByRole('button', { name: '确认注销' }).click();
    // the response carries Clear-Site-Data: "cache", which Chromium may take tens of seconds to honour on a
    // loaded machine (a CI run timed out here at 30 s; alone it takes under a second)
    await page.waitForURL(/\/login/, { timeout: 90_000 });
    await page.getByText('您的账号已注销').waitFor();
    await context.close();
  });

  it('sends a person whose session ended to the sign-in page with the reason', async () => {
    const talent = server.demo.accounts['talent.ganzhou'] ?? server.demo.accounts.talent;
    if (!talent) throw new Error('the ci seed has no talent account');
    const { context, page } = await openPage(browser, server.url, 1280);
    await signIn(page, talent);
    await context.clearCookies();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '我的账号' }).click();
    await page.waitForURL(/\/login/);
    await page.getByText('您的登录已失效，请重新登录。').waitFor();
    await context.close();
  });
});
