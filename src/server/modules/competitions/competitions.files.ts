/**
 * Sealed file store for competition entry materials and archive materials: PDF, PNG or JPEG (type taken
 * from the first bytes; a declared type that disagrees is refused), at most `maxBytes`, SM4-sealed under
 * DATA_DIR/<folder> with a random name (the name the uploader gave is kept only as metadata).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import { openStream, sealStream } from '../../lib/crypto.js';
import { sniffType } from '../certificates/certificates.qualifications.js';

export interface StoredFile {
  mime: string;
  sizeBytes: number;
  sha256: string;
  storedName: string;
}

export async function storeSealedFile(ctx: Ctx, folder: string, input: { contentType: string; body: unknown; maxBytes: number }): Promise<StoredFile> {
  const body = input.body;
  if (!Buffer.isBuffer(body)) throw new AppError('COMPETITIONS_FILE_TYPE', { status: 415 });
  if (body.length === 0) throw new AppError('COMPETITIONS_FILE_EMPTY', { status: 400 });
  if (body.length > input.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { maxBytes: input.maxBytes } });
  const sniffed = sniffType(body);
  const declared = input.contentType.split(';')[0]?.trim().toLowerCase();
  if (!sniffed || (declared !== 'application/octet-stream' && declared !== sniffed)) throw new AppError('COMPETITIONS_FILE_TYPE', { status: 415 });
  const dir = path.join(ctx.platform.config.dataDir, folder);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storedName = `${randomUUID()}.sealed`;
  await pipeline(Readable.from([body]), sealStream(ctx.platform.keys), createWriteStream(path.join(dir, storedName), { mode: 0o600 }));
  return { mime: sniffed, sizeBytes: body.length, sha256: createHash('sha256').update(body).digest('hex'), storedName };
}

export function openSealedFile(ctx: Ctx, folder: string, storedName: string): NodeJS.ReadableStream {
  return createReadStream(path.join(ctx.platform.config.dataDir, folder, storedName)).pipe(openStream(ctx.platform.keys));
}
