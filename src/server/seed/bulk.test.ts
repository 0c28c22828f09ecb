import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { parseIdNumber, parsePhone } from '../../shared/identifiers.js';
import { blindIndex, decrypt } from '../lib/crypto.js';
import { silentProgress } from '../lib/progress.js';
import { SEED_SIZES, seedBulk } from './bulk.js';
import { seed } from './seed.js';

let t: TestApp;
let first: Awaited<ReturnType<typeof seedBulk>>;

beforeAll(async () => {
  t = await createTestApp();
  first = await seedBulk(t.ctx(), SEED_SIZES.ci, silentProgress);
});
afterAll(async () => t?.close());

const query = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
const one = async (text: string) => Number((await query<{ n: number | string }>(text))[0]?.n);

/** 身份证号 and mobile numbers in plain text, not glued to other letters or digits (hex and base64 are). */
const PLAIN_ID = /(?<![0-9A-Za-z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
const PLAIN_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

describe('seedBulk (ci)', () => {
  it('inserts the expected counts', async () => {
    expect(first.talents).toBe(200);
    expect(first.organisations).toBe(60);
    expect(await one(`select count(*) as n from users where role = 'talent' and username ~ '^t[0-9]{7}$'`)).toBe(200);
    expect(await one(`select count(*) as n from users where username ~ '^o[0-9]{6}$'`)).toBe(60);
    expect(await one(`select count(*) as n from consents c join users u on u.id = c.user_id where u.username ~ '^[to][0-9]+$'`)).toBe(first.consents);
    // every generated account gave both required consents; none can sign in
    const missing = await one(`select count(*) as n from users u where u.username ~ '^[to][0-9]+$' and (select count(distinct c.purpose)
      from consents c where c.user_id = u.id and c.purpose in ('privacy_policy', 'sensitive_pi')) < 2`);
    expect(missing).toBe(0);
    expect(await one(`select count(*) as n from users where username ~ '^[to][0-9]+$' and (password_hash is not null or is_demo)`)).toBe(0);
  });

  it('links each organisation to its one member account, whose role is the organisation kind', async () => {
    const orphans = await one(`select count(*) as n from users u left join organisations o on o.id = u.org_id and o.created_by = u.id
      where u.username ~ '^o[0-9]{6}$' and (o.id is null or o.kind <> u.role)`);
    expect(orphans).toBe(0);
  });

  it('uses only catalogue region and industry codes', async () => {
    expect(await one(`select count(*) as n from users u left join regions r on r.code = u.region_code where r.code is null`)).toBe(0);
    expect(await one(`select count(*) as n from organisations o left join regions r on r.code = o.region_code where r.code is null`)).toBe(0);
    expect(await one(`select count(*) as n from organisations o left join industries i on i.code = o.industry_code where i.code is null`)).toBe(0);
  });

  it('stores no 身份证号 or phone number in plain text in any text column of users or organisations', async () => {
    expect(PLAIN_ID.test('身份证360702199703152427号') && PLAIN_PHONE.test('电话13907971234')).toBe(true); // the scan can see them
    for (const table of ['users', 'organisations']) {
      const columns = await query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 and data_type = 'text'`,
        [table],
      );
      expect(columns.length).toBeGreaterThan(5);
      for (const { column_name: column } of columns) {
        const rows = await query<{ v: string }>(`select "${column}" as v from ${table} where "${column}" is not null`);
        const leaks = rows.filter((r) => PLAIN_ID.test(r.v) || PLAIN_PHONE.test(r.v));
        expect(leaks, `${table}.${column}`).toEqual([]);
      }
    }
  });

  it('round-trips a sample through decryption to valid values matching the blind indexes', async () => {
    const keys = t.ctx().platform.keys;
    const talents = await query<{ id_number_enc: string; id_number_bidx: string; phone_enc: string; phone_bidx: string }>(
      `select id_number_enc, id_number_bidx, phone_enc, phone_bidx from users where username ~ '^t[0-9]{7}$' order by username limit 25`,
    );
    expect(talents).toHaveLength(25);
    for (const row of talents) {
      const idNumber = decrypt(keys, row.id_number_enc);
      const phone = decrypt(keys, row.phone_enc);
      expect(parseIdNumber(idNumber).ok, idNumber).toBe(true);
      expect(parsePhone(phone).ok, phone).toBe(true);
      expect(blindIndex(keys, 'id_number', idNumber)).toBe(row.id_number_bidx);
      expect(blindIndex(keys, 'phone', phone)).toBe(row.phone_bidx);
    }
    const orgs = await query<{ contact_phone_enc: string; contact_phone_bidx: string }>(
      `select contact_phone_enc, contact_phone_bidx from organisations limit 10`,
    );
    for (const row of orgs) expect(blindIndex(keys, 'phone', decrypt(keys, row.contact_phone_enc))).toBe(row.contact_phone_bidx);
  });

  it('can run again: the same size inserts nothing, a larger one tops up with unique identifiers', async () => {
    const again = await seed(t.ctx(), 'ci', silentProgress);
    expect(again).toMatchObject({ talents: 0, organisations: 0, jobs: 0, consents: 0 });
    const more = await seedBulk(t.ctx(), { talents: 260, organisations: 75, jobs: 170 }, silentProgress);
    // jobs are totals over every posting: seed() added the journey's posting (jobs.seed-journey.ts), so 170 − 151
    expect(more).toMatchObject({ talents: 60, organisations: 15, jobs: 19 });
    expect(await one(`select count(*) as n from users where username ~ '^t[0-9]{7}$'`)).toBe(260);
    expect(await one(`select count(distinct id_number_bidx) as n from users where username ~ '^t[0-9]{7}$'`)).toBe(260);
    expect(await one(`select count(distinct phone_bidx) as n from users where username ~ '^t[0-9]{7}$'`)).toBe(260);
    expect(await one(`select count(distinct uscc) as n from organisations`)).toBe(await one('select count(*) as n from organisations'));
  });
});
