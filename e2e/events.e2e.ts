/**
 * Journey: an official creates a recruitment event through the form and publishes it; a talent on a
 * phone-width screen finds it, registers and sees the ticket QR code; the official checks the typed
 * code in on the check-in page, and a second check-in answers "already checked in". Then a 数字素养活动: the
 * talent registers from /literacy, the official records the walk-in headcount and finishes it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { type E2eServer, startE2eServer } from './server.js';
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

const MINUTE = 60_000;
/** `YYYY-MM-DD HH:mm` in China time (the browser context runs in Asia/Shanghai). */
const chinaText = (ms: number) => new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 16).replace('T', ' ');

async function typeDate(page: Page, input: ReturnType<Page['locator']>, text: string) {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.waitForTimeout(150);
}

describe('recruitment event journey', () => {
  it('official creates and publishes, talent registers and gets a QR ticket, official checks the code in', async () => {
    const officialAccount = server.demo.accounts['official.ganzhou'];
    const talentAccount = server.demo.accounts['talent.ganzhou'];
    if (!officialAccount?.totpSecret || !talentAccount) throw new Error('demo accounts missing');
    const title = `章贡区数字技能专场招聘会${Date.now() % 10_000}`;

    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, officialAccount);
    await official.page.goto('/manage/events');
    await official.page.getByRole('heading', { level: 1, name: '活动管理' }).waitFor();
    await official.page.getByTestId('event-create').click();
    await official.page.getByRole('heading', { level: 1, name: '新建活动' }).waitFor();
    const form = official.page.getByTestId('event-form');
    await form.getByLabel('活动名称').fill(title);
    await form.getByLabel('主办单位').fill('赣州市人力资源和社会保障局');
    await form.getByLabel('现场地点').fill('赣州市人力资源市场一楼招聘大厅');
    const now = Date.now();
    const range = form.locator('.ant-picker-range input');
    await typeDate(official.page, range.nth(0), chinaText(now + 60 * MINUTE));
    await typeDate(official.page, range.nth(1), chinaText(now + 6 * 60 * MINUTE));
    await typeDate(official.page, form.getByLabel('报名截止时间'), chinaText(now + 30 * MINUTE));
    await form.getByLabel('人才名额').fill('50');
    await form.getByLabel('活动介绍').fill('面向软件开发、数据分析等数字岗位的专场招聘会，凭二维码签到入场。');
    await official.page.getByTestId('event-save').click();
    await official.page.waitForURL(/\/manage\/events\/[0-9a-f-]{36}$/);
    const eventId = official.page.url().split('/').pop() as string;
    await official.page.getByTestId('event-action-publish').click();
    await official.page.getByText('报名中').first().waitFor();
    await official.page.screenshot({ path: screenshotPath('events-manage-1280'), fullPage: true });
    const violations = await axe(official.page);

    const talent = await openPage(browser, server.url, 390);
    await talent.page.goto('/events?city=360700');
    await talent.page.getByRole('link', { name: title }).click();
    await talent.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await talent.page.getByText('登录个人账号后报名').waitFor();
    await signIn(talent.page, talentAccount);
    await talent.page.goto(`/events/${eventId}`);
    await talent.page.getByTestId('event-register').click();
    await talent.page.getByText('报名成功，请凭下方二维码签到入场').waitFor();
    const qr = talent.page.getByTestId('ticket-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const code = ((await talent.page.getByTestId('ticket-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('events-ticket-390'), fullPage: true });
    violations.push(...(await axe(talent.page)));
    await talent.page.goto('/events/mine');
    await talent.page.getByTestId('my-event').filter({ hasText: title }).getByTestId('ticket-qr').waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(talent.page)));
    await talent.page.goto('/events');
    await talent.page.getByTestId('event-card').first().waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(talent.page)));

    // staff at the door use a phone
    await official.page.setViewportSize({ width: 390, height: 800 });
    await official.page.goto(`/manage/events/${eventId}/check-in`);
    await official.page.getByRole('heading', { level: 1, name: '现场签到' }).waitFor();
    expect(await horizontalOverflow(official.page)).toBeLessThanOrEqual(0);
    await official.page.getByTestId('checkin-code').fill(code.toLowerCase());
    await official.page.getByTestId('checkin-submit').click();
    await official.page
      .getByTestId('checkin-result')
      .getByText(/签到成功/)
      .waitFor();
    await official.page.getByTestId('checkin-counts').getByText('已签到 1 / 已报名 1').waitFor();
    await official.page.getByTestId('checkin-code').fill(code);
    await official.page.getByTestId('checkin-submit').click();
    await official.page
      .getByTestId('checkin-result')
      .getByText(/已于 .* 签到，无需重复签到/)
      .waitFor();
    await official.page.getByTestId('checkin-code').fill('ZZZZ-ZZZZ');
    await official.page.getByTestId('checkin-submit').click();
    await official.page.getByTestId('checkin-result').getByText('无效的入场凭证，请核对二维码或签到码').waitFor();
    await official.page.screenshot({ path: screenshotPath('events-checkin-390'), fullPage: true });
    violations.push(...(await axe(official.page)));
    await official.page.goto('/manage/events');
    await official.page.getByTestId('manage-events').locator('tbody tr').first().waitFor();
    expect(await horizontalOverflow(official.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(official.page)));
    expect(violations).toEqual([]);

    await talent.page.goto('/events/mine');
    await talent.page
      .getByTestId('my-event')
      .filter({ hasText: title })
      .getByText(/已于 .* 签到/)
      .waitFor();
    await official.context.close();
    await talent.context.close();
  });

  it('digital-literacy activity: a talent registers from 数字素养活动, the official records walk-ins and finishes', async () => {
    const officialAccount = server.demo.accounts['official.ganzhou'];
    const talentAccount = server.demo.accounts['talent.ganzhou'];
    if (!officialAccount?.totpSecret || !talentAccount) throw new Error('demo accounts missing');
    const title = `于都县农民数字素养夜校${Date.now() % 10_000}`;
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, officialAccount);
    const now = Date.now();
    const created = await callApi(official.page, 'POST', '/api/events', {
      title,
      kind: 'literacy_rural',
      organiser: '于都县人力资源和社会保障局',
      regionCode: '360731',
      venue: '于都县贡江镇党群服务中心',
      onlineUrl: null,
      startsAt: new Date(now + 30 * MINUTE).toISOString(),
      endsAt: new Date(now + 4 * 60 * MINUTE).toISOString(),
      registrationDeadline: new Date(now + 20 * MINUTE).toISOString(),
      capacity: 60,
      description: '讲解手机直播带货和防范电信网络诈骗，凭二维码签到，未报名群众现场登记。',
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect((await callApi(official.page, 'POST', `/api/events/${id}/transitions/publish`, {})).status).toBe(200);

    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, talentAccount);
    await talent.page.goto('/literacy');
    await talent.page.getByRole('heading', { level: 1, name: '数字素养活动' }).waitFor();
    await talent.page.getByRole('link', { name: title }).click();
    await talent.page.getByTestId('event-register').click();
    const code = ((await talent.page.getByTestId('ticket-code').textContent()) ?? '').trim();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    expect((await callApi(official.page, 'POST', `/api/events/${id}/check-in`, { code })).status).toBe(200);

    await official.page.goto(`/manage/events/${id}`);
    const card = official.page.getByTestId('literacy-attendance');
    await card.getByLabel('现场登记人数').fill('12');
    await card.getByTestId('literacy-headcount-save').click();
    await card.getByTestId('literacy-attended').getByText('13').waitFor();
    await official.page.getByTestId('event-action-finish').click();
    await card.getByText('活动结束后参与人次不再变化', { exact: false }).waitFor();
    await official.page.screenshot({ path: screenshotPath('events-literacy-1280'), fullPage: true });
    await official.context.close();
    await talent.context.close();
  });
});
