/**
 * Journey 4: five wrong passwords lock the name; the page says until when (local time), and even
 * the right password is refused while the lock lasts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshotPath } from './browser.js';
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

/** Submits the login form and returns the HTTP status of the answer. */
async function submit(page: Page, password: string): Promise<number> {
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return (await answer).status();
}

describe('login lockout', () => {
  it('shows the lock and its end time after five wrong passwords', async () => {
    const talent = server.demo.accounts['talent.ganzhou'] ?? server.demo.accounts.talent;
    if (!talent) throw new Error('the ci seed has no talent account');
    const { context, page } = await openPage(browser, server.url, 375);
    await page.goto('/login');
    await page.getByLabel('用户名', { exact: true }).fill(talent.username);
    const error = page.getByTestId('login-error');
    for (let i = 1; i <= 4; i++) {
      expect(await submit(page, `Wrong#pass${i}`)).toBe(401);
      await expect.poll(() => error.textContent()).toBe('用户名或密码错误');
    }
    expect(await submit(page, 'Wrong#pass5')).toBe(423);
    await expect.poll(() => error.textContent()).toMatch(/^登录失败次数过多，账号已临时锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 后再试$/);

    expect(await submit(page, talent.password)).toBe(423);
    await expect.poll(() => error.textContent()).toContain('账号已临时锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: screenshotPath('login-locked-375'), fullPage: true });
    await context.close();
  });
});
