/**
 * One demo account per role, so a newcomer can sign in as anyone within a minute.
 * Demo data only: the password is printed at start-up, and the TOTP secrets of accounts that need a
 * second factor are printed too (`npx gancai totp <account>` shows the current code).
 */
import { eq } from 'drizzle-orm';
import type { Department, OrgKind, Role } from '../../shared/roles.js';
import type { Ctx } from '../context.js';
import { decrypt, encrypt } from '../lib/crypto.js';
import { grantConsents } from '../modules/account/consents.service.js';
import { sealIdNumber, sealPhone } from '../modules/account/pi.js';
import { users } from '../modules/auth/auth.tables.js';
import { hashPassword } from '../modules/auth/password.js';
import { newTotpSecret } from '../modules/auth/totp.js';
import { organisations } from '../modules/organisations/organisations.tables.js';

export const DEMO_PASSWORD = 'Gancai#2026';

export interface DemoAccountSpec {
  username: string;
  role: Role;
  displayName: string;
  regionCode: string;
  department?: Department;
  org?: { kind: OrgKind; name: string; uscc: string; industryCode: string; status: 'verified' | 'pending' };
  idNumber?: string;
  phone?: string;
  note: string;
}

/** USCCs below carry valid GB 32100 check characters; ID numbers valid GB 11643 ones (synthetic people). */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  {
    username: 'talent.ganzhou',
    role: 'talent',
    displayName: '刘晓琳',
    regionCode: '360702',
    idNumber: '360702199703152427',
    phone: '13907971234',
    note: '个人求职者（赣州市章贡区）',
  },
  {
    username: 'employer.ganzhou',
    role: 'employer',
    displayName: '陈建华',
    regionCode: '360702',
    org: { kind: 'employer', name: '赣州云智信息技术有限公司', uscc: '91360702MA35X8KQ16', industryCode: '6513', status: 'verified' },
    note: '已认证企业（赣州）',
  },
  {
    username: 'employer.pending',
    role: 'employer',
    displayName: '黄志强',
    regionCode: '360703',
    org: { kind: 'employer', name: '赣州南康数联科技有限公司', uscc: '91360703MA39Y2RT5U', industryCode: '6520', status: 'pending' },
    note: '待认证企业（赣州南康区）',
  },
  {
    username: 'provider.ganzhou',
    role: 'provider',
    displayName: '钟丽萍',
    regionCode: '360702',
    org: { kind: 'provider', name: '赣州市数字技能职业培训学校', uscc: '52360702MJD47651XR', industryCode: '8391', status: 'verified' },
    note: '培训机构',
  },
  {
    username: 'evaluator.nanchang',
    role: 'evaluator',
    displayName: '罗文斌',
    regionCode: '360111',
    org: { kind: 'evaluator', name: '江西省数字技术工程师评价中心', uscc: '12360000MB1C856219', industryCode: '8394', status: 'verified' },
    note: '评价机构（南昌）',
  },
  {
    username: 'agency.nanchang',
    role: 'agency',
    displayName: '万小燕',
    regionCode: '360113',
    org: { kind: 'agency', name: '江西赣才人力资源服务有限公司', uscc: '91360113MA38P6LW2W', industryCode: '7262', status: 'verified' },
    note: '人力资源服务机构',
  },
  {
    username: 'host.nanchang',
    role: 'host',
    displayName: '邹国平',
    regionCode: '360102',
    org: { kind: 'host', name: '江西智算软件股份有限公司', uscc: '91360100MA35R9G7XN', industryCode: '6511', status: 'verified' },
    note: '设站单位（博士后工作站）',
  },
  {
    username: 'host.ganzhou',
    role: 'host',
    displayName: '谢春梅',
    regionCode: '360702',
    org: { kind: 'host', name: '赣州章贡数字产业园运营管理有限公司（演示）', uscc: '91360702MA3AWF7H1J', industryCode: '7540', status: 'verified' },
    note: '孵化载体运营单位（赣州章贡数字产业孵化器）',
  },
  {
    username: 'investor.nanchang',
    role: 'employer',
    displayName: '熊志远',
    regionCode: '360113',
    org: { kind: 'employer', name: '江西赣江数字创业投资有限公司', uscc: '91360113MA3AWC2K0E', industryCode: '6760', status: 'verified' },
    note: '投资机构（助创业·产融对接，南昌）',
  },
  { username: 'reviewer', role: 'reviewer', displayName: '胡教授', regionCode: '360000', note: '评审专家' },
  {
    username: 'official.ganzhou',
    role: 'official',
    displayName: '赣州市人社局审核员',
    regionCode: '360700',
    department: 'hrss',
    note: '赣州市人社局（需动态口令）',
  },
  {
    username: 'official.nanchang',
    role: 'official',
    displayName: '南昌市人社局审核员',
    regionCode: '360100',
    department: 'hrss',
    note: '南昌市人社局（需动态口令）',
  },
  {
    username: 'official.province',
    role: 'official',
    displayName: '省人社厅审核员',
    regionCode: '360000',
    department: 'hrss',
    note: '江西省人社厅（需动态口令）',
  },
  { username: 'admin', role: 'admin', displayName: '系统管理员', regionCode: '360000', note: '系统管理员（需动态口令）' },
  { username: 'auditor', role: 'auditor', displayName: '审计管理员', regionCode: '360000', note: '审计管理员（需动态口令）' },
];

