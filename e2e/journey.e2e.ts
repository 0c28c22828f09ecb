/**
 * The mission journey on the `ci` seed (docs/journey.md): 刘晓琳 in 赣州, on a phone, finds the seeded
 * 人工智能应用工程师 posting among her recommendations, sees the two skills she lacks (机器学习, PyTorch)
 * each with the subsidised 数字技术工程师 class in 赣州, and enrols. The class runs (the server clock moves
 * to each session; the first check-in is typed at the door, the others through the API); on its last day
 * the provider records the exam and finishes it, her training-subsidy claim is waiting (免申即享) and she
 * confirms it with her bank account only. On the exam day the evaluation body issues her certificate, the
 * public page verifies it and the evaluation-subsidy claim is waiting. official.ganzhou's dashboard shows
 * every step on the day it happens: enrolments, completions, subsidy applications and certificates + 1.
 */
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Account, horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';

const MINUTE = 60_000;
const POSTING = '人工智能应用工程师（数据智能方向）';
let offset = 0;
/** Real time plus an offset: TOTP steps and session timers keep running, and days can be skipped. */
const clock = { now: () => new Date(Date.now() + offset) };
const moveTo = (ms: number) => {
  offset = ms - Date.now();
};

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
// a fresh server and database for every attempt: a retry cannot pick the flow up where a failed attempt left the data
beforeEach(async () => {
  offset = 0;
  server = await startE2eServer({ clock });
});
afterEach(async () => {
  await server?.close();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in through the login page with a TOTP code for the server's (moved) clock. */
async function signInAtServerTime(page: Page, account: Account) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (account.totpSecret) {
    const totp = new TOTP({ secret: Secret.fromBase32(account.totpSecret), algorithm: 'SHA1', digits: 6, period: 30 });
    await page.getByLabel('动态验证码').fill(totp.generate({ timestamp: clock.now().getTime() }));
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A fresh API session of a demo account at the server's time (the clock's jumps end earlier sessions). */
async function apiAs(username: string) {
  const account = demoAccount(server, username);
  const totp = account.totpSecret
    ? new TOTP({ secret: Secret.fromBase32(account.totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: clock.now().getTime() })
    : undefined;
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password, ...(totp ? { totp } : {}) }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
}

const chinaYear = (ms: number) => Number(new Date(ms + 8 * 60 * MINUTE).toISOString().slice(0, 4));
const KEYS = ['training_enrolments', 'training_completions', 'digital_technicians_trained', 'subsidies_applied', 'certificates_issued'] as const;
type Key = (typeof KEYS)[number];

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The 赣州 dashboard figures of a year, from the API the page draws. */
async function figures(api: Api, year: number): Promise<Record<Key, number>> {
  const res = await api('GET', `/api/dashboard/summary?regionCode=360700&year=${year}`);
  expect(res.status).toBe(200);
  const values = new Map((res.json.indicators as { key: string; value: number | null }[]).map((i) => [i.key, i.value ?? 0]));
  return Object.fromEntries(KEYS.map((k) => [k, values.get(k) ?? 0])) as Record<Key, number>;
}

/** The 赣州 dashboard's cards for a year, as shown. */
async function dashboard(page: Page, year: number): Promise<Record<Key, number>> {
  await page.goto(`/dashboard?region=360700&year=${year}`);
  await expect.poll(() => page.getByTestId('dash-region-title').textContent()).toBe(`赣州市 · ${year}`);
  const out = {} as Record<Key, number>;
  for (const key of KEYS) {
    const text = (await page.getByTestId(`dash-value-${key}`).textContent()) ?? '';
    out[key] = Number(text.replace(/[^0-9]/g, '') || '0');
  }
  return out;
}

describe('the journey', () => {
  it('finds the job, sees two gaps with a subsidised class, enrols, completes, is certified and subsidised; the dashboard follows', async () => {
    const talentAccount = demoAccount(server, 'talent.ganzhou');
    const officialAccount = demoAccount(server, 'official.ganzhou');
    // the seeded subsidised class and the evaluation sitting after it (public API)
    const classes = (await (await fetch(`${server.url}/api/training/classes?occupationCode=2-02-38-01`)).json()) as {
      items: { id: string; name: string; programmeType: string }[];
    };
    const cls = classes.items.find((c) => c.programmeType === 'digital_engineer');
    if (!cls) throw new Error('no seeded 数字技术工程师 class');
    const detail = (await (await fetch(`${server.url}/api/training/classes/${cls.id}`)).json()) as { sessions: { id: string; startsAt: string }[] };
    const sessions = detail.sessions;
    const open = (await (await fetch(`${server.url}/api/certificates/sessions/open`)).json()) as {
      occupationCode: string;
      levelCode: string;
      examOn: string;
    }[];
    const sitting = open.find((s) => s.occupationCode === '2-02-38-01' && s.levelCode === '5');
    if (!sitting || sessions.length < 10) throw new Error('the seed lacks the evaluation sitting or the class sessions');
    const lastDay = Date.parse(sessions.at(-1)?.startsAt ?? '') + 5 * MINUTE;
    const examDay = Date.parse(`${sitting.examOn}T09:00:00+08:00`);
    const journeyStart = Date.now();
    const years = [...new Set([chinaYear(journeyStart), chinaYear(lastDay), chinaYear(examDay)])];

    // today's figures of 赣州 (the dashboard page's API, as official.ganzhou)
    let officialApi = await apiAs('official.ganzhou');
    const before = new Map<number, Record<Key, number>>();
    for (const y of years) before.set(y, await figures(officialApi, y));
    const baseline = (ms: number, key: Key) => before.get(chinaYear(ms))?.[key] ?? 0;

    // 刘晓琳 on a phone: the posting is among her recommendations, with a high score
    const talent = await openPage(browser, server.url, 390);
    const tp = talent.page;
    await signIn(tp, talentAccount);
    await tp.goto('/recommended-jobs');
    await tp.getByRole('heading', { level: 1, name: '为你推荐' }).waitFor();
    const cards = tp.getByTestId('match-card');
    await cards.first().waitFor();
    const texts = await cards.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const rank = texts.findIndex((t) => t.includes(POSTING));
    // on the first page (20 cards), after postings she already fully qualifies for (those score higher by design)
    expect(rank, texts.join('\n')).toBeGreaterThanOrEqual(0);
    const card = cards.nth(rank);
    const score = Number(((await card.locator('[aria-label^="匹配度"]').first().getAttribute('aria-label')) ?? '').replace(/\D/g, ''));
    expect(score).toBeGreaterThanOrEqual(75);
    // the gap panel: exactly the two skills she lacks, each with the subsidised class in 赣州
    await card.getByRole('button', { name: '技能差距' }).click();
    const gaps = card.getByRole('region', { name: '技能差距' }).locator('.ant-list-item');
    await gaps.first().waitFor();
    expect((await gaps.locator('strong').allTextContents()).sort()).toEqual(['PyTorch', '机器学习']);
    for (const gap of await gaps.all()) {
      await gap.getByRole('link', { name: cls.name }).waitFor();
      expect(await gap.textContent()).toMatch(/赣州市数字技能职业培训学校.*可享补贴 [\d,]+ 元/);
    }
    expect(await horizontalOverflow(tp)).toBeLessThanOrEqual(0);
    await card.screenshot({ path: screenshotPath('journey-gaps-390') });
    // she enrols in it
    await gaps.first().getByRole('link', { name: cls.name }).click();
    await tp.getByRole('heading', { level: 1, name: cls.name }).waitFor();
    await tp.getByText(/补贴/).first().waitFor();
    await tp.getByTestId('class-enrol').click();
    await tp.getByText('报名成功').waitFor();
    const code = ((await tp.getByTestId('training-ticket-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await horizontalOverflow(tp)).toBeLessThanOrEqual(0);
    // the same day, the dashboard counts the enrolment
    expect((await figures(officialApi, chinaYear(Date.now()))).training_enrolments).toBe(baseline(Date.now(), 'training_enrolments') + 1);

    // the first session: the provider types her ticket code at the door (desktop)
    moveTo(Date.parse(sessions[0]?.startsAt ?? '') + 5 * MINUTE);
    const provider = await openPage(browser, server.url, 1280);
    const pp = provider.page;
    await signIn(pp, demoAccount(server, 'provider.ganzhou'));
    await pp.goto(`/provider/classes/${cls.id}/check-in`);
    await pp.getByRole('heading', { level: 1, name: '培训签到' }).waitFor();
    await pp.getByTestId('checkin-code').fill(code);
    await pp.getByTestId('checkin-submit').click();
    await pp
      .getByTestId('checkin-result')
      .getByText(/签到成功/)
      .waitFor();
    // the other sessions pass (the clock moves to each; check-in through the API)
    for (const s of sessions.slice(1)) {
      moveTo(Date.parse(s.startsAt) + 5 * MINUTE);
      const res = await (await apiAs('provider.ganzhou'))('POST', `/api/training/classes/${cls.id}/check-in`, { sessionId: s.id, code });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }

    // the last day: the provider records the exam and finishes the class
    moveTo(lastDay);
    await signIn(pp, demoAccount(server, 'provider.ganzhou'));
    await pp.goto(`/provider/classes/${cls.id}`);
    const roster = pp.getByTestId('class-roster');
    await roster.getByText(`${sessions.length} / ${sessions.length}`).waitFor();
    await pp.getByLabel('考核：刘**').click();
    await pp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '合格' }).first().click();
    await pp.getByTestId('class-save-exams').click();
    await pp.getByText('已保存 1 条考核成绩').waitFor();
    await pp.getByTestId('class-action-finish').click();
    // the confirmation's own button (the last 结业 on the page is the action itself until the popconfirm shows)
    await pp
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^结\s*业$/ })
      .click();
    await roster.getByText('已结业').first().waitFor();

    // 刘晓琳 sees it completed, and the training-subsidy claim waiting: she confirms it with her bank account only
    await signIn(tp, talentAccount);
    await tp.goto('/training/mine');
    await tp.getByTestId('my-training').filter({ hasText: cls.name }).getByTestId('training-completed').waitFor();
    const trainingClaim = tp.locator('[data-testid="my-claim"][data-policy="vocational-training-subsidy"]').filter({ hasText: '2-02-38-01' });
    await expect
      .poll(async () => {
        await tp.goto('/policies/mine');
        await tp.getByRole('heading', { level: 1, name: '我的政策与补贴' }).waitFor();
        await tp.getByTestId('my-claims').waitFor();
        return trainingClaim.count();
      })
      .toBe(1);
    expect(await trainingClaim.getAttribute('data-status')).toBe('prefilled');
    await trainingClaim.getByLabel('开户银行').fill('赣州银行章贡支行');
    await trainingClaim.getByLabel('银行账号').fill('6223 6811 0000 7788 991');
    await trainingClaim.getByRole('button', { name: '确认申领' }).click();
    await expect.poll(() => trainingClaim.getAttribute('data-status')).toMatch(/^(submitted|on_hold)$/);
    expect(await horizontalOverflow(tp)).toBeLessThanOrEqual(0);
    await tp.screenshot({ path: screenshotPath('journey-claim-390'), fullPage: true });
    // the same day, the dashboard counts the completion and the application
    officialApi = await apiAs('official.ganzhou');
    const afterClass = await figures(officialApi, chinaYear(lastDay));
    expect(afterClass.training_completions).toBe(baseline(lastDay, 'training_completions') + 1);
    expect(afterClass.digital_technicians_trained).toBe(baseline(lastDay, 'digital_technicians_trained') + 1);
    expect(afterClass.subsidies_applied).toBe(baseline(lastDay, 'subsidies_applied') + 1);

    // the exam day: evaluator.nanchang adds the graduate, enters the scores and issues the certificate
    moveTo(examDay);
    const evaluator = await openPage(browser, server.url, 1280);
    const ev = evaluator.page;
    await signIn(ev, demoAccount(server, 'evaluator.nanchang'));
    await ev.goto('/evaluation');
    await ev.getByRole('heading', { level: 1, name: '评价与发证' }).waitFor();
    const plan = ev.getByTestId('plan').filter({ hasText: '人工智能工程技术人员（初级）评价' });
    await plan.getByTestId('plan-session').filter({ hasText: '报名中' }).getByRole('link', { name: '管理' }).click();
    await ev.getByRole('checkbox', { name: /刘晓琳/ }).check();
    await ev.getByRole('button', { name: '加入所选学员' }).click();
    await ev.getByTestId('candidates').getByText('刘晓琳').waitFor();
    await ev.getByTestId('session-close').click();
    await ev.getByText('已截止报名').first().waitFor();
    await ev.getByLabel('刘晓琳 理论').fill('84');
    await ev.getByLabel('刘晓琳 实操').fill('81');
    await ev.getByTestId('save-results').click();
    await ev.getByText('合格', { exact: true }).waitFor();
    await ev.getByTestId('session-publish_results').click();
    await ev.getByText('成绩已公布').first().waitFor();
    await ev.getByTestId('session-issue').click();
    await ev.getByRole('button', { name: /提\s*交/ }).click();
    const numberCell = ev.getByTestId('candidates').locator('.cert-number');
    await numberCell.waitFor();
    const number = ((await numberCell.textContent()) ?? '').trim();

    // anyone can verify it, on a phone, without an account
    const visitor = await openPage(browser, server.url, 390);
    await visitor.page.goto('/verify');
    await visitor.page.getByTestId('verify-input').fill(number);
    await visitor.page.getByTestId('verify-submit').click();
    await visitor.page.getByText('证书有效').waitFor();
    expect(await visitor.page.getByTestId('verify-result').getAttribute('data-result')).toBe('valid');
    await visitor.page.getByText('人工智能工程技术人员').first().waitFor();

    // 刘晓琳 has the certificate, and the evaluation-subsidy claim is waiting without her applying
    await signIn(tp, talentAccount);
    await tp.goto('/certificates/mine');
    await tp.locator(`[data-testid="my-certificate"][data-number="${number}"]`).waitFor();
    const evaluationClaim = tp
      .locator('[data-testid="my-claim"][data-policy="skill-evaluation-subsidy"][data-status="prefilled"]')
      .filter({ hasText: '2-02-38-01' });
    await expect
      .poll(async () => {
        await tp.goto('/policies/mine');
        await tp.getByTestId('my-claims').waitFor();
        return evaluationClaim.count();
      })
      .toBe(1);

    // the same day, official.ganzhou's dashboard (desktop) shows the certificate, and everything before it, one up
    const official = await openPage(browser, server.url, 1280);
    await signInAtServerTime(official.page, officialAccount);
    const shown = await dashboard(official.page, chinaYear(examDay));
    const happened: Record<Key, number> = {
      training_enrolments: journeyStart,
      training_completions: lastDay,
      digital_technicians_trained: lastDay,
      subsidies_applied: lastDay,
      certificates_issued: examDay,
    };
    for (const key of KEYS) if (chinaYear(happened[key]) === chinaYear(examDay)) expect(shown[key], key).toBe(baseline(happened[key], key) + 1);
    await official.page.screenshot({ path: screenshotPath('journey-dashboard-1280'), fullPage: true });
    await Promise.all([official.context.close(), talent.context.close(), provider.context.close(), evaluator.context.close(), visitor.context.close()]);
  }, 180_000);
});
