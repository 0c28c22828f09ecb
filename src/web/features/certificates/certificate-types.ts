/** Shapes of the certificates API answers, as the pages use them. */
import type { CandidateResult, CertificateStatus, QualificationStatus, SessionStatus, VerifyAnswer } from '../../../shared/certificates.js';

export type { VerifyAnswer };

export interface CertificateView {
  id: string;
  number: string;
  numberDisplay: string;
  holderName: string;
  occupationCode: string;
  occupationName: string | null;
  levelCode: string;
  levelName: string | null;
  issuerName: string;
  issuedOn: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revokedReason: string | null;
  verifyPath: string;
  verifyUrl: string;
  qrDataUrl: string | null;
  allowedActions: string[];
}

export interface SessionView {
  id: string;
  planId: string;
  occupationCode: string;
  levelCode: string;
  examOn: string;
  venue: string;
  capacity: number;
  candidates: number;
  seatsLeft: number;
  status: SessionStatus;
  allowedActions: string[];
}

export interface OpenSession extends SessionView {
  planName: string;
  orgName: string;
  occupationName: string | null;
  levelName: string | null;
  registered: boolean;
}

export interface PlanView {
  id: string;
  name: string;
  occupationCode: string;
  occupationName: string | null;
  levelCode: string;
  levelName: string | null;
  theoryPassScore: number;
  practicalPassScore: number;
  sessions: SessionView[];
}

export interface CandidateView {
  id: string;
  name: string;
  source: 'registration' | 'trainee';
  theoryScore: number | null;
  practicalScore: number | null;
  result: CandidateResult;
  certificateNumber: string | null;
  certificateStatus: CertificateStatus | null;
}

export interface SessionDetail extends SessionView {
  planName: string;
  theoryPassScore: number;
  practicalPassScore: number;
  occupationName: string | null;
  levelName: string | null;
  candidateList: CandidateView[];
}

export interface Candidacy {
  id: string;
  sessionId: string;
  planName: string;
  orgName: string;
  occupationName: string | null;
  levelName: string | null;
  examOn: string;
  venue: string;
  sessionStatus: SessionStatus;
  result: CandidateResult | null;
  theoryScore: number | null;
  practicalScore: number | null;
}

export interface QualificationView {
  id: string;
  kind: 'ruankao' | 'other';
  title: string;
  level: 'junior' | 'intermediate' | 'senior';
  certificateNo: string;
  issuedOn: string;
  authority: string;
  occupationCode: string | null;
  occupationName: string | null;
  status: QualificationStatus;
  regionCode: string;
  holderName: string | null;
  evidence: { fileName: string; mime: string; sizeBytes: number } | null;
  createdAt: string;
  allowedActions: string[];
}

export interface VerifiedCredentials {
  certificates: {
    id: string;
    number: string;
    numberDisplay: string;
    occupationCode: string;
    occupationName: string | null;
    levelCode: string;
    levelName: string | null;
    issuerName: string;
    issuedOn: string;
    verifyPath: string;
  }[];
  qualifications: {
    id: string;
    kind: string;
    title: string;
    level: string;
    certificateNo: string;
    authority: string;
    issuedOn: string;
    occupationName: string | null;
  }[];
}
