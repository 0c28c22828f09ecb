/** Shared by the certificate tests: an approved evaluation accreditation for a demo body (fixture rows, as H1's review would leave them). */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../../test/helpers.js';

export const ACCREDITED = { occupationCode: '2-02-38-03', levelCode: '3' } as const;

/** Approves `orgId` for evaluation of the given occupations and levels until 2099. */
export async function accreditForEvaluation(t: TestApp, orgId: string, items: { occupationCode: string; levelCode: string }[]) {
  const id = randomUUID();
  const [org] = await t.database.query<{ region_code: string }>('select region_code from organisations where id = $1', [orgId]);
  await t.database.query(
    `insert into accreditations (id, org_id, region_code, purpose, status, statement, valid_until, submitted_at, created_at, updated_at)
     values ($1, $2, $3, 'evaluation', 'approved', '测试用评价资质', '2099-12-31', now(), now(), now())`,
    [id, orgId, org?.region_code ?? '360000'],
  );
  for (const it of items)
    await t.database.query('insert into accreditation_items (accreditation_id, occupation_code, level_code) values ($1, $2, $3)', [
      id,
      it.occupationCode,
      it.levelCode,
    ]);
  return id;
}

export async function orgIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.database.query<{ org_id: string }>('select org_id from users where username = $1', [username]);
  if (!row) throw new Error(`no user ${username}`);
  return row.org_id;
}

/** A minimal valid PDF (the evidence check reads the first bytes). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The date `days` from the test clock's day, China time. */
export function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
