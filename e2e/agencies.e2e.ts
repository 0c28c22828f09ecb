/**
 * 人力资源服务机构: official.nanchang opens 人力资源服务机构管理 from the menu and approves the seeded pending registration
 * (南昌东湖英才); the public directory then lists it beside the demo agency, on a phone (390 px) without sideways
 * scrolling, filtered by service. The agency reaches the applications to its postings (受托招聘) from its menu.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PENDING = '南昌东湖英才人力资源服务有限公司';
const DEMO = '江西赣才人力资源服务有限公司';

describe('HR service agencies', () => {
  it('the official approves a registration and the public directory shows it on a phone', async () => {
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.nanchang'));
    await clickNav(official.page, '人力资源服务机构管理', '业务办理');
    await official.page.getByRole('heading', { level: 1, name: '人力资源服务机构管理' }).waitFor();
    const item = official.page.getByTestId('registration-item').filter({ hasText: PENDING });
    await item.waitFor();
    await item.getByTestId('registration-action-approve').click();
    await motionDone(official.page.locator('.ant-modal'));
    await official.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await official.page.getByText('已办理').first().waitFor();
    await expect.poll(() => official.page.getByTestId('registration-item').filter({ hasText: PENDING }).count()).toBe(0);
    await official.page.screenshot({ path: screenshotPath('agencies-manage-1280'), fullPage: true });
    await official.context.close();

    const visitor = await openPage(browser, server.url, 390);
    await visitor.page.goto('/agencies');
    await visitor.page.getByRole('heading', { level: 1, name: '人力资源服务机构' }).waitFor();
    const cards = visitor.page.getByTestId('agency-card');
    await expect.poll(() => cards.count()).toBe(2);
    const names = await cards.locator('.agency-card-title').allTextContents();
    expect(names.sort()).toEqual([PENDING, DEMO].sort());
    expect(await cards.filter({ hasText: DEMO }).textContent()).toContain('“人工智能+”招聘/智能匹配');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    await visitor.page.screenshot({ path: screenshotPath('agencies-directory-390'), fullPage: true });

    await visitor.page.goto('/agencies?service=headhunting');
    await expect.poll(() => visitor.page.getByTestId('agency-card').count()).toBe(1);
    expect(await visitor.page.getByTestId('agency-card').textContent()).toContain(PENDING);
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    await visitor.context.close();
  });

  it('the agency opens the applications to its postings from the menu', async () => {
    const agency = await openPage(browser, server.url, 1280);
    await signIn(agency.page, demoAccount(server, 'agency.nanchang'));
    await clickNav(agency.page, '收到的投递', '业务办理');
    await agency.page.getByRole('heading', { level: 1, name: '收到的投递' }).waitFor();
    await agency.page.getByTestId('received-applications').waitFor();
    expect(agency.page.url()).toMatch(/\/agency\/applications$/);
    await agency.context.close();
  });
});
