/** Canonical form and hashing of audit rows: pure, shared by the writer and the verifier. */
import { sm3 } from '../../lib/crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorRegion: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  regionCode: string | null;
  result: string;
  detail: Record<string, unknown> | null;
}

function canonicalValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = canonicalValue((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** JSON with sorted keys and ISO timestamps: the same bytes whether written or read back. */
export function canonicalRow(r: ChainFields): string {
  return JSON.stringify(
    canonicalValue({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorRole: r.actorRole,
      actorRegion: r.actorRegion,
      ip: r.ip,
      requestId: r.requestId,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      regionCode: r.regionCode,
      result: r.result,
      detail: r.detail,
    }),
  );
}

export function chainHash(prevHash: string, row: ChainFields): string {
  return sm3(prevHash + canonicalRow(row));
}
