import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Employers, training providers, evaluation bodies, HR agencies and host units. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull().unique(),
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    size: text('size', { enum: ['micro', 'small', 'medium', 'large'] }),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneBidx: text('contact_phone_bidx'),
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_region_idx').on(t.regionCode.op('text_pattern_ops')), index('organisations_kind_status_idx').on(t.kind, t.status)],
);
export type OrganisationRow = typeof organisations.$inferSelect;
