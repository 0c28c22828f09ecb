/**
 * 技能评价与证书 (skill evaluation and certificates): the evaluation-session, certificate and
 * professional-qualification workflows, the certificate number with its check character, and the
 * request schemas. Shared by the server (applyTransition) and the web app (buttons, the /verify form).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/** Levels of the five_level scheme (table skill_levels): '5' 五级/初级工 … '1' 一级/高级技师. */
export const LevelCode = z.enum(['5', '4', '3', '2', '1']);
export type LevelCode = z.infer<typeof LevelCode>;
const OccupationCode = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/);
const IsoDate = z.iso.date();

// ---------------------------------------------------------------------------------------------
// Certificate numbers: GC-YYYY-XXXX-XXXX-C
// ---------------------------------------------------------------------------------------------

/**
 * Crockford base-32 (no I, L, O, U). The check character is Luhn mod 32 over the canonical form
 * (`GC` + year + 8 serial characters): it catches every single-character substitution and every
 * transposition of two adjacent characters, so a mistyped or altered number is refused before lookup.
 */
export const CERT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CERT_ALPHABET.length;

export function certificateCheckChar(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = CERT_ALPHABET.indexOf(body[i] as string);
    if (code < 0) throw new Error(`not a certificate character: ${body[i]}`);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CERT_ALPHABET[(N - (sum % N)) % N] as string;
}

/** Upper-cases, drops spaces and dashes, reads O as 0 and I/L as 1 (Crockford). */
export function normaliseCertificateNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export type NumberCheck = { ok: true; canonical: string } | { ok: false; reason: 'format' | 'check' };

/** `GC` + 4-digit year + 8 serial characters + check character. */
export function checkCertificateNumber(raw: string): NumberCheck {
  const n = normaliseCertificateNumber(raw);
  if (!/^GC\d{4}[0-9A-HJKMNP-TV-Z]{9}$/.test(n)) return { ok: false, reason: 'format' };
  const body = n.slice(0, -1);
  return certificateCheckChar(body) === n.slice(-1) ? { ok: true, canonical: n } : { ok: false, reason: 'check' };
}

/** `GC-2026-7KQ4-MZ2P-X` for display and printing. */
export function formatCertificateNumber(canonical: string): string {
  return `${canonical.slice(0, 2)}-${canonical.slice(2, 6)}-${canonical.slice(6, 10)}-${canonical.slice(10, 14)}-${canonical.slice(14)}`;
}

