/**
 * Organisation registration (单位注册): the organisation waits for the city's 人社 official, who then
 * finds it pending on the review page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/shared/identifiers.js';
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

/** A fresh 统一社会信用代码 and name per attempt: a retry registers its own organisation (the code is unique). */
function freshOrg() {
  const serial = `${Date.now().toString().slice(-3)}${Math.floor(Math.random() * 10)}`;
  const first17 = `9136070${serial}MA3E2E`;
  return { USCC: first17 + usccCheckChar(first17), ORG_NAME: `赣州端到端测试${serial}科技有限公司` };
}

async function pick(page: Page, label: string, ...items: string[]) {
  await page.getByLabel(label, { exact: true }).click();
  await motionDone(page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').first());
  for (const item of items) {
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option, .ant-cascader-menu-item', { hasText: item }).first().click();
  }
  await expect.poll(() => page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').count()).toBe(0);
}

describe('organisation registration', () => {
  it('registers an organisation that waits for verification, and the official sees it', async () => {
    const { context, page } = await openPage(browser, server.url, 375);
    const { USCC, ORG_NAME } = freshOrg();
    await page.goto('/register?tab=org');
    await pick(page, '单位类型', '企业/用人单位');
    await page.getByLabel('单位名称', { exact: true }).fill(ORG_NAME);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(USCC);
    await pick(page, '所在地区', '赣州市', '章贡区');
    await page.getByLabel('所属行业', { exact: true }).fill('软件开发');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '软件开发' }).first().click();
    await pick(page, '单位规模', '小型');
    await page.getByLabel('联系人', { exact: true }).fill('王联系');
    await page.getByLabel('联系电话', { exact: true }).fill('13979712345');
    await page.getByLabel('用户名', { exact: true }).fill(`e2e.org.${Date.now().toString(36)}`);
    await page.getByLabel('密码', { exact: true }).fill('Zhongxin#2026');
    await page.getByLabel('姓名', { exact: true }).fill('王管理');
    await page.getByTestId('consent-privacy_policy').check();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('register-org-375'), fullPage: true });
    await page
      .getByRole('button', { name: /注\s*册/ })
      .last()
      .click();

    const refused = page.locator('.ant-alert-error, .ant-form-item-explain-error').first();
    const outcome = await Promise.race([
      page.waitForURL(/\/workbench/).then(() => 'registered'),
      refused.waitFor().then(async () => `refused: ${await refused.textContent()}`),
    ]);
    expect(outcome).toBe('registered');
    const card = page.getByTestId('org-status-card');
    await card.getByText(ORG_NAME).waitFor();
    await card.getByText('待审核').waitFor();
    await page.getByText('等待所在设区市人社部门审核').first().waitFor();
    await context.close();

    const official = server.demo.accounts['official.ganzhou'] ?? server.demo.accounts.official;
    if (!official) throw new Error('no official account in the ci seed');
    const second = await openPage(browser, server.url, 1280);
    await signIn(second.page, official);
    await second.page.goto(`/review/organisations?status=pending&q=${encodeURIComponent(ORG_NAME)}`);
    await second.page.getByTestId('org-table').getByText(ORG_NAME).waitFor();
    await second.context.close();
  });
});
