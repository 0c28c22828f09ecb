/** English texts of skill evaluation and certificates (partial: missing keys fall back to Chinese). */
import type { DeepPartial } from './messages.js';
import type { zhCNCertificates } from './zh-CN.certificates.js';

export const enUSCertificates: DeepPartial<typeof zhCNCertificates> = {
  nav: { mine: 'My certificates', evaluation: 'Evaluation', manage: 'Certificates & qualifications', verify: 'Verify a certificate' },
  level: { '5': 'Level 5 (junior)', '4': 'Level 4 (intermediate)', '3': 'Level 3 (senior)', '2': 'Level 2 (technician)', '1': 'Level 1 (senior technician)' },
  qualLevel: { junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' },
  certStatus: { valid: 'Valid', revoked: 'Revoked' },
  qualStatus: { submitted: 'Awaiting verification', verified: 'Verified', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  verify: {
    title: 'Verify a certificate',
    intro: 'Enter a certificate number to check that it is genuine and valid. No account needed; the holder’s name is partly hidden.',
    label: 'Certificate number',
    submit: 'Verify',
    valid: 'Valid certificate',
    validDesc: 'This certificate matches the platform’s signed record.',
    revoked: 'Revoked: no longer valid',
    revokedDesc: 'Revoked on {date}. Reason: {reason}',
    tampered: 'Invalid: the record does not match the platform’s signature',
    tamperedDesc: 'The stored content differs from what was signed. Do not rely on it.',
    not_found: 'Invalid: no such certificate',
    not_foundDesc: 'There is no certificate numbered {number}.',
    check_failed: 'Invalid certificate number',
    check_failedDesc: 'The format or the check character is wrong (a character may be mistyped).',
    details: 'Certificate',
    another: 'Verify another certificate',
  },
  profile: { title: 'Verified certificates', empty: 'No verified certificates yet', verifiedTag: 'Verified' },
};
