import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProfileFields } from '../../../shared/profiles.js';
import { roleCtx } from '../../plugins/request-context.js';
import { getOwnProfile, replaceProfile } from './profiles.service.js';
import { downloadResume } from './resume.pdf.js';

export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Talent: own profile, `{ profile: null }` before the first save. 401; 403. */
  app.get('/me', async (request) => getOwnProfile(roleCtx(request, ['talent'])));

  /** Talent: replace the profile. 200 { profile }; 400 VALIDATION_FAILED (issues name the field) / CATALOG_UNKNOWN_CODE {field}; 401; 403. */
  app.put('/me', { schema: { body: ProfileFields } }, async (request) => replaceProfile(roleCtx(request, ['talent']), request.body));

  /** Talent: own résumé as a Chinese PDF (A4), named after the person; audited. 200 application/pdf; 401; 403; 404 before the first save. */
  app.get('/me/resume.pdf', async (request, reply) => {
    const { pdf, disposition } = await downloadResume(roleCtx(request, ['talent']));
    return reply.type('application/pdf').header('content-disposition', disposition).send(pdf);
  });
};
