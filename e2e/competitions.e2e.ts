/**
 * Journey on the seeded 数据要素× contest: the demo reviewer scores blind on a phone (390 px), seeing entry codes
 * only; the official closes the preliminary (top three advance) on the desktop management page; the reviewer
 * scores the final; the results are published and anyone reads them on the public page at 390 px and 1280 px.
 * Then an official creates a 创新创业大赛 through the full creation form (template prefill, weights check).
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
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

/** Fills and submits the blind score sheet of every entry not yet scored by this judge. */
async function scoreAll(page: Page, marks: number[]) {
  const cards = page.getByTestId('judge-entry');
  await cards.first().waitFor();
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const code = (await card.getAttribute('data-code')) as string;
    if ((await card.getAttribute('data-scored')) === 'yes') continue;
    const base = marks[i % marks.length] ?? 80;
    await card.getByLabel(`${code} 创新性`).fill(String(base));
    await card.getByLabel(`${code} 数据价值与应用成效`).fill(String(base + 2));
    await card.getByLabel(`${code} 可行性与可推广性`).fill(String(base - 3));
    await card.getByRole('button', { name: `提交评分 ${code}` }).click();
    await page.locator(`[data-code="${code}"][data-scored="yes"]`).waitFor();
  }
}

describe('competition judging journey', () => {
  it('reviewer scores blind, official ranks and publishes, the public reads the results', async () => {
    const reviewer = await openPage(browser, server.url, 390);
    await signIn(reviewer.page, demoAccount(server, 'reviewer'));
    await reviewer.page.goto('/judging');
    await reviewer.page.getByRole('heading', { level: 1, name: '评审打分' }).waitFor();
    await reviewer.page.getByTestId('judge-entry').first().waitFor();
    const body = (await reviewer.page.locator('main').textContent()) ?? '';
    expect(body).toContain('SJ-001');
    expect(body).not.toContain('赣南脐橙产销数据服务平台');
    expect(await reviewer.page.getByTestId('judge-entry').count()).toBe(5);
    await scoreAll(reviewer.page, [88, 76, 82, 70, 91]);
    expect(await horizontalOverflow(reviewer.page)).toBeLessThanOrEqual(0);
    await reviewer.page.screenshot({ path: screenshotPath('competitions-judging-390'), fullPage: true });

    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.province'));
    const list = await callApi(official.page, 'GET', '/api/competitions/manage');
    const contest = (list.json.items as { id: string; kind: string }[]).find((c) => c.kind === 'data_elements');
    if (!contest) throw new Error('no seeded 数据要素× contest');
    await official.page.goto(`/manage/competitions/${contest.id}`);
    const preliminary = official.page.getByTestId('round-preliminary');
    await preliminary.getByRole('button', { name: '结束本轮并排名' }).click();
    await preliminary.getByTestId('results-preliminary').waitFor();
    expect(await preliminary.getByText('晋级').count()).toBe(3);
    const final = official.page.getByTestId('round-final');
    await final.getByLabel('评审专家用户名').fill('reviewer');
    await final.getByRole('button', { name: '分配评委' }).click();
    await final.getByText('胡教授').waitFor();
    await final.getByRole('button', { name: '开始评分' }).click();
    await final.getByRole('button', { name: '结束本轮并排名' }).waitFor();

    await reviewer.page.reload();
    await reviewer.page.getByText('决赛').first().waitFor();
    expect(await reviewer.page.getByTestId('judge-entry').count()).toBe(3);
    await scoreAll(reviewer.page, [95, 85, 75]);

    await final.getByRole('button', { name: '结束本轮并排名' }).click();
    await final.getByTestId('results-final').waitFor();
    await official.page.getByRole('button', { name: '公布结果' }).click();
    await official.page.getByText('结果已公布').first().waitFor();
    await official.page.screenshot({ path: screenshotPath('competitions-manage-1280'), fullPage: true });

    // the public page, without an account, on a phone and on the desktop
    for (const width of [390, 1280]) {
      const visitor = await openPage(browser, server.url, width);
      await visitor.page.goto(`/competitions/${contest.id}`);
      const results = visitor.page.getByTestId('public-results');
      await results.waitFor();
      await expect.poll(() => results.getByTestId('award').count()).toBe(3);
      expect(await results.getByTestId('award').first().textContent()).toMatch(/^一等奖：.+（SJ-00\d）$/);
      const finalRows = results.getByTestId('results-final').locator('tbody tr.ant-table-row');
      expect(await finalRows.count()).toBe(3);
      expect(await finalRows.first().locator('td').first().textContent()).toBe('1');
      expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
      await visitor.page.screenshot({ path: screenshotPath(`competitions-results-${width}`), fullPage: true });
      await visitor.context.close();
    }
  });

  it('official creates a 创新创业大赛 through the full form: template prefill, weights must add up to 100', async () => {
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.province'));
    await official.page.goto('/manage/competitions');
    await official.page.getByTestId('competition-create').click();
    await official.page.getByRole('heading', { level: 1, name: '新建竞赛' }).waitFor();
    const form = official.page.getByTestId('competition-form');
    await form.getByLabel('竞赛类型').click();
    await official.page.locator('.ant-select-item-option', { hasText: '创新创业大赛' }).click();
    await expect.poll(() => form.getByLabel('行业类别名称 1').inputValue()).toBe('新一代信息技术');
    expect(await form.getByLabel('组别 / 赛道名称 1').inputValue()).toBe('初创组');
    const title = `第十五届中国创新创业大赛（江西赛区）${Date.now() % 10_000}`;
    await form.getByLabel('竞赛名称').fill(title);
    await form.getByLabel('主办单位').fill('江西省科学技术厅');
    const deadline = form.getByLabel('报名截止时间');
    await deadline.click();
    await deadline.fill(new Date(Date.now() + 38 * 86_400_000).toISOString().slice(0, 10).concat(' 17:00'));
    await deadline.press('Enter');
    await form.getByLabel('竞赛说明').fill('大赛设初创组和成长组，按新一代信息技术等行业分赛，经初赛、复赛和决赛评出优胜企业。');
    await form.getByLabel('成立不超过（年） 1').fill('3');
    await form.getByLabel('评分项 1 权重（%）').fill('40');
    await official.page.getByTestId('competition-save').click();
    await form.getByText('评分标准的权重合计须为 100，当前为 110').waitFor();
    await official.page.screenshot({ path: screenshotPath('competitions-form-1280'), fullPage: true });
    await form.getByLabel('评分项 2 权重（%）').fill('20');
    await official.page.getByTestId('competition-save').click();
    await official.page.waitForURL(/\/manage\/competitions\/[0-9a-f-]{36}$/);
    const id = official.page.url().split('/').pop() as string;
    const saved = await callApi(official.page, 'GET', `/api/competitions/${id}/manage`);
    expect(saved.status).toBe(200);
    const c = saved.json;
    expect(c).toMatchObject({ kind: 'innovation', title, status: 'draft' });
    expect((c.groups as { name: string; rule: Record<string, number> }[])[0]).toMatchObject({ name: '初创组', rule: { maxCompanyAgeYears: 3 } });
    expect((c.criteria as { weight: number }[]).map((x) => x.weight)).toEqual([40, 20, 20, 20]);
    // the form at phone width: no sideways scrolling
    await official.page.setViewportSize({ width: 375, height: 800 });
    await official.page.goto('/manage/competitions/new');
    await official.page.getByTestId('form-criteria').waitFor();
    expect(await horizontalOverflow(official.page)).toBeLessThanOrEqual(0);
    await official.page.screenshot({ path: screenshotPath('competitions-form-375'), fullPage: true });
    await official.context.close();
  });
});
