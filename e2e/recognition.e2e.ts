/**
 * Journey (高层次人才认定): a talent on a phone applies with an uploaded PDF; the official (desktop) accepts it and
 * asks for 补正; the talent resubmits with another file; the official assigns the demo reviewer and sends it to
 * review; the reviewer scores it; the official recognises it; the talent sees the benefits under 我的待遇.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';
import { seriousViolations as axe } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer << >>\n%%EOF\n`, 'latin1');
let EMPLOYER = '';

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await motionDone(dropdown);
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** The official opens the application of EMPLOYER from the queue. */
async function openApplication(page: Page) {
  await page.goto('/manage/recognition');
  await page.getByRole('heading', { level: 1, name: '人才认定办理' }).waitFor();
  const item = page.getByTestId('queue-item').filter({ hasText: EMPLOYER });
  await item.waitFor();
  await item.getByTestId('queue-open').click();
  const detail = page.getByTestId('recognition-detail');
  await detail.waitFor();
  return detail;
}

async function step(page: Page, action: string, reason?: string) {
  await page.getByTestId(`action-${action}`).click();
  if (reason !== undefined) {
    const dialog = page.locator('.ant-modal:visible');
    await motionDone(dialog);
    await dialog.getByTestId('reason-input').fill(reason);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

describe('high-level talent recognition journey', () => {
  it('apply → 补正 → resubmit → expert score → recognised → benefits', async () => {
    EMPLOYER = `章贡区测试数字科技有限公司${Date.now() % 100_000}`;
    const violations: string[] = [];
    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, demoAccount(server, 'talent.ganzhou'));
    await talent.page.goto('/recognition/mine');
    await talent.page.getByRole('heading', { level: 1, name: '人才认定与待遇' }).waitFor();
    const form = talent.page.getByTestId('recognition-apply');
    await form.waitFor();
    await pick(talent.page, '认定类别', 'E类 青年骨干人才');
    await form.getByText('35周岁以下', { exact: false }).waitFor(); // the category's criteria are shown
    await talent.page.getByLabel('工作单位', { exact: true }).fill(EMPLOYER);
    await talent.page.getByTestId('field-input').fill('工业大数据');
    await talent.page.getByTestId('achievements-input').fill('博士，主持赣州稀土产业大数据平台建设，获省级数字职业技能竞赛二等奖。');
    await form.locator('input[type=file]').setInputFiles({ name: '申报材料.pdf', mimeType: 'application/pdf', buffer: PDF('apply') });
    await form.getByTestId('uploaded-material').waitFor();
    await talent.page.getByTestId('apply-submit').click();
    const mine = talent.page.getByTestId('my-recognition').first();
    await expect.poll(() => mine.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('recognition-mine-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));

    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.ganzhou'));
    let detail = await openApplication(official.page);
    await step(official.page, 'accept');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 20_000 }).toBe('accepted');
    await detail.getByTestId('clock-left').waitFor();
    await step(official.page, 'request_supplement', '请补充博士学位证书扫描件。');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 20_000 }).toBe('supplement');
    violations.push(...(await axe(official.page)));

    await talent.page.reload();
    const resubmit = talent.page.getByTestId('resubmit-card');
    await resubmit.waitFor();
    await resubmit.getByText('请补充博士学位证书扫描件。', { exact: false }).waitFor();
    await resubmit.locator('input[type=file]').setInputFiles({ name: '博士学位证书.pdf', mimeType: 'application/pdf', buffer: PDF('degree') });
    await resubmit.getByTestId('uploaded-material').waitFor();
    await talent.page.getByTestId('resubmit-submit').click();
    await expect.poll(() => talent.page.getByTestId('my-recognition').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('accepted');
    await talent.page.getByText('博士学位证书.pdf').first().waitFor();

    detail = await openApplication(official.page);
    await official.page.getByTestId('reviewer-select').click();
    const dropdown = official.page.locator('.ant-select-dropdown:visible');
    await motionDone(dropdown);
    await dropdown.locator('.ant-select-item-option', { hasText: '胡教授' }).click();
    await official.page.getByTestId('assign-reviewer').click();
    await detail.getByTestId('assigned-reviewer').filter({ hasText: '胡教授' }).waitFor();
    await step(official.page, 'start_review');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 20_000 }).toBe('in_review');

    const reviewer = await openPage(browser, server.url, 390);
    await signIn(reviewer.page, demoAccount(server, 'reviewer'));
    await reviewer.page.goto('/recognition/reviews');
    const task = reviewer.page.getByTestId('review-task').filter({ hasText: EMPLOYER });
    await task.waitFor();
    await task.getByText('博士学位证书.pdf').waitFor();
    await task.getByTestId('score-input').fill('88');
    await task.getByTestId('comment-input').fill('业绩突出，材料齐全，建议认定。');
    await task.getByTestId('score-submit').click();
    await task.getByTestId('scored').waitFor();
    expect(await horizontalOverflow(reviewer.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(reviewer.page)));

    detail = await openApplication(official.page);
    await step(official.page, 'recognise', '经专家评审，符合E类认定条件。');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 20_000 }).toBe('recognised');
    await official.page.screenshot({ path: screenshotPath('recognition-manage-1280'), fullPage: true });

    await talent.page.reload();
    await talent.page.getByRole('tab', { name: '我的待遇' }).click();
    const benefits = talent.page.getByTestId('my-benefit');
    await expect.poll(() => benefits.count(), { timeout: 20_000 }).toBe(3);
    expect(await talent.page.getByTestId('my-benefit').evaluateAll((els) => els.map((e) => e.getAttribute('data-benefit')).sort())).toEqual([
      'housing',
      'position_allowance',
      'transport_tourism',
    ]);
    await talent.page.getByText('安居').first().waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('recognition-benefits-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));
    expect(violations).toEqual([]);
    await Promise.all([talent.context.close(), official.context.close(), reviewer.context.close()]);
  });

  it('认定配置: the province changes a time limit; a city official sees the categories read-only', async () => {
    const openSettings = async (page: Page) => {
      await page.goto('/manage/recognition');
      await page.getByRole('heading', { level: 1, name: '人才认定办理' }).waitFor();
      const tab = page.getByRole('tab', { name: '认定配置' });
      if (!(await tab.isVisible())) {
        await page.locator('.ant-tabs-nav-more').first().click(); // phone: the tab sits in the overflow menu
        const menu = page.locator('.ant-tabs-dropdown:visible');
        await motionDone(menu);
        await menu.getByText('认定配置', { exact: true }).click();
      } else await tab.click();
      const category = page.locator('[data-testid=settings-category][data-code=A]');
      await category.waitFor();
      return category;
    };
    const province = await openPage(browser, server.url, 1280);
    await signIn(province.page, demoAccount(server, 'official.province'));
    let category = await openSettings(province.page);
    const before = Number.parseInt((await category.getByTestId('category-limit').textContent()) ?? '', 10);
    const after = before === 30 ? 31 : 30;
    await category.getByTestId('category-edit').click();
    await category.getByTestId('limit-input').fill(String(after));
    await category.getByTestId('category-save').click();
    await category
      .getByTestId('category-limit')
      .filter({ hasText: `${after} 个工作日` })
      .waitFor();
    await province.page.reload();
    category = await openSettings(province.page);
    expect(await category.getByTestId('category-limit').textContent()).toBe(`${after} 个工作日`);
    // the reviewer pool: the expert is picked by name, no account id to type
    const pool = province.page.getByTestId('settings-reviewers');
    await pool.getByLabel('专家账号').click();
    await province.page.keyboard.type('胡教授');
    const option = province.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '胡教授' }).first();
    await option.waitFor();
    await option.click();
    await pool.getByLabel('工作单位').fill('南昌大学信息工程学院');
    await pool.getByLabel('专业领域').fill('人工智能、大数据');
    await pool.getByRole('button', { name: /保\s*存/ }).click();
    await pool.getByText('南昌大学信息工程学院 · 人工智能、大数据').waitFor();
    await province.context.close();

    const city = await openPage(browser, server.url, 390);
    await signIn(city.page, demoAccount(server, 'official.ganzhou'));
    category = await openSettings(city.page);
    expect(await category.getByTestId('category-limit').textContent()).toBe(`${after} 个工作日`);
    await city.page.getByText('认定类别由省级人社部门统一配置，此处只读。').waitFor();
    expect(await city.page.getByTestId('category-edit').count()).toBe(0);
    expect(await city.page.getByTestId('settings-supervisor').getByRole('button').count()).toBe(0);
    expect(await horizontalOverflow(city.page)).toBeLessThanOrEqual(0);
    await city.page.screenshot({ path: screenshotPath('recognition-settings-390'), fullPage: true });
    await city.context.close();
  });
});
