/** Public surface of the certificates module (技能评价与证书): other modules and the seed import from here only. */
export { certificateRoutes } from './certificates.routes.js';
export { type CertificateSource, issueCertificate, validCertificatesOf } from './certificates.issue.js';
export { verifiedCredentialsOf } from './certificates.service.js';
export { certificates } from './certificates.tables.js';
export { evidenceChangedSince, evidenceMarkMs, type VerifiedEvidence, verifiedEvidence } from './certificates.evidence.js';
export { seedCertificates } from './certificates.seed.js';
