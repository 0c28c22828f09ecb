/** Route helpers shared by the ventures route files. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

/** The `:id` before validation (a malformed one is simply not found). */
export function paramId(request: FastifyRequest): string {
  const id = z.uuid().safeParse((request.params as { id?: unknown }).id);
  if (!id.success) throw new AppError('NOT_FOUND', { status: 404 });
  return id.data;
}
