import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Accounts. Personal identifiers are stored only as SM4 ciphertext (`*_enc`) with an
 * HMAC-SM3 blind index (`*_bidx`) for exact lookup; never in plain text.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    status: text('status', { enum: ['active', 'disabled', 'closed'] })
      .notNull()
      .default('active'),
    displayName: text('display_name').notNull(),
    /** Region the account belongs to: officials' jurisdiction, talents' 常住地, organisations' seat. */
    regionCode: text('region_code').notNull(),
    department: text('department'),
    orgId: uuid('org_id'),
    idNumberEnc: text('id_number_enc'),
    idNumberBidx: text('id_number_bidx'),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    totpSecretEnc: text('totp_secret_enc'),
    totpLastStep: integer('totp_last_step'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // text_pattern_ops lets `region_code LIKE '3607%'` (the region scope) use the index under any collation
    index('users_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('users_role_region_idx').on(t.role, t.regionCode.op('text_pattern_ops')),
    index('users_id_number_bidx_idx').on(t.idNumberBidx),
    index('users_phone_bidx_idx').on(t.phoneBidx),
    index('users_org_idx').on(t.orgId),
  ],
);
export type UserRow = typeof users.$inferSelect;

/** Server-side sessions: the cookie carries a random token, the table holds only its SM3 digest. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    mfaPassed: boolean('mfa_passed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    idleMinutes: integer('idle_minutes').notNull(),
    reauthAt: timestamp('reauth_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;

/**
 * Failed-login counters keyed by SM3(lower(username)), for existing and unknown names alike,
 * so a lockout answer never tells whether an account exists. Persisted: survives restarts.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
