/** Fixtures for the cross-region matrix (test/region-matrix.test.ts): a 南昌 public centre holding `personId`'s archive. */
import type { TestApp } from '../../../../test/helpers.js';

/** A 南昌 public service centre, the archive of `personId` it holds, a material and a requested transfer (rows inserted directly). */
export async function nanchangArchiveRecords(t: TestApp, personId: string) {
  const q = async (sql: string, params: unknown[]) => (await t.database.query<{ id: string }>(sql, params))[0]?.id ?? '';
  const centre = await q(
    `insert into archive_custodians (kind, name, region_code, created_at) values ('public_centre', '南昌市人才服务中心（测试）', '360100', now()) returning id`,
    [],
  );
  const other = await q(
    `insert into archive_custodians (kind, name, region_code, created_at) values ('public_centre', '九江市人才服务中心（测试）', '360400', now()) returning id`,
    [],
  );
  const personArchive = await q(
    `insert into person_archives (person_user_id, custodian_id, region_code, archive_no, since, created_at, updated_at) values ($1, $2, '360100', 'NC-TEST-1', '2020-07-01', now(), now()) returning id`,
    [personId, centre],
  );
  const archiveMaterial = await q(
    `insert into archive_materials (archive_id, title, file_name, mime, size_bytes, sha256, stored_name, created_at) values ($1, '学历证明', 'd.pdf', 'application/pdf', 10, 'x', 'none.sealed', now()) returning id`,
    [personArchive],
  );
  const archiveTransfer = await q(
    `insert into archive_transfers (archive_id, from_custodian_id, to_custodian_id, region_code, status, requested_at, updated_at) values ($1, $2, $3, '360100', 'requested', now(), now()) returning id`,
    [personArchive, centre, other],
  );
  return { personArchive, archiveMaterial, archiveTransfer };
}
