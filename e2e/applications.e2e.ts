/**
 * Journey 8: a talent fills in the profile, applies to a live posting at 375 px; the employer invites,
 * offers and hires on 收到的投递; the talent sees 已录用 under 我的投递. axe finds no serious or critical
 * violation on /profile, /applications and /employer/applications.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { violationsOnPages } from './axe.js';
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

const TITLE = `数据标注质检员（投递${Date.now() % 10_000}）`;

const account = (username: string) => demoAccount(server, username);

async function publishJob(employer: Page, official: Page): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const created = await callApi(employer, 'POST', '/api/jobs', {
    title: TITLE,
    description: '负责图像与文本数据的标注、质检和交付，男女不限。',
    occupationCode: '4-04-05-05',
    regionCode: '360702',
    salaryMinFen: 500_000,
    salaryMaxFen: 700_000,
    validFrom: today,
    validUntil: '2099-12-31',
  });
  expect(created.status).toBe(201);
  const id = String(created.json.id);
  expect((await callApi(employer, 'POST', `/api/jobs/${id}/transitions/submit`, { confirmNotDuplicate: true })).status).toBe(200);
  expect((await callApi(official, 'POST', `/api/jobs/${id}/transitions/approve`, { reason: '端到端测试' })).status).toBe(200);
  return id;
}

async function talentApplies(page: Page, jobId: string) {
  await page.goto('/profile');
  await page.getByRole('heading', { level: 1, name: '求职者档案' }).waitFor();
  await page.getByTestId('profile-education').getByRole('button', { name: /删除/ }).first().click();
  await page.getByText('已认证的用人单位', { exact: true }).click();
  await page.getByTestId('profile-save').click();
  await page.getByText('档案已保存').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('profile-375'), fullPage: true });

  await page.goto(`/jobs/${jobId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByTestId('apply-button').click();
  await motionDone(page.locator('.ant-modal'));
  await page.getByLabel('给用人单位的话（可选）').fill('我有两年数据标注经验。');
  await page.getByTestId('apply-confirm').click();
  await page.getByTestId('apply-done').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}

async function employerHires(page: Page, jobId: string) {
  await page.goto(`/employer/applications?jobId=${jobId}`);
  await page.getByRole('heading', { level: 1, name: '收到的投递' }).waitFor();
  const row = page.getByTestId('received-applications').locator('tbody tr', { hasText: TITLE }).first();
  await row.getByText('已投递').waitFor();
  expect(await row.getByTestId('applicant-name').textContent()).toMatch(/^.\*+$/);
  for (const [action, status] of [
    ['interview', '邀请面试'],
    ['offer', '拟录用'],
    ['hire', '已录用'],
  ] as const) {
    await row.getByTestId(`application-action-${action}`).click();
    await motionDone(page.locator('.ant-modal'));
    await page.getByTestId('application-transition-confirm').click();
    await row.locator('.ant-tag', { hasText: status }).waitFor();
  }
  await page.screenshot({ path: screenshotPath('applications-received-1280'), fullPage: true });
}

describe('applications', () => {
  it('talent applies, employer hires, talent sees 已录用', async () => {
    const employer = await openPage(browser, server.url, 1280);
    await signIn(employer.page, account('employer.ganzhou'));
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, account('official.ganzhou'));
    const jobId = await publishJob(employer.page, official.page);
    await official.context.close();

    const talent = await openPage(browser, server.url, 375);
    await signIn(talent.page, account('talent.ganzhou'));
    await talentApplies(talent.page, jobId);

    await employerHires(employer.page, jobId);
    expect(await violationsOnPages(employer.page, ['/employer/applications'])).toEqual([]);
    await employer.context.close();

    await talent.page.goto('/applications');
    const card = talent.page.getByTestId('my-application').filter({ hasText: TITLE });
    await card.locator('.ant-tag', { hasText: '已录用' }).waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('applications-mine-375'), fullPage: true });
    expect(await violationsOnPages(talent.page, ['/applications', '/profile'])).toEqual([]);
    await talent.context.close();
  });
});
