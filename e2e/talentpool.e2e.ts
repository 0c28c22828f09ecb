/**
 * Journey: 人才库. A talent opens the profile to verified employers (and can download the résumé PDF);
 * the employer finds them at phone width by a Chinese keyword (name masked), invites them to a live job;
 * the talent accepts and applies in one click on 收到的邀约; the employer then sees the real name and
 * phone on 发出的邀约. axe finds no serious or critical violation on the three pages.
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

/** A fresh title per attempt (a retry publishes its own posting, so the invite picker never sees two alike). */
let TITLE = '';

const account = (username: string) => demoAccount(server, username);

async function publishJob(employer: Page, official: Page): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const created = await callApi(employer, 'POST', '/api/jobs', {
    title: TITLE,
    description: '负责赣南脐橙产销溯源数据的采集、清洗与分析。',
    occupationCode: '2-02-30-09',
    regionCode: '360702',
    salaryMinFen: 700_000,
    salaryMaxFen: 1_000_000,
    validFrom: today,
    validUntil: '2099-12-31',
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id = String(created.json.id);
  expect((await callApi(employer, 'POST', `/api/jobs/${id}/transitions/submit`, { confirmNotDuplicate: true })).status).toBe(200);
  expect((await callApi(official, 'POST', `/api/jobs/${id}/transitions/approve`, { reason: '端到端测试' })).status).toBe(200);
  return id;
}

async function talentOpensProfile(page: Page) {
  const saved = await callApi(page, 'PUT', '/api/profiles/me', {
    education: [{ educationCode: '21', school: '赣南师范大学', major: '数据科学与大数据技术', graduationYear: 2021 }],
    workHistory: [{ employerName: '赣州某农业科技有限公司', title: '脐橙溯源数据专员', fromMonth: '2021-07', toMonth: null }],
    skills: [{ name: 'python', level: 'proficient' }],
    desiredOccupations: ['2-02-30-09'],
    desiredCities: ['360700'],
    desiredSalaryMinFen: 800_000,
    visibility: 'employers',
  });
  expect(saved.status).toBe(200);
  await page.goto('/profile');
  await page.getByTestId('resume-download').waitFor();
  const pdf = await page.evaluate(async () => {
    const res = await fetch('/api/profiles/me/resume.pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), head: String.fromCharCode(...bytes.slice(0, 5)) };
  });
  expect(pdf).toMatchObject({ type: 'application/pdf', head: '%PDF-' });
  expect(decodeURIComponent(pdf.disposition ?? '')).toContain('刘晓琳-简历.pdf');
}

async function employerInvites(page: Page) {
  await page.goto('/employer/talent-pool');
  await page.getByRole('heading', { level: 1, name: '人才库' }).waitFor();
  await page.getByLabel('关键词').fill('脐橙溯源');
  await page.getByLabel('关键词').press('Enter');
  await page.getByTestId('talent-total').filter({ hasText: '共 1 位人才' }).waitFor();
  const card = page.getByTestId('talent-card').first();
  expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('刘**');
  expect(await page.content()).not.toContain('13907971234');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('talentpool-390'), fullPage: true });
  await card.getByTestId('talent-invite').click();
  await motionDone(page.locator('.ant-modal'));
  await page.getByLabel('邀约岗位').click();
  await page.locator('.ant-select-item-option', { hasText: TITLE }).click();
  await page.getByLabel('邀约留言').fill('您好，我们正在招聘脐橙溯源数据工程师，欢迎来聊。');
  await page.getByTestId('invite-send').click();
  // the outcome, not the toast (a 3-second toast can come and go while a loaded machine catches up)
  await card.getByTestId('invitation-status').filter({ hasText: '待回复' }).waitFor({ timeout: 60_000 });
}

describe('talent pool', () => {
  it('employer searches and invites; talent accepts and applies; employer sees the contact', async () => {
    TITLE = `脐橙溯源数据工程师（邀约${Date.now() % 100_000}）`;
    const employer = await openPage(browser, server.url, 390);
    await signIn(employer.page, account('employer.ganzhou'));
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, account('official.ganzhou'));
    const jobId = await publishJob(employer.page, official.page);
    await official.context.close();

    const talent = await openPage(browser, server.url, 390);
    await signIn(talent.page, account('talent.ganzhou'));
    await talentOpensProfile(talent.page);

    await employerInvites(employer.page);

    await talent.page.goto('/applications/invitations');
    const invitation = talent.page.getByTestId('my-invitation').filter({ hasText: TITLE });
    await invitation.getByText('赣州云智信息技术有限公司').waitFor();
    await invitation.getByTestId('invitation-accept-apply').click();
    await talent.page.getByText('已接受邀约并投递该岗位').waitFor();
    await invitation.getByTestId('invitation-status').filter({ hasText: '已接受' }).waitFor();
    expect(await horizontalOverflow(talent.page)).toBeLessThanOrEqual(0);
    await talent.page.screenshot({ path: screenshotPath('invitations-mine-390'), fullPage: true });
    const applications = await callApi(talent.page, 'GET', '/api/applications/mine');
    expect(JSON.stringify(applications.json)).toContain(jobId);

    await employer.page.goto('/employer/invitations');
    const sent = employer.page.getByTestId('sent-invitation').filter({ hasText: TITLE });
    await sent.getByTestId('invitation-status').filter({ hasText: '已接受' }).waitFor();
    await sent.getByTestId('invitation-contact').click();
    const contact = employer.page.getByTestId('contact-details');
    await contact.waitFor();
    expect(await contact.textContent()).toContain('刘晓琳');
    expect(await contact.textContent()).toContain('13907971234');
    await employer.page.screenshot({ path: screenshotPath('invitations-sent-390'), fullPage: true });

    expect(await violationsOnPages(employer.page, ['/employer/talent-pool', '/employer/invitations'])).toEqual([]);
    expect(await violationsOnPages(talent.page, ['/applications/invitations', '/profile'])).toEqual([]);
    await employer.context.close();
    await talent.context.close();
  });
});
