/** What the API returns for a posting: the full view for its employer and officials, the public view for everyone. */
import { type JobAction, type JobStatus, jobWorkflow } from '../../../shared/jobs.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import type { JobPostingRow } from './jobs.tables.js';

/** Calendar day in China (UTC+8, no daylight saving), YYYY-MM-DD: validity dates compare against it. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function publicJobView(row: JobPostingRow, orgName: string | null) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName,
    /** 受托招聘: the client employer when an HR service agency posted it. */
    clientEmployerName: row.clientEmployerName,
    regionCode: row.regionCode,
    title: row.title,
    description: row.description,
    occupationCode: row.occupationCode,
    requiredSkills: row.requiredSkills,
    preferredSkills: row.preferredSkills,
    educationCode: row.educationCode,
    experienceYearsMin: row.experienceYearsMin,
    salaryMinFen: row.salaryMinFen,
    salaryMaxFen: row.salaryMaxFen,
    headcount: row.headcount,
    workMode: row.workMode,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    isDigital: row.isDigital,
    status: row.status as JobStatus,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function jobView(row: JobPostingRow, actor: Actor | null, orgName: string | null = null) {
  return {
    ...publicJobView(row, orgName),
    vetting: row.vetting,
    vettingOverrideReason: row.vettingOverrideReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: actor ? allowedActions<JobStatus, JobAction>(jobWorkflow, row.status as JobStatus, [actor.role]) : [],
  };
}
export type JobView = ReturnType<typeof jobView>;
