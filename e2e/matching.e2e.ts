/**
 * Matching journey: an employer publishes a job; a talent who opened the profile sees it under 为你推荐 at
 * 390 px with its score, reasons and skill-gap panel; the employer sees the talent (name masked) under
 * 推荐人才 with an invite button; the job page shows similar jobs. axe finds no serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, clickNav, horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';
import { seriousViolations as axeViolations } from './axe.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TITLE = `数据治理工程师（匹配${Date.now() % 10_000}）`;

const account = (username: string) => demoAccount(server, username);

/** Reloads until the locator shows (the index picks up changes within its 15 s poll). */
async function eventually(page: Page, path: string, text: string) {
  for (let i = 0; i < 12; i++) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    if ((await page.getByText(text).count()) > 0) return;
    await page.waitForTimeout(5000);
  }
  throw new Error(`${text} never appeared on ${path}`);
}

describe('matching', () => {
  it('recommends the job to the talent and the talent to the employer, with reasons', async () => {
    const employer = await openPage(browser, server.url, 1280);
    await signIn(employer.page, account('employer.ganzhou'));
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, account('official.ganzhou'));
    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, account('talent.ganzhou'));

    const saved = await callApi(talent.page, 'PUT', '/api/profiles/me', {
      skills: [{ name: 'Python', level: 'proficient' }, { name: '数据治理' }],
      desiredOccupations: ['2-02-30-09'],
      desiredCities: ['360700'],
      desiredSalaryMinFen: 600_000,
      visibility: 'employers',
    });
    expect(saved.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const created = await callApi(employer.page, 'POST', '/api/jobs', {
      title: TITLE,
      description: '负责数据资产盘点、数据质量治理与数据标准落地。',
      occupationCode: '2-02-30-09',
      regionCode: '360702',
      requiredSkills: [{ name: 'Python', level: 'proficient' }, { name: 'SQL' }],
      preferredSkills: [{ name: '数据治理' }],
      salaryMinFen: 800_000,
      salaryMaxFen: 1_200_000,
      validFrom: today,
      validUntil: '2099-12-31',
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await callApi(employer.page, 'POST', `/api/jobs/${id}/transitions/submit`, { confirmNotDuplicate: true })).status).toBe(200);
    expect((await callApi(official.page, 'POST', `/api/jobs/${id}/transitions/approve`, { reason: '端到端测试' })).status).toBe(200);
    await official.context.close();

    // talent: 为你推荐 at 390 px
    await eventually(talent.page, '/recommended-jobs', TITLE);
    const card = talent.page.getByTestId('match-card').filter({ hasText: TITLE }).first();
    await card.getByText('已具备：Python（熟练）').waitFor();
    await card.getByText(/缺少：SQL/).waitFor();
    await card.getByRole('button', { name: '技能差距' }).click();
    await card.locator('.gap-panel').getByText('SQL', { exact: true }).waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('matching-jobs-390'), fullPage: true });
    expect(await axeViolations(talent.page)).toEqual([]);
    await talent.context.close();

    // employer: 推荐人才
    await eventually(employer.page, `/employer/recommended-talents?jobId=${id}`, '已具备：Python');
    const talentCard = employer.page.getByTestId('talent-match-card').filter({ hasText: '已具备：Python' }).first();
    expect(await talentCard.locator('.match-card-title').textContent()).toMatch(/^.\*+$/);
    await talentCard.getByRole('button', { name: '邀请沟通' }).click();
    await motionDone(employer.page.locator('.ant-modal'));
    await employer.page.getByLabel('邀请留言').waitFor();
    await employer.page.keyboard.press('Escape');
    await employer.page.screenshot({ path: screenshotPath('matching-talents-1280'), fullPage: true });
    expect(await axeViolations(employer.page)).toEqual([]);
    await employer.context.close();
  });

  it('shows an official the skills in demand and in short supply in the own region', async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await openPage(browser, server.url, width);
      await signIn(page, account('official.ganzhou'));
      if (width === 1280) await clickNav(page, '匹配统计', '统计分析');
      else await page.goto('/manage/matching');
      await page.getByRole('heading', { level: 1, name: '匹配统计' }).waitFor();
      await page.getByTestId('stats-demanded').locator('tbody tr.ant-table-row').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
