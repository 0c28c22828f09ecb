/**
 * Journey: anyone reads the training-subsidy catalogue in force and compares versions (phone width); the
 * 赣州 official imports a draft from Excel (a bad file first: row errors, nothing imported), publishes it;
 * the demo provider sets its category and applies for an accreditation (phone width); the official
 * approves it from the review queue, and the provider sees it valid.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser, openPage, screenshotPath, signIn } from './browser.js';
import { demoAccount, type E2eServer, startE2eServer } from './server.js';
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

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('目录条目');
  sheet.addRow(['职业编码', '职业名称', '工种', '等级', '补贴标准（元）', '数字职业', '备注']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Clicks an option of the open antd Select dropdown (the visible item, not the hidden accessibility list). */
async function pickOption(page: Page, text: string | RegExp) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('skill catalogues and accreditation journey', () => {
  let attempt = 0;
  it('public reads and compares; official imports and publishes; provider applies; official approves', async () => {
    const violations: string[] = [];

    // 1. the public, on a phone: the province subsidy catalogue in force, then 赣州's, then a comparison
    const visitor = await openPage(browser, server.url, 390);
    await visitor.page.goto('/skill-catalogues');
    await visitor.page.getByRole('heading', { level: 1, name: '技能目录' }).waitFor();
    const entries = visitor.page.getByTestId('catalogue-entries');
    await entries.getByText('人工智能训练师').first().waitFor();
    await expect(visitor.page.getByTestId('catalogue-version').textContent()).resolves.toContain('江西省发布');
    expect(await entries.textContent()).toContain('1,000.00');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(visitor.page)));
    await visitor.page.screenshot({ path: screenshotPath('skill-catalogues-390'), fullPage: true });
    await visitor.page.goto('/skill-catalogues?kind=training_subsidy&region=360700');
    await visitor.page
      .getByTestId('catalogue-version')
      .getByText(/赣州市发布/)
      .waitFor();
    await visitor.page.goto('/skill-catalogues?kind=training_subsidy&region=360000');
    await visitor.page.getByRole('link', { name: '版本对比' }).click();
    await visitor.page.getByRole('heading', { level: 1, name: '目录版本对比' }).waitFor();
    // the version in force against the next one (next month's): 人工智能训练师 五级 1,000 → 1,200
    const changed = visitor.page.getByTestId('diff-changed');
    await changed.getByText('1,200.00').first().waitFor();
    expect(await changed.textContent()).toContain('人工智能训练师');
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(visitor.page)));
    await visitor.page.screenshot({ path: screenshotPath('skill-catalogues-diff-390'), fullPage: true });
    // 产教融合共同体, public
    await visitor.page.goto('/communities');
    const community = visitor.page.getByTestId('community').filter({ hasText: '赣州电子信息产业产教融合共同体' });
    await community.getByText('人工智能训练师订单班').waitFor();
    await community.getByText(/章贡区数字技能公共实训基地/).waitFor();
    expect(await horizontalOverflow(visitor.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(visitor.page)));
    await visitor.context.close();

    // 2. the 赣州 official imports the seeded draft from Excel and publishes it
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.ganzhou'));
    await official.page.goto('/manage/skill-catalogues?kind=training_subsidy');
    await official.page.getByRole('heading', { level: 1, name: '目录管理' }).waitFor();
    await official.page.getByRole('link', { name: /赣州市 · .*草稿/ }).click();
    await official.page.getByTestId('version-entries').waitFor();
    const upload = official.page.locator('input[type=file]');
    await upload.setInputFiles({
      name: 'bad.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['4-04-05-05', '人工智能训练师', '', '五级', '1300', '', ''],
        ['9-99-99-99', '不存在', '', '五级', '1000', '', ''],
        ['4-04-05-01', '', '', '六级', '1000', '', ''],
      ]),
    });
    const problems = official.page.getByTestId('import-problems');
    await problems.getByText('职业编码不在职业分类大典中').waitFor();
    await problems.getByText('等级无法识别', { exact: false }).waitFor();
    await upload.setInputFiles({
      name: 'good.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['4-04-05-05', '人工智能训练师', '', '五级/初级工', '1300', '', ''],
        ['4-04-05-05', '人工智能训练师', '', '四级/中级工', '1800', '', ''],
        ['2-02-38-04', '云计算工程技术人员', '', '五级', '2600', '', '数字技术工程师（初级）'],
      ]),
    });
    await official.page.getByText('已导入 3 条').waitFor();
    await official.page.getByTestId('version-entries').getByText('2,600.00').waitFor();
    violations.push(...(await axe(official.page)));
    await official.page.screenshot({ path: screenshotPath('skill-catalogue-draft-1280'), fullPage: true });
    await official.page.getByTestId('version-publish').click();
    const confirm = official.page.locator('.ant-popconfirm').getByRole('button', { name: /发\s*布/ });
    await confirm.waitFor();
    await confirm.click();
    await official.page.getByTestId('version-status').getByText('待生效').waitFor();

    // 3. the provider, on a phone: category and an application
    const provider = await openPage(browser, server.url, 390);
    await signIn(provider.page, demoAccount(server, 'provider.ganzhou'));
    await provider.page.goto('/provider/accreditations');
    await provider.page.getByRole('heading', { level: 1, name: '机构与资质' }).waitFor();
    await provider.page.locator('#provider_category').click();
    await pickOption(provider.page, '数字技术工程师培育机构');
    await provider.page.getByTestId('provider-save').click();
    await provider.page.getByText('已保存').waitFor();
    const form = provider.page.getByTestId('apply-form');
    await form.locator('#apply_items_0_occupationCode').fill('区块链应用');
    await pickOption(provider.page, /区块链应用操作员（4-04-05-06）/);
    await form.getByTestId('item-row-0').getByText('四级/中级工').click();
    await form.locator('#apply_statement').fill('已配备区块链实训平台和专职教师 3 名，申请开展区块链应用操作员培训。');
    await form.getByTestId('apply-submit').click();
    await provider.page.getByText('已提交，等待审核').waitFor();
    const mine = provider.page.getByTestId('my-accreditations');
    await mine.getByText('区块链应用操作员（4-04-05-06）：五级/初级工、四级/中级工').waitFor();
    expect(await horizontalOverflow(provider.page)).toBeLessThanOrEqual(0);
    violations.push(...(await axe(provider.page)));
    await provider.page.screenshot({ path: screenshotPath('provider-accreditations-390'), fullPage: true });

    // 4. the official approves it from the review queue
    await official.page.goto('/review/accreditations');
    await official.page.getByRole('heading', { level: 1, name: '资质审核' }).waitFor();
    const item = official.page.getByTestId('review-queue').getByRole('listitem').filter({ hasText: '区块链应用操作员' });
    await item.getByTestId('review-action-approve').click();
    const dialog = official.page.getByRole('dialog');
    await dialog.getByLabel('原因').fill('材料齐全，同意');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await official.page.getByText('已办理').waitFor();
    violations.push(...(await axe(official.page)));
    await official.page.screenshot({ path: screenshotPath('accreditation-review-1280'), fullPage: true });

    await provider.page.reload();
    const approved = provider.page.getByTestId('my-accreditations').getByRole('listitem').filter({ hasText: '区块链应用操作员' });
    await approved.getByText('有效', { exact: true }).waitFor();
    await approved.getByText(/有效至 \d{4}-\d{2}-\d{2}/).waitFor();
    expect(violations).toEqual([]);
  });

  it('official creates a 产教融合共同体, adds a member and a programme; the public page shows it', async () => {
    // a retry creates its own community (names are unique)
    const name = `赣州数字技能产教融合共同体${attempt++ > 0 ? `（${attempt}）` : ''}`;
    const official = await openPage(browser, server.url, 1280);
    await signIn(official.page, demoAccount(server, 'official.ganzhou'));
    await official.page.goto('/manage/communities');
    await official.page.getByRole('heading', { level: 1, name: '共同体管理' }).waitFor();
    await official.page.getByTestId('managed-communities').getByText('赣州电子信息产业产教融合共同体').waitFor();
    const form = official.page.getByTestId('community-form');
    await form.locator('#community_name').fill(name);
    await form.locator('#community_leadOrgId').fill('赣州市数字技能');
    await pickOption(official.page, /赣州市数字技能职业培训学校/);
    await form.locator('#community_description').fill('培训学校牵头，联合本地企业共建数字技能实训与订单班。');
    await form.getByTestId('community-create').click();
    await official.page.getByRole('heading', { level: 1, name }).waitFor();
    expect(official.page.url()).toMatch(/\/manage\/communities\/[0-9a-f-]{36}$/);

    const member = official.page.getByTestId('member-form');
    await member.locator('#member_orgId').fill('赣州云智');
    await pickOption(official.page, /赣州云智信息技术有限公司/);
    await member.locator('#member_memberRole').click();
    await pickOption(official.page, '企业');
    await member.getByTestId('member-submit').click();
    await official.page.getByTestId('community-members').getByText('赣州云智信息技术有限公司').waitFor();
    // the same member twice: the API's error, translated
    await member.locator('#member_orgId').fill('赣州云智');
    await pickOption(official.page, /赣州云智信息技术有限公司/);
    await member.locator('#member_memberRole').click();
    await pickOption(official.page, '企业');
    await member.getByTestId('member-submit').click();
    await official.page.getByRole('alert').getByText('该单位已是共同体成员').waitFor();

    const programme = official.page.getByTestId('programme-form');
    await programme.locator('#programme_name').fill('云计算运维订单班');
    await programme.locator('#programme_description').fill('企业提供真实项目，学校组织教学，结业推荐就业。');
    await programme.getByTestId('programme-submit').click();
    await official.page.getByTestId('community-programmes').getByText('云计算运维订单班').waitFor();
    await official.page.setViewportSize({ width: 390, height: 800 });
    // the layout answers the resize in script: measured once it has (a CI run measured the desktop width)
    await expect.poll(() => horizontalOverflow(official.page), { timeout: 20_000 }).toBeLessThanOrEqual(0);
    const violations = await axe(official.page);
    await official.page.screenshot({ path: screenshotPath('community-manage-390'), fullPage: true });

    await official.page.getByRole('link', { name: '查看公开页面' }).click();
    const community = official.page.getByTestId('community').filter({ hasText: name });
    await community.getByText('云计算运维订单班').waitFor();
    await community.getByText('赣州云智信息技术有限公司').waitFor();
    await official.context.close();
    expect(violations).toEqual([]);
  });
});