const NEEDS_TOTP: readonly Role[] = ['official', 'admin', 'auditor'];

async function createOrg(ctx: Ctx, spec: DemoAccountSpec): Promise<string | null> {
  if (!spec.org) return null;
  // an organisation an earlier seed created without an account (the 赣州 incubator's operator before host.ganzhou) is joined, not duplicated
  const [existing] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, spec.org.uscc));
  if (existing) return existing.id;
  const phone = sealPhone(ctx.platform.keys, '13870712345');
  const [org] = await ctx.db
    .insert(organisations)
    .values({
      kind: spec.org.kind,
      name: spec.org.name,
      uscc: spec.org.uscc,
      regionCode: spec.regionCode,
      industryCode: spec.org.industryCode,
      size: 'small',
      contactName: spec.displayName,
      contactPhoneEnc: phone.enc,
      contactPhoneBidx: phone.bidx,
      status: spec.org.status,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: organisations.id });
  return org?.id ?? null;
}

/** Creates the demo accounts that do not exist yet. */
export async function seedDemoAccounts(ctx: Ctx): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const keys = ctx.platform.keys;
  for (const spec of DEMO_ACCOUNTS) {
    const [exists] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, spec.username));
    if (exists) continue;
    const orgId = await createOrg(ctx, spec);
    const id = spec.idNumber ? sealIdNumber(keys, spec.idNumber) : null;
    const phone = spec.phone ? sealPhone(keys, spec.phone) : null;
    const [user] = await ctx.db
      .insert(users)
      .values({
        username: spec.username,
        passwordHash,
        role: spec.role,
        displayName: spec.displayName,
        regionCode: spec.regionCode,
        department: spec.department ?? null,
        orgId,
        idNumberEnc: id?.enc ?? null,
        idNumberBidx: id?.bidx ?? null,
        phoneEnc: phone?.enc ?? null,
        phoneBidx: phone?.bidx ?? null,
        totpSecretEnc: NEEDS_TOTP.includes(spec.role) ? encrypt(keys, newTotpSecret()) : null,
        passwordChangedAt: ctx.now,
        isDemo: true,
        createdAt: ctx.now,
      })
      .returning({ id: users.id });
    if (user) {
      await grantConsents(ctx, user.id, ['privacy_policy', 'sensitive_pi', 'profile_to_employers', 'recommendations', 'policy_notices']);
      if (orgId) await ctx.db.update(organisations).set({ createdBy: user.id }).where(eq(organisations.id, orgId));
    }
  }
}

export interface DemoAccountInfo {
  username: string;
  password: string;
  role: Role;
  note: string;
  totpSecret: string | null;
}

/** Demo accounts with their TOTP secrets (decrypted: demo data only, flagged is_demo). */
export async function demoAccountInfo(ctx: Ctx): Promise<DemoAccountInfo[]> {
  const rows = await ctx.db.select().from(users).where(eq(users.isDemo, true));
  const byName = new Map(rows.map((r) => [r.username, r]));
  return DEMO_ACCOUNTS.flatMap((spec) => {
    const row = byName.get(spec.username);
    if (!row) return [];
    return [
      {
        username: spec.username,
        password: DEMO_PASSWORD,
        role: spec.role,
        note: spec.note,
        totpSecret: row.totpSecretEnc ? decrypt(ctx.platform.keys, row.totpSecretEnc) : null,
      },
    ];
  });
}
