/**
 * Bulk import (批量导入): the 赣州 official downloads the template, uploads a job-seeker CSV with two
 * bad rows, follows the progress, reads the counts and Chinese reasons, downloads the rejected rows
 * (with 错误原因), and imports the same file again: nothing new, all "未变化". The page at 375 px has
 * no horizontal overflow and no serious axe violation; a verified employer sees only postings.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIdNumber, TALENT_HEADER, talentRow, toCsv } from '../src/server/modules/imports/imports.fixtures.js';
import { clickNav, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
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

const OFFSET = 700_000 + (Date.now() % 50_000);
const rows = Array.from({ length: 10 }, (_, k) => talentRow(OFFSET + k));
const badId = syntheticIdNumber(OFFSET + 3);
(rows[3] as string[])[1] = badId.slice(0, 17) + (badId[17] === '0' ? '1' : '0');
(rows[7] as string[])[3] = '360102';
const CSV = Buffer.from(toCsv(TALENT_HEADER, rows), 'utf8');

async function upload(page: Page) {
  await page.locator('input[type=file]').setInputFiles({ name: '就业之家求职登记.csv', mimeType: 'text/csv', buffer: CSV });
  await page.getByTestId('start-import').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  return result;
}

describe('bulk import page', () => {
  it('imports a job-seeker file, reports and downloads the rejected rows, and re-imports it unchanged', async () => {
    const official = server.demo.accounts['official.ganzhou'];
    if (!official) throw new Error('no official.ganzhou in the ci seed');
    const { context, page } = await openPage(browser, server.url, 1280);
    try {
      await signIn(page, official);
      await clickNav(page, '批量导入', '业务办理');
      await page.getByRole('heading', { level: 1, name: '批量导入' }).waitFor();
      const template = page.waitForEvent('download');
      await page.getByTestId('template-xlsx').click();
      expect((await template).suggestedFilename()).toBe('求职者导入模板.xlsx');

      const result = await upload(page);
      await expect.poll(() => result.getByTestId('import-count-inserted').textContent()).toBe('8');
      expect(await result.getByTestId('import-count-rejected').textContent()).toBe('2');
      await result.getByText('身份证号校验位错误').first().waitFor();
      await result.getByText('地区不在本人管辖范围内').first().waitFor();
      await page.screenshot({ path: screenshotPath('imports-result-1280'), fullPage: true });

      const download = page.waitForEvent('download');
      await result.getByTestId('download-rejected').click();
      const file = await (await download).path();
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toContain('错误原因');
      expect(lines).toHaveLength(3);
      expect(lines[1]?.startsWith('5,')).toBe(true);

      const again = await upload(page);
      await expect.poll(() => again.getByTestId('import-count-unchanged').textContent()).toBe('8');
      expect(await again.getByTestId('import-count-inserted').textContent()).toBe('0');
      expect(await page.getByTestId('import-history').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  it('fits a phone screen without serious accessibility problems', async () => {
    const official = server.demo.accounts['official.ganzhou'];
    if (!official) throw new Error('no official.ganzhou in the ci seed');
    const { context, page } = await openPage(browser, server.url, 375);
    try {
      await signIn(page, official);
      await page.goto('/imports');
      await page.getByRole('heading', { level: 1, name: '批量导入' }).waitFor();
      await page.getByTestId('import-history').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('imports-375'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows a verified employer postings only', async () => {
    const employer = server.demo.accounts['employer.ganzhou'];
    if (!employer) throw new Error('no employer.ganzhou in the ci seed');
    const { context, page } = await openPage(browser, server.url, 1280);
    try {
      await signIn(page, employer);
      await page.goto('/imports');
      await page.getByRole('heading', { level: 1, name: '批量导入' }).waitFor();
      expect(await page.getByTestId('import-kind').count()).toBe(0);
      expect(await page.getByTestId('template-xlsx').getAttribute('href')).toBe('/api/imports/templates/jobs?format=xlsx');
    } finally {
      await context.close();
    }
  });
});
