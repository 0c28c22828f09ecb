import { z } from 'zod';
import { Role } from '../../../shared/roles.js';

export const AccountSummary = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  displayName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  department: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), status: z.string() }).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  secondFactor: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const Me = z.object({ user: AccountSummary, csrfToken: z.string(), idleMinutes: z.number(), expiresAt: z.string() });

export function meResponse(user: AccountSummary, csrfToken: string, idleMinutes: number, expiresAt: Date) {
  return { user, csrfToken, idleMinutes, expiresAt: expiresAt.toISOString() };
}
