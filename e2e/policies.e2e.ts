/**
 * Journey (免申即享 to paid): the demo talent, on a phone, finds a prefilled subsidy claim waiting and
 * confirms it with the payee account only; the 赣州 official (desktop) takes it, puts it on 公示 (the public
 * list shows the name masked), approves it once the working days have passed (the server clock moves on),
 * puts it in a payment batch and marks it paid; the talent sees it paid.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';

const DAY = 86_400_000;
let offset = 0;
/** Real time plus an offset: TOTP steps and session timers keep running, and days can be skipped. */
const clock = { now: () => new Date(Date.now() + offset) };

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer({ clock }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in through the login page with a TOTP code for the server's (moved) clock. */
async function signInAtServerTime(page: Page, account: Account) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (account.totpSecret) {
    const code = new TOTP({ secret: Secret.fromBase32(account.totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
      timestamp: clock.now().getTime(),
    });
    await page.getByLabel('动态验证码').fill(code);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Switches the review queue's status filter (the visible antd option, not the hidden accessible list). */
async function showStatus(page: Page, label: string) {
  await page.getByLabel('状态').click();
  await motionDone(page.locator('.ant-select-dropdown:visible'));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

async function claimStatus(page: Page, id: string): Promise<string | null> {
  const card = page.locator(`[data-testid="review-claim"][data-id="${id}"]`);
  return (await card.count()) ? card.getAttribute('data-status') : null;
}

describe('policy subsidy journey', () => {
  it('talent confirms a prefilled claim; official reviews, 公示, approves, batches and pays; talent sees it paid', async () => {
    const talentAccount = demoAccount(server, 'talent.ganzhou');
    const officialAccount = demoAccount(server, 'official.ganzhou');

    // the talent, on a phone: a prefilled claim is waiting
    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, talentAccount);
    await talent.page.goto('/policies/mine');
    await talent.page.getByRole('heading', { level: 1, name: '我的政策与补贴' }).waitFor();
    const prefilled = talent.page.locator('[data-testid="my-claim"][data-status="prefilled"]').first();
    await prefilled.waitFor();
    const policyCode = await prefilled.getAttribute('data-policy');
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('policies-prefilled-390'), fullPage: true });
    await prefilled.getByLabel('开户银行').fill('赣州银行章贡支行');
    await prefilled.getByLabel('银行账号').fill('6223 6811 0000 1234 567');
    await prefilled.getByRole('button', { name: '确认申领' }).click();
    const mine = talent.page.locator(`[data-testid="my-claim"][data-policy="${policyCode}"]`).first();
    await expect.poll(() => mine.getAttribute('data-status')).toBe('submitted');
    await expect.poll(() => mine.textContent()).toContain('**** 4567');
    // the eligibility tab explains every policy, including the ones that do not apply yet
    await talent.page.getByRole('tab', { name: '我的政策资格' }).click();
    await talent.page.locator('[data-testid="eligibility-item"]').first().waitFor();

    // the official, on a desktop: take the claim, put it on 公示
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, officialAccount);
    await official.page.goto('/manage/policy-claims');
    await official.page.getByRole('heading', { level: 1, name: '补贴审核' }).waitFor();
    const card = official.page.locator('[data-testid="review-claim"][data-status="submitted"]').filter({ hasText: '刘晓琳' }).first();
    await card.waitFor();
    const id = String(await card.getAttribute('data-id'));
    await card.getByRole('button', { name: /认\s*领/ }).click();
    const byId = official.page.locator(`[data-testid="review-claim"][data-id="${id}"]`);
    // the queue shows submitted claims: after 认领 switch to 审核中
    await showStatus(official.page, '审核中');
    await byId.getByRole('button', { name: '进入公示' }).click();
    await showStatus(official.page, '公示中');
    await byId.waitFor();
    expect(await claimStatus(official.page, id)).toBe('public_notice');
    await official.page.screenshot({ path: screenshotPath('policies-review-1280'), fullPage: true });

    // the public 公示 list, no account: the name is masked
    const visitor = await openPage(browser, server.url, 390);
    await visitor.page.goto('/policies/notices');
    const notices = visitor.page.getByTestId('notices');
    await notices.getByText('刘**').first().waitFor();
    expect(await notices.textContent()).not.toContain('刘晓琳');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    // the public catalogue and a policy with its plain-language explanation and conditions, on a phone
    await visitor.page.goto('/policies');
    await visitor.page.getByTestId('policy-card').getByRole('link', { name: '失业保险技能提升补贴' }).click();
    await visitor.page.getByTestId('policy-explanation').waitFor();
    expect(await visitor.page.getByTestId('policy-conditions').first().textContent()).toContain('失业保险累计缴费月数不少于12个月');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    await visitor.page.screenshot({ path: screenshotPath('policies-detail-390'), fullPage: true });

    // too early: 公示 still runs
    await byId.getByRole('button', { name: '审批通过' }).click();
    await official.page.getByRole('alert').filter({ hasText: '公示期' }).waitFor();

    // ten days later (at least five working days), approve
    offset += 10 * DAY;
    await signInAtServerTime(official.page, officialAccount);
    await official.page.goto('/manage/policy-claims');
    await showStatus(official.page, '公示中');
    await byId.getByRole('button', { name: '审批通过' }).click();
    await showStatus(official.page, '已审批');
    await byId.waitFor();

    // payment batch, then the line is marked paid
    await official.page.goto('/manage/payment-batches');
    await official.page.getByTestId('create-batch').click();
    const paid = official.page.getByTestId('mark-paid').first();
    await paid.waitFor();
    await official.page.screenshot({ path: screenshotPath('policies-batch-1280'), fullPage: true });
    await paid.click();
    await official.page.locator('[data-testid="batch"][data-status="closed"]').first().waitFor();

    // the talent sees it paid
    await signInAtServerTime(talent.page, talentAccount);
    await talent.page.goto('/policies/mine');
    await expect.poll(() => talent.page.locator(`[data-testid="my-claim"][data-policy="${policyCode}"]`).first().getAttribute('data-status')).toBe('paid');
    await talent.page.screenshot({ path: screenshotPath('policies-paid-390'), fullPage: true });
    await Promise.all([talent.context.close(), official.context.close(), visitor.context.close()]);
  }, 240_000);
});
