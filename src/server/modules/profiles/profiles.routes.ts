import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProfileFields } from '../../../shared/profiles.js';
import { roleCtx } from '../../plugins/request-context.js';
import { getOwnProfile, replaceProfile } from './profiles.service.js';

export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Talent: own profile, `{ profile: null }` before the first save. 401; 403. */
  app.get('/me', async (request) => getOwnProfile(roleCtx(request, ['talent'])));

  /** Talent: replace the profile. 200 { profile }; 400 VALIDATION_FAILED (issues name the field) / CATALOG_UNKNOWN_CODE {field}; 401; 403. */
  app.put('/me', { schema: { body: ProfileFields } }, async (request) => replaceProfile(roleCtx(request, ['talent']), request.body));
};
