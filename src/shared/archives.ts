/**
 * 流动人员人事档案: who holds a mobile person's archive (a custodian: an HR service agency, or a public
 * employment/talent service centre recorded by officials), transfers between custodians, digitised
 * materials and certificates of custody.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const CustodianKind = z.enum(['agency', 'public_centre']);
export type CustodianKind = z.infer<typeof CustodianKind>;

export const TransferStatus = z.enum(['requested', 'approved', 'dispatched', 'received', 'rejected', 'cancelled']);
export type TransferStatus = z.infer<typeof TransferStatus>;
export const OPEN_TRANSFER_STATUSES = ['requested', 'approved', 'dispatched'] as const satisfies readonly TransferStatus[];

/**
 * 转档: the person requests a move to another custodian; the current (sending) custodian approves or
 * rejects, then dispatches with a tracking number; the receiving custodian confirms receipt, which moves
 * custody (exactly once: the transfer row is locked and custody changes only from the sending custodian).
 * Custodian staff are `agency` accounts of the custodian organisation, or officials for a public centre.
 */
export const transferWorkflow = defineWorkflow({
  name: 'archive_transfer',
  states: TransferStatus.options,
  initial: 'requested',
  transitions: {
    approve: { from: ['requested'], to: 'approved', roles: ['agency', 'official'] },
    reject: { from: ['requested'], to: 'rejected', roles: ['agency', 'official'], reason: 'required' },
    dispatch: { from: ['approved'], to: 'dispatched', roles: ['agency', 'official'] },
    receive: { from: ['dispatched'], to: 'received', roles: ['agency', 'official'] },
    cancel: { from: ['requested'], to: 'cancelled', roles: ['talent'], reason: 'optional' },
  },
});
export type TransferAction = keyof typeof transferWorkflow.transitions;

const RegionCode = z.string().regex(/^\d{6}$/);

export const CreateCustodian = z.object({
  kind: CustodianKind,
  name: z.string().trim().min(4).max(80),
  regionCode: RegionCode,
  /** For kind `agency`: the verified HR service agency organisation. */
  orgId: z.uuid().nullable().default(null),
  address: z.string().trim().max(200).default(''),
});
export type CreateCustodian = z.infer<typeof CreateCustodian>;

/** Officials record who holds a person's archive (by username of the talent account). */
export const RecordArchive = z.object({
  username: z.string().trim().min(3).max(40),
  custodianId: z.uuid(),
  archiveNo: z.string().trim().min(3).max(40),
  since: z.iso.date(),
});
export type RecordArchive = z.infer<typeof RecordArchive>;

export const RequestTransfer = z.object({ toCustodianId: z.uuid(), reason: z.string().trim().max(300).default('') });
export const DispatchBody = z.object({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/),
});
export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional(), trackingNumber: z.string().trim().max(40).optional() });

export const ARCHIVE_MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Classes of archive materials (人事档案材料分类, the ten classes of 《干部人事档案材料收集归档规定》 that public
 * talent service centres also use for mobile persons' archives).
 */
export const ArchiveMaterialCategory = z.enum([
  'resume',
  'autobiography',
  'appraisal',
  'education',
  'review',
  'party',
  'award',
  'discipline',
  'employment',
  'other',
]);
export type ArchiveMaterialCategory = z.infer<typeof ArchiveMaterialCategory>;

export const UploadMaterialQuery = z.object({
  title: z.string().trim().min(1).max(60),
  fileName: z.string().trim().min(1).max(120).default('material'),
  category: ArchiveMaterialCategory.default('other'),
});

/**
 * Custodian staff: the digitised materials of the archives they hold. `q` is an archive number (or part of
 * one) or a person's full name (exact: names are shown masked, so a name is never guessed from a fragment);
 * `from` / `to` are upload dates (China time, inclusive).
 */
export const MaterialListQuery = z
  .object({
    q: z.string().trim().max(40).optional(),
    category: ArchiveMaterialCategory.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'before_from' });
export type MaterialListQuery = z.infer<typeof MaterialListQuery>;
