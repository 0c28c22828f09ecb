/** 受托招聘 (agency): the employer's postings list and form, reused under /agency/jobs with the client employer. */
import { EmployerJobsPage } from '../jobs/EmployerJobsPage.js';
import { JobFormPage } from '../jobs/JobFormPage.js';

const BASE = '/agency/jobs';

export function AgencyJobsPage() {
  return <EmployerJobsPage basePath={BASE} forClients />;
}

export function AgencyJobFormPage() {
  return <JobFormPage basePath={BASE} />;
}
