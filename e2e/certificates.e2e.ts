/**
 * Journey: the evaluation body adds the demo talent (a graduate of the 人工智能训练师 五级 class) to the
 * open session, closes it, enters scores, publishes and issues her certificate; the talent sees it with
 * its QR code and on her profile; the public verify page (phone width, no account) says valid, a
 * one-character change says the number is invalid, and after the body revokes it the page says revoked.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, motionDone, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';
import { seriousViolations as axe } from './axe.js';

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

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('certificate journey', () => {
  it('evaluator issues, public page says valid, a changed number invalid, and revoked after revocation', async () => {
    const evaluator = await openPage(browser, server.url, 1280);
    await signIn(evaluator.page, demoAccount(server, 'evaluator.nanchang'));
    const ev = evaluator.page;
    await ev.goto('/evaluation');
    await ev.getByRole('heading', { level: 1, name: '评价与发证' }).waitFor();
    const plan = ev.getByTestId('plan').filter({ hasText: '人工智能训练师（五级/初级工）职业技能等级认定' });
    await plan.getByTestId('plan-session').filter({ hasText: '报名中' }).getByRole('link', { name: '管理' }).click();
    await ev.waitForURL(/\/evaluation\/sessions\/[0-9a-f-]{36}$/);
    await ev.getByRole('checkbox', { name: /刘晓琳/ }).check();
    await ev.getByRole('button', { name: '加入所选学员' }).click();
    await ev.getByTestId('candidates').getByText('刘晓琳').waitFor();
    await ev.getByTestId('session-close').click();
    await ev.getByText('已截止报名').first().waitFor();
    await ev.getByLabel('刘晓琳 理论').fill('86');
    await ev.getByLabel('刘晓琳 实操').fill('79.5');
    await ev.getByTestId('save-results').click();
    await ev.getByText('合格', { exact: true }).waitFor();
    await ev.getByTestId('session-publish_results').click();
    await ev.getByText('成绩已公布').first().waitFor();
    await ev.getByTestId('session-issue').click();
    await ev.getByRole('button', { name: /提\s*交/ }).click();
    const numberCell = ev.getByTestId('candidates').locator('.cert-number');
    await numberCell.waitFor();
    const number = (await numberCell.textContent())?.trim() ?? '';
    expect(number).toMatch(/^GC\d{4}[0-9A-Z]{9}$/);
    await ev.screenshot({ path: screenshotPath('certificates-session-1280'), fullPage: true });
    const violations = await axe(ev);

    // the talent sees it with its QR code, and on the profile as verified
    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, demoAccount(server, 'talent.ganzhou'));
    await talent.page.goto('/certificates/mine');
    const card = talent.page.locator(`[data-testid="my-certificate"][data-number="${number}"]`);
    await card.waitFor();
    await expect(card.getByRole('img', { name: /查验二维码/ }).isVisible()).resolves.toBe(true);
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('certificates-mine-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));
    await talent.page.goto('/profile');
    await talent.page.getByTestId('verified-certificate').filter({ hasText: '人工智能训练师' }).waitFor();

    // anyone, on a phone, no account
    const visitor = await openPage(browser, server.url, 390);
    const pub = visitor.page;
    await pub.goto('/verify');
    await pub.getByTestId('verify-input').fill(number);
    await pub.getByTestId('verify-submit').click();
    const result = pub.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('valid');
    await pub.getByText('证书有效').waitFor();
    await pub.getByText('刘*琳').waitFor();
    expect(await horizontalOverflow(pub)).toBeLessThanOrEqual(0);
    await pub.screenshot({ path: screenshotPath('certificates-verify-valid-390'), fullPage: true });
    violations.push(...(await axe(pub)));

    const i = 9;
    const changed = number.slice(0, i) + ALPHABET[(ALPHABET.indexOf(number[i] as string) + 1) % ALPHABET.length] + number.slice(i + 1);
    await pub.goto(`/verify/${changed}`);
    await pub.getByTestId('verify-result').waitFor();
    expect(await pub.getByTestId('verify-result').getAttribute('data-result')).toBe('check_failed');
    await pub.getByText('证书编号无效').waitFor();

    // the body revokes it with a reason
    await ev.goto('/evaluation');
    await ev.getByRole('tab', { name: '已发证书' }).click();
    const display = `${number.slice(0, 2)}-${number.slice(2, 6)}-${number.slice(6, 10)}-${number.slice(10, 14)}-${number.slice(14)}`;
    await ev.getByRole('button', { name: `撤销证书 ${display}`, exact: true }).click();
    await motionDone(ev.locator('.ant-modal').last());
    await ev.getByTestId('revoke-reason').fill('考生提供的培训结业材料不实，证书予以撤销');
    await ev.getByTestId('revoke-confirm').click();
    // the revocation has landed once the public API says so (the page's toast is gone after 3 s)
    await expect
      .poll(async () => (await ev.evaluate(async (n) => (await (await fetch(`/api/certificates/verify/${n}`)).json()).result, number)) as string, {
        timeout: 30_000,
        interval: 1_000, // the verify API is rate-limited per address
      })
      .toBe('revoked');

    await pub.goto(`/verify/${number}`);
    await pub.getByTestId('verify-result').waitFor();
    expect(await pub.getByTestId('verify-result').getAttribute('data-result')).toBe('revoked');
    await pub.getByText('证书已撤销，不再有效').waitFor();
    await pub
      .getByText(/考生提供的培训结业材料不实/)
      .first()
      .waitFor();
    await pub.screenshot({ path: screenshotPath('certificates-verify-revoked-390'), fullPage: true });

    expect(violations).toEqual([]);
    await Promise.all([evaluator.context.close(), talent.context.close(), visitor.context.close()]);
  });
});
