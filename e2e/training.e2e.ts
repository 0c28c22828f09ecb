/**
 * Journey: a provider creates a subsidised 人工智能训练师 class through the form and publishes it; a talent
 * on a phone-width screen finds it, enrols and gets the QR ticket; the provider checks the typed code in
 * for the session under way and finishes the class; the talent sees it completed in 我的培训 and rates it.
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
import { seriousViolations } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
// a fresh server and database for every attempt: a retry cannot pick the flow up where a failed attempt left the data
beforeEach(async () => {
  server = await startE2eServer();
});
afterEach(async () => {
  await server?.close();
});
afterAll(async () => {
  await browser?.close();
});

const MINUTE = 60_000;
/** `YYYY-MM-DD HH:mm` in China time (the browser context runs in Asia/Shanghai). */
const chinaText = (ms: number) => new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Serious and critical WCAG 2.1 A/AA violations of the page content. The header menu's overflow items
 * are left out: with six public entries the provider's menu overflows at 1280 px (a header issue,
 * reported to the lead, not a training one).
 */
const axe = (page: Page) => seriousViolations(page, { exclude: '.ant-menu-overflow-item' });

async function typeDate(page: Page, input: ReturnType<Page['locator']>, text: string) {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.waitForTimeout(150);
}

async function pick(page: Page, label: ReturnType<Page['locator']>, option: string) {
  await label.click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

describe('training journey', () => {
  it('provider publishes, talent enrols, provider checks in and finishes, talent sees completed', async () => {
    const providerAccount = server.demo.accounts['provider.ganzhou'];
    const talentAccount = server.demo.accounts['talent.ganzhou'];
    if (!providerAccount || !talentAccount) throw new Error('demo accounts missing');
    const name = `人工智能训练师（五级）周末班${Date.now() % 10_000}`;
    const violations: string[] = [];

    const provider = await openPage(browser, server.url, 1280);
    await signIn(provider.page, providerAccount);
    await provider.page.goto('/provider/classes');
    await provider.page.getByRole('heading', { level: 1, name: '培训班管理' }).waitFor();
    await provider.page.getByTestId('provider-classes').locator('tbody tr').first().waitFor();
    violations.push(...(await axe(provider.page)));
    await provider.page.getByTestId('class-create').click();
    await provider.page.getByRole('heading', { level: 1, name: '新建培训班' }).waitFor();
    const form = provider.page.getByTestId('class-form');
    await form.getByLabel('培训班名称').fill(name);
    await form.getByLabel('职业代码（细类）').fill('4-04-05-05');
    await pick(provider.page, form.getByLabel('技能等级'), '五级/初级工');
    const now = Date.now();
    const range = form.locator('.ant-picker-range input');
    await typeDate(provider.page, range.nth(0), chinaText(now - 10 * MINUTE));
    await typeDate(provider.page, range.nth(1), chinaText(now + 120 * MINUTE));
    await form.getByLabel('内容 1').fill('数据标注工具实操');
    await form.getByLabel('上课地点').fill('赣州市章贡区长征大道8号 实训楼204');
    await form.getByLabel('培训费（元）').fill('1200');
    await form.getByLabel('培训简介').fill('面向数据标注岗位的周末实操班，出勤达标即可结业，列入职业培训补贴目录。');
    await provider.page.getByTestId('class-save').click();
    await provider.page.waitForURL(/\/provider\/classes\/[0-9a-f-]{36}$/);
    const classId = provider.page.url().split('/').pop() as string;
    await provider.page.getByTestId('class-action-publish').click();
    await provider.page.getByText('报名中').first().waitFor();
    await provider.page.screenshot({ path: screenshotPath('training-manage-1280'), fullPage: true });
    violations.push(...(await axe(provider.page)));

    const talent = await openPage(browser, server.url, 390);
    await talent.page.goto('/training?city=360700&subsidised=true');
    await talent.page.getByRole('link', { name }).click();
    await talent.page.getByRole('heading', { level: 1, name }).waitFor();
    await talent.page.getByText(/元\/人/).waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(talent.page)));
    await signIn(talent.page, talentAccount);
    await talent.page.goto(`/training/classes/${classId}`);
    await talent.page.getByTestId('class-enrol').click();
    await talent.page.getByText('报名成功').waitFor();
    const code = ((await talent.page.getByTestId('training-ticket-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('training-ticket-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));

    // check-in at the classroom door, on a phone
    await provider.page.setViewportSize({ width: 390, height: 800 });
    await provider.page.goto(`/provider/classes/${classId}/check-in`);
    await provider.page.getByRole('heading', { level: 1, name: '培训签到' }).waitFor();
    await provider.page.getByTestId('checkin-code').fill(code.toLowerCase());
    await provider.page.getByTestId('checkin-submit').click();
    await provider.page
      .getByTestId('checkin-result')
      .getByText(/签到成功/)
      .waitFor();
    await provider.page.getByTestId('checkin-present').getByText('本课次已签到 1 人').waitFor();
    await provider.page.getByTestId('checkin-code').fill(code);
    await provider.page.getByTestId('checkin-submit').click();
    await provider.page
      .getByTestId('checkin-result')
      .getByText(/已于 .* 签到/)
      .waitFor();
    expect(await horizontalOverflow(provider.page)).toBeLessThanOrEqual(0);
    await provider.page.screenshot({ path: screenshotPath('training-checkin-390'), fullPage: true });
    violations.push(...(await axe(provider.page)));

    await provider.page.setViewportSize({ width: 1280, height: 900 });
    await provider.page.goto(`/provider/classes/${classId}`);
    await provider.page.getByTestId('class-roster').getByText('1 / 1').waitFor();
    await provider.page.getByTestId('class-action-finish').click();
    // the confirmation's own button (the last 结业 on the page is the action itself until the popconfirm shows)
    await provider.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^结\s*业$/ })
      .click();
    await provider.page.getByText('已结业').first().waitFor();
    await provider.page.getByTestId('class-roster').getByText('已结业').waitFor();

    await talent.page.goto('/training/mine');
    const card = talent.page.getByTestId('my-training').filter({ hasText: name });
    await card.getByTestId('training-completed').waitFor();
    await card.getByRole('button', { name: `评价：${name}` }).click();
    await card.getByRole('radio').nth(4).click();
    await card.getByLabel('评价内容（选填）').fill('实操很多，老师耐心。');
    await card.getByRole('button', { name: '提交评价' }).click();
    await card.getByText('我的评价：5 星').waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('training-mine-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));

    // the city official follows the counts (and the 10,000 / 500 targets) on the training figures page
    const officialAccount = server.demo.accounts['official.ganzhou'];
    if (!officialAccount) throw new Error('official.ganzhou missing');
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, officialAccount);
    await official.page.goto('/manage/training-stats');
    await official.page.getByRole('heading', { level: 1, name: '培训统计' }).waitFor();
    await official.page
      .getByTestId('target-digitalTechnicians')
      .getByText(/年度目标 10,000 人/)
      .waitFor();
    await official.page.getByRole('cell', { name: '数字技能培训' }).first().waitFor();
    expect(await horizontalOverflow(official.page)).toBeLessThanOrEqual(0);
    await official.page.screenshot({ path: screenshotPath('training-stats-1280'), fullPage: true });
    violations.push(...(await axe(official.page)));
    expect(violations).toEqual([]);
    await official.context.close();
    await provider.context.close();
    await talent.context.close();
  });
});
