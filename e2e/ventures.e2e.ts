/**
 * 助创业 journey on the seeded data: the demo investor sees talent.ganzhou's published project among its
 * matches with true reasons and asks for an introduction; the contact stays locked; the talent consents on a
 * phone (390 px); the investor then sees the name and mobile. The public project list works at 390 px (axe: no
 * serious or critical WCAG 2.1 AA violation).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { seriousViolations } from './axe.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';

const PROJECT = '脐橙果园智能分拣视觉系统（演示）';

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('助创业 journey', () => {
  it('investor requests an introduction, the talent consents, then the investor sees the contact', async () => {
    const investor = await openPage(browser, server.url, 1280);
    await signIn(investor.page, demoAccount(server, 'investor.nanchang'));
    await investor.page.goto('/ventures/invest');
    await investor.page.getByRole('heading', { level: 1, name: '产融对接' }).waitFor();
    const card = investor.page.getByTestId('venture-card').filter({ hasText: PROJECT });
    await card.waitFor();
    await expect.poll(() => card.getByTestId('match').textContent()).toContain('领域匹配：人工智能');
    expect(await card.textContent()).toContain('融资需求 300 万元 在单笔区间 100 万元 – 500 万元 内');
    await card.getByRole('button', { name: '请求对接' }).click();
    await card.getByRole('button', { name: '请求对接' }).click();
    await card.getByText('待答复').waitFor();

    const sent = await callApi(investor.page, 'GET', '/api/ventures/introductions/sent');
    const intro = (sent.json.items as { id: string; projectName: string }[]).find((i) => i.projectName === PROJECT);
    if (!intro) throw new Error('no introduction');
    const locked = await callApi(investor.page, 'POST', `/api/ventures/introductions/${intro.id}/contact`, {});
    expect(locked.status).toBe(409);
    expect(locked.json.code).toBe('VENTURES_CONTACT_LOCKED');
    expect(await investor.page.locator('main').textContent()).not.toContain('13907971234');

    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, demoAccount(server, 'talent.ganzhou'));
    await talent.page.goto('/ventures/mine');
    await talent.page.getByRole('tab', { name: '对接请求' }).click();
    const request = talent.page.getByTestId('introduction-received').filter({ hasText: PROJECT });
    await request.getByRole('button', { name: /^同意对接/ }).click();
    await request.getByText('已同意').waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('ventures-inbox-390'), fullPage: true });

    await investor.page.reload();
    const mine = investor.page.getByTestId('introduction-sent').filter({ hasText: PROJECT });
    await mine.getByRole('button', { name: '查看联系方式' }).click();
    const contact = mine.getByTestId('venture-contact');
    await contact.waitFor();
    expect(await contact.textContent()).toContain('刘晓琳');
    expect(await contact.textContent()).toContain('13907971234');
    await investor.page.screenshot({ path: screenshotPath('ventures-invest-1280'), fullPage: true });

    const visitor = await openPage(browser, server.url, 390);
    await visitor.page.goto('/ventures');
    await visitor.page.getByTestId('venture-card').filter({ hasText: PROJECT }).waitFor();
    const text = (await visitor.page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('刘晓琳');
    expect(text).not.toContain('13907971234');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    await visitor.page.screenshot({ path: screenshotPath('ventures-public-390'), fullPage: true });
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await visitor.page.getByRole('tab', { name: '孵化载体' }).click();
    await visitor.page.getByTestId('carrier-card').first().waitFor();
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
  });
});
