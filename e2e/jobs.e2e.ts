/**
 * Journey 6: an employer drafts a posting with '限男性', sees the live vetting warning, removes it and
 * submits; an official approves it in 岗位审核; an anonymous visitor at 375 px finds it on /jobs with a
 * highlighted title and opens it. Journey 7: axe finds no serious or critical violation on /jobs and
 * /jobs/:id at 375 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn, WIDTHS } from './browser.js';
import { seriousViolations } from './axe.js';
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

const TITLE = `数据分析工程师（赣南脐橙${Date.now() % 10_000}）`;

/** Picks the first option of an antd select after typing `text` into it. */
async function pickOption(page: Page, label: string, text: string, option: RegExp) {
  await page.getByLabel(label, { exact: true }).fill(text);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await item.click();
}

async function employerSubmits(page: Page) {
  const employer = server.demo.accounts['employer.ganzhou'];
  if (!employer) throw new Error('no employer.ganzhou in the ci seed');
  await signIn(page, employer);
  await clickNav(page, '我的岗位', '招聘管理');
  await page.getByRole('heading', { level: 1, name: '我的岗位' }).waitFor();
  await page.getByTestId('new-job').click();
  await page.getByRole('heading', { level: 1, name: '发布新岗位' }).waitFor();

  await page.getByLabel('岗位名称').fill(TITLE);
  const description = page.getByLabel('岗位描述');
  await description.fill('负责经营数据的采集、清洗、建模与可视化分析，限男性，熟练使用 SQL 和 Python。');
  const warning = page.getByTestId('vetting-warning');
  await warning.getByText('「限男性」可能构成性别歧视（就业促进法 第二十七条）').waitFor();
  await page.screenshot({ path: screenshotPath('jobs-form-vetting-1280'), fullPage: true });
  await description.fill('负责经营数据的采集、清洗、建模与可视化分析，男女不限，熟练使用 SQL 和 Python。');
  await page.getByTestId('vetting-clean').waitFor();
  expect(await warning.count()).toBe(0);

  await pickOption(page, '职业（细类）', '数据分析', /数据分析处理工程技术人员/);
  await page.getByLabel('月薪下限（元）').fill('8500');
  await page.getByLabel('月薪上限（元）').fill('12000');
  await page.getByTestId('required-skills').getByRole('combobox').fill('Python');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Python$/ })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await page.getByTestId('job-submit').click();
  await page.getByRole('heading', { level: 1, name: '我的岗位' }).waitFor();
  const row = page.getByTestId('employer-jobs').locator('tbody tr', { hasText: TITLE });
  await row.getByText('待审核').waitFor();
  await page.screenshot({ path: screenshotPath('jobs-employer-list-1280'), fullPage: true });
}

async function officialApproves(page: Page) {
  const official = server.demo.accounts['official.ganzhou'];
  if (!official?.totpSecret) throw new Error('no official.ganzhou with a TOTP secret in the ci seed');
  await signIn(page, official);
  await clickNav(page, '岗位审核', '业务办理');
  await page.getByRole('heading', { level: 1, name: '岗位审核' }).waitFor();
  const row = page.getByTestId('job-review-table').locator('tbody tr', { hasText: TITLE });
  await row.getByTestId('job-details').click();
  const drawer = page.getByRole('dialog', { name: '岗位审核详情' });
  await drawer.getByRole('heading', { name: '办理记录' }).waitFor();
  await motionDone(page.locator('.ant-drawer-content-wrapper'));
  await page.screenshot({ path: screenshotPath('jobs-review-drawer-1280') });
  await drawer.getByTestId('action-approve').click();
  await motionDone(page.locator('.ant-modal'));
  await page.getByTestId('job-transition-confirm').click();
  await drawer.getByText(/主管部门：通过/).waitFor();
}

async function visitorFinds(page: Page) {
  await page.goto('/');
  await page.getByLabel('搜索岗位').fill('赣南脐橙');
  await page.getByRole('button', { name: '搜索岗位' }).click();
  await page.waitForURL(/\/jobs\?q=/);
  const card = page.getByTestId('job-card').filter({ hasText: TITLE });
  await card.waitFor();
  expect(await card.locator('mark').first().textContent()).toMatch(/赣南|脐橙/);
  expect(await card.getByText('8,500–12,000 元/月').count()).toBe(1);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('jobs-search-375'), fullPage: true });

  await page.getByTestId('open-filters').click();
  const filters = page.getByRole('dialog', { name: '筛选条件' });
  await motionDone(page.locator('.ant-drawer-content-wrapper'));
  await filters.getByText(/仅数字岗位/).click();
  await page.waitForURL(/digital=true/);
  await page.screenshot({ path: screenshotPath('jobs-filters-375') });
  await filters.getByRole('button', { name: /查看结果/ }).click();

  await card.getByTestId('job-title').click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('男女不限', { exact: false }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('jobs-detail-375'), fullPage: true });
}

describe('jobs', () => {
  it('employer posts, official approves, visitor finds the posting', async () => {
    const employer = await openPage(browser, server.url, 1280);
    await employerSubmits(employer.page);
    await employer.context.close();

    const official = await openPage(browser, server.url, 1280);
    await officialApproves(official.page);
    await official.context.close();

    const visitor = await openPage(browser, server.url, 375);
    await visitorFinds(visitor.page);
    await visitor.context.close();
  });

  it('the search and detail pages have no serious or critical axe violations', async () => {
    const { context, page } = await openPage(browser, server.url, 1280);
    await page.goto('/jobs?q=数据分析');
    const first = page.getByTestId('job-title').first();
    await first.waitFor();
    const detail = (await first.getAttribute('href')) ?? '';
    expect(detail).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/jobs?q=数据分析', '/jobs?q=没有这个岗位xyz', detail]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page
          .locator('.ant-skeleton')
          .first()
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined);
        for (const v of await seriousViolations(page)) found.push(`[${width}px] ${v}`);
      }
      await page.goto('/jobs?q=数据分析');
      await page.getByTestId('job-title').first().waitFor();
      await page.screenshot({ path: screenshotPath(`jobs-search-${width}`), fullPage: false });
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