/** A canonical number from a year and 8 serial characters (the server draws them at random). */
export function certificateNumber(year: number, serial: string): string {
  const body = `GC${year}${serial}`;
  return body + certificateCheckChar(body);
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

export const SessionStatus = z.enum(['open', 'closed', 'published', 'cancelled']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/**
 * 评价批次 (an evaluation session of a plan): candidates join while `open`; the body closes it, enters
 * results, then publishes them (results are final; certificates may be issued to passed candidates).
 */
export const sessionWorkflow = defineWorkflow({
  name: 'evaluation_session',
  states: SessionStatus.options,
  initial: 'open',
  transitions: {
    close: { from: ['open'], to: 'closed', roles: ['evaluator'] },
    reopen: { from: ['closed'], to: 'open', roles: ['evaluator'] },
    publish_results: { from: ['closed'], to: 'published', roles: ['evaluator'] },
    cancel: { from: ['open', 'closed'], to: 'cancelled', roles: ['evaluator', 'official'], reason: 'required' },
  },
});
export type SessionAction = keyof typeof sessionWorkflow.transitions;

export const CertificateStatus = z.enum(['valid', 'revoked']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** A certificate is revoked (with a reason) by its issuer or an official of the holder's region; never reinstated. */
export const certificateWorkflow = defineWorkflow({
  name: 'certificate',
  states: CertificateStatus.options,
  initial: 'valid',
  transitions: {
    revoke: { from: ['valid'], to: 'revoked', roles: ['evaluator', 'official'], reason: 'required' },
  },
});

export const QualificationStatus = z.enum(['submitted', 'verified', 'rejected', 'withdrawn']);
export type QualificationStatus = z.infer<typeof QualificationStatus>;

/** 专业技术资格 declared by a talent with evidence; an official of the talent's region verifies or rejects it. */
export const qualificationWorkflow = defineWorkflow({
  name: 'qualification',
  states: QualificationStatus.options,
  initial: 'submitted',
  transitions: {
    verify: { from: ['submitted'], to: 'verified', roles: ['official'] },
    reject: { from: ['submitted'], to: 'rejected', roles: ['official'], reason: 'required' },
    withdraw: { from: ['submitted'], to: 'withdrawn', roles: ['talent'] },
  },
});

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const CreatePlan = z.object({
  name: z.string().trim().min(4).max(80),
  occupationCode: OccupationCode,
  levelCode: LevelCode,
  /** Pass rule: both parts at least these scores (0–100). */
  theoryPassScore: z.number().int().min(0).max(100).default(60),
  practicalPassScore: z.number().int().min(0).max(100).default(60),
  description: z.string().trim().max(2000).optional(),
});
export type CreatePlan = z.infer<typeof CreatePlan>;

export const CreateSession = z.object({
  examOn: IsoDate,
  venue: z.string().trim().min(2).max(200),
  capacity: z.number().int().min(1).max(5000),
});
export type CreateSession = z.infer<typeof CreateSession>;

/** The body adds trainees who completed a matching class (by enrolment id, see completed-trainees). */
export const AddTrainees = z.object({ enrolmentIds: z.array(z.uuid()).min(1).max(200) });
export type AddTrainees = z.infer<typeof AddTrainees>;

const Score = z.number().min(0).max(100).multipleOf(0.5);
export const ResultEntry = z.object({
  candidateId: z.uuid(),
  absent: z.boolean().default(false),
  theoryScore: Score.nullable().default(null),
  practicalScore: Score.nullable().default(null),
});
export const EnterResults = z.object({ results: z.array(ResultEntry).min(1).max(500) });
export type EnterResults = z.infer<typeof EnterResults>;

export const CandidateResult = z.enum(['pending', 'passed', 'failed', 'absent']);
export type CandidateResult = z.infer<typeof CandidateResult>;

export const IssueCertificates = z.object({ candidateIds: z.array(z.uuid()).max(500).optional() });

export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

/** Professional-qualification levels (e.g. 软考 初级/中级/高级). */
export const QualificationLevel = z.enum(['junior', 'intermediate', 'senior']);
export type QualificationLevel = z.infer<typeof QualificationLevel>;
export const QualificationKind = z.enum(['ruankao', 'other']);
export type QualificationKind = z.infer<typeof QualificationKind>;

export const DeclareQualification = z.object({
  kind: QualificationKind,
  /** 资格名称, e.g. 软件设计师, 系统架构设计师. */
  title: z.string().trim().min(2).max(60),
  level: QualificationLevel,
  certificateNo: z.string().trim().min(4).max(40),
  issuedOn: IsoDate,
  authority: z.string().trim().min(2).max(80),
  evidenceId: z.uuid(),
  /** Optional: the occupation it qualifies for (lets matching count it). */
  occupationCode: OccupationCode.nullable().optional(),
});
export type DeclareQualification = z.infer<typeof DeclareQualification>;

/** Evidence files: type checked by content (magic bytes), at most 5 MB. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const VerifyResult = z.enum(['valid', 'revoked', 'tampered', 'not_found', 'check_failed']);
export type VerifyResult = z.infer<typeof VerifyResult>;

export interface PublicCertificate {
  number: string;
  numberDisplay: string;
  holderMasked: string;
  occupationCode: string;
  occupationName: string | null;
  levelCode: string;
  levelName: string | null;
  issuerName: string;
  issuedOn: string;
  revokedOn: string | null;
  revokedReason: string | null;
}

export interface VerifyAnswer {
  result: VerifyResult;
  number: string;
  certificate: PublicCertificate | null;
}
