/**
 * Job-title classifier in the posting form: an employer types a noisy title, sees the suggested 细类
 * with its score and reasons, adopts it with one click (the picker shows it), then picks one of the other
 * candidates instead; the picker stays editable. At 375 px nothing overflows. The public API answers
 * visitors over real HTTP.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
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

describe('occupation suggestion in the posting form', () => {
  for (const width of [1280, 375]) {
    it(`suggests, adopts and lets the employer change the 细类 at ${width} px`, async () => {
      const employer = server.demo.accounts['employer.ganzhou'];
      if (!employer) throw new Error('no employer.ganzhou in the ci seed');
      const { context, page } = await openPage(browser, server.url, width);
      try {
        await signIn(page, employer);
        await page.goto('/employer/jobs/new');
        await page.getByRole('heading', { level: 1, name: '发布新岗位' }).waitFor();
        await page.getByLabel('岗位名称').fill('赣州某某公司招聘Java开发(8-12K)');

        const top = page.getByTestId('occupation-suggestion-top');
        await top.waitFor();
        expect(await top.getAttribute('data-code')).toBe('2-02-10-03');
        expect(await top.textContent()).toContain('计算机软件工程技术人员（2-02-10-03）');
        await page
          .getByTestId('occupation-suggestion')
          .getByText(/依据：.*java/)
          .waitFor();

        await page.getByTestId('occupation-adopt').click();
        const field = page.locator('.ant-form-item', { has: page.getByLabel('职业（细类）', { exact: true }) });
        await field
          .locator('.ant-select-content, .ant-select-selection-item')
          .getByText(/计算机软件工程技术人员/)
          .first()
          .waitFor();
        await page.getByTestId('occupation-suggestion').getByText('已采用').waitFor();
        await page.screenshot({ path: screenshotPath(`classifier-form-${width}`), fullPage: true });

        const other = page.getByTestId('occupation-candidate').first();
        const otherCode = await other.getAttribute('data-code');
        expect(otherCode).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
        const otherName = (await other.textContent()) ?? '';
        await other.click();
        await field.locator('.ant-select-content, .ant-select-selection-item').getByText(otherName).first().waitFor();
        expect(await page.getByTestId('occupation-adopt').count()).toBe(1);

        // a different title → a different suggestion (debounced), nothing changes until a button is pressed
        await page.getByLabel('岗位名称').fill('急招 厨师 包吃住');
        await page.locator('[data-testid="occupation-suggestion-top"][data-code="4-03-02-01"]').waitFor();
        await field.locator('.ant-select-content, .ant-select-selection-item').getByText(otherName).first().waitFor();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it('answers visitors over HTTP', async () => {
    const res = await fetch(`${server.url}/api/occupations/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '南昌 护士 (5-8K)', limit: 3 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { code: string; candidates: unknown[] };
    expect(body.code).toBe('2-05-08-01');
    expect(body.candidates.length).toBeLessThanOrEqual(3);
    const bad = await fetch(`${server.url}/api/occupations/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":""}',
    });
    expect(bad.status).toBe(400);
  });
});
