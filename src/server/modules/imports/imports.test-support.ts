/** Shared by the import tests: upload a file, wait for its background task, read the rejected rows. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Batch {
  id: string;
  status: string;
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  reasonCounts: Record<string, number>;
  rejectedSample: { row: number; reasons: string[] }[];
}

export type ImportHelpers = ReturnType<typeof importHelpers>;

/** The helpers, bound to a test app. */
export function importHelpers(t: TestApp) {
  async function upload(s: Session, kind: 'talents' | 'jobs', body: string | Buffer, fileName = 'file.csv', type = 'text/csv') {
    return s.request({
      method: 'POST',
      url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
      payload: body,
      headers: { 'content-type': type },
    });
  }

  /** Waits for the background task (in process on PGlite, pg-boss on PostgreSQL) to finish the batch. */
  async function finished(s: Session, id: string): Promise<Batch> {
    await t.app.platform.tasks.idle();
    for (let i = 0; ; i++) {
      const batch = (await s.request({ method: 'GET', url: `/api/imports/${id}` })).json() as Batch;
      if (batch.status === 'succeeded' || batch.status === 'failed' || i > 3000) return batch;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Uploads, waits for the background task, and answers the finished batch. */
  async function importFile(s: Session, kind: 'talents' | 'jobs', body: string | Buffer, fileName?: string, type?: string): Promise<Batch> {
    const res = await upload(s, kind, body, fileName, type);
    expect(res.statusCode, res.body).toBe(202);
    const batch = await finished(s, res.json().id);
    expect(batch.status, JSON.stringify(batch)).toBe('succeeded');
    return batch;
  }

  async function rejectedCsv(s: Session, id: string): Promise<string[][]> {
    const res = await s.request({ method: 'GET', url: `/api/imports/${id}/rejected` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    return res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
  }

  return { upload, finished, importFile, rejectedCsv };
}
