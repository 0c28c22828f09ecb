/**
 * Browser helpers for the e2e journeys: Debian's chromium through playwright-core, pages at the two
 * widths the platform must support (375 px H5 in 赣服通, 1280 px desktop), TOTP codes and sign-in.
 */
import { mkdirSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = '.test-artifacts';
export const WIDTHS = [375, 1280] as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh context (own cookies, no storage) at `width`; @axe-core/playwright needs pages of a context. */
export async function openPage(browser: Browser, baseURL: string, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return { context, page };
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return `${ARTIFACTS}/${name}.png`;
}

export function totpNow(secretBase32: string): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

const lastStep = new Map<string, number>();

/**
 * A code the server will accept: codes are single use, so when this secret's current 30-second step
 * was already used (or is about to end) this waits for the next step.
 */
export async function freshTotp(secretBase32: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 3_000 || lastStep.get(secretBase32) === step()) await new Promise((r) => setTimeout(r, left + 200));
  lastStep.set(secretBase32, step());
  return totpNow(secretBase32);
}

export interface Account {
  username: string;
  password: string;
  totpSecret?: string | null;
}

/** Signs in through the login page (second step with the TOTP code when the server asks for it). */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (account.totpSecret) {
    const totp = page.getByLabel('动态验证码');
    await totp.waitFor();
    await totp.fill(await freshTotp(account.totpSecret));
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** True when nothing sticks out sideways (no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - window.innerWidth;
  });
}

/** Waits until antd's enter/leave motion of `locator` (modal, drawer, dropdown) has finished. */
/** Waits until no finite CSS animation or transition is running on the page (drawers and modals fade in). */
export async function animationsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
          .every((a) => a.playState !== 'running'),
      undefined,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
}

export async function motionDone(locator: Locator): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 50; i++) {
    const cls = (await locator.getAttribute('class')) ?? '';
    if (!/-(enter|appear|leave)(-|\b)/.test(cls)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Follows a main-menu link as a person would: on desktop a grouped entry sits in a submenu (opened by
 * clicking the group title), in the phone drawer under a heading.
 */
export async function clickNav(page: Page, label: string, group?: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const link = nav.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible()) && group) {
    await nav.getByRole('menuitem', { name: group }).click();
    const popup = page.getByRole('menu').getByRole('link', { name: label, exact: true });
    await popup.waitFor();
    await popup.click();
    return;
  }
  await link.click();
}

/** Calls the API from a signed-in page (same session cookie; the CSRF token from /api/auth/me). */
export async function callApi(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ([m, u, b]) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, json: await res.json() };
    },
    [method, url, body] as const,
  );
}
