/**
 * buildApp(): the whole HTTP platform, used by main.ts and by every test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Platform } from './context.js';
import type { Database } from './db/client.js';
import { type Clock, systemClock } from './lib/clock.js';
import { deriveKeys } from './lib/crypto.js';
import { loggerOptions } from './logger.js';
import { APPLICATIONS_REMIND_STALE_TASK, applicationRoutes, remindStaleApplicationsTask } from './modules/applications/index.js';
import { eventRoutes } from './modules/events/index.js';
import { competitionRoutes } from './modules/competitions/index.js';
import { archiveRoutes } from './modules/archives/index.js';
import { ventureRoutes } from './modules/ventures/index.js';
import { AGENCIES_EXPIRE_TASK, agencyRoutes, expireRegistrationsTask } from './modules/agencies/index.js';
import { RECOGNITION_DEADLINES_TASK, recognitionDeadlinesTask, recognitionRoutes } from './modules/recognition/index.js';
import { POLICIES_PREFILL_TASK, policyRoutes, prefillTask } from './modules/policies/index.js';
import { certificateRoutes } from './modules/certificates/index.js';
import { DASHBOARD_REPORT_TASK, DASHBOARD_SYNC_TASK, dashboardReportTask, dashboardRoutes, dashboardSyncTask } from './modules/dashboard/index.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { AUDIT_VERIFY_TASK, auditVerifyTask } from './modules/audit/audit.verify.js';
import { adminRoutes } from './modules/auth/admin.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { matchingRoutes } from './modules/matching/index.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { IMPORT_TASK, IMPORTS_PURGE_TASK, importRoutes, importTask, purgeImportFilesTask } from './modules/imports/index.js';
import { expireJobsTask, JOBS_EXPIRE_TASK, jobRoutes } from './modules/jobs/index.js';
import { expireAccreditationsTask, PROVIDERS_EXPIRE_TASK, providerRoutes } from './modules/providers/index.js';
import { skillCatalogueRoutes } from './modules/skillcatalog/index.js';
import { occupationRoutes } from './modules/occupations/index.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { profileRoutes } from './modules/profiles/index.js';
import { expireInvitationsTask, TALENTPOOL_EXPIRE_TASK, talentPoolRoutes } from './modules/talentpool/index.js';
import { createTaskRunner } from './modules/tasks/tasks.runner.js';
import { finishEndedClassesTask, TRAINING_FINISH_TASK, trainingRoutes } from './modules/training/index.js';
import { taskRoutes } from './modules/tasks/tasks.routes.js';
import { refreshWagesTask, WAGES_REFRESH_TASK, wageRoutes } from './modules/wages/index.js';
import { OPENDATA_REFRESH_TASK, openDataRoutes, refreshOpenDataTask } from './modules/opendata/index.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerSession } from './plugins/session.js';

/** Repository root and the built web app; `GANCAI_WEB_DIST` lets parallel builds (e.g. e2e runs) use their own folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = process.env.GANCAI_WEB_DIST ? path.resolve(process.env.GANCAI_WEB_DIST) : path.join(REPO_ROOT, 'dist/web');

/** Every route, as registered: the test matrices walk it so no route is skipped. */
export interface RouteEntry {
  method: string;
  url: string;
  config: { regionResource?: string; public?: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  /** false silences request logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
  /** Where log lines go (default stdout); tests capture them to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
  /** Start the background-task runner (default true). */
  startTasks?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { ...loggerOptions(config.logLevel), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const platform: Platform = {
    database,
    config,
    keys: deriveKeys(config.masterKey),
    clock: opts.clock ?? systemClock,
    tasks: createTaskRunner(database.kind),
  };
  app.decorate('platform', platform);
  platform.tasks.register(AUDIT_VERIFY_TASK, auditVerifyTask);
  platform.tasks.register(JOBS_EXPIRE_TASK, expireJobsTask);
  platform.tasks.register(PROVIDERS_EXPIRE_TASK, expireAccreditationsTask);
  platform.tasks.register(AGENCIES_EXPIRE_TASK, expireRegistrationsTask);
  platform.tasks.register(APPLICATIONS_REMIND_STALE_TASK, remindStaleApplicationsTask);
  platform.tasks.register(IMPORT_TASK, importTask);
  platform.tasks.register(IMPORTS_PURGE_TASK, purgeImportFilesTask);
  platform.tasks.register(TALENTPOOL_EXPIRE_TASK, expireInvitationsTask);
  platform.tasks.register(POLICIES_PREFILL_TASK, prefillTask);
  platform.tasks.register(DASHBOARD_SYNC_TASK, dashboardSyncTask);
  platform.tasks.register(DASHBOARD_REPORT_TASK, dashboardReportTask);
  platform.tasks.register(WAGES_REFRESH_TASK, refreshWagesTask);
  platform.tasks.register(OPENDATA_REFRESH_TASK, refreshOpenDataTask);
  platform.tasks.register(TRAINING_FINISH_TASK, finishEndedClassesTask);
  platform.tasks.register(RECOGNITION_DEADLINES_TASK, recognitionDeadlinesTask);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url, config: (r.config ?? {}) as RouteEntry['config'] });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, { max: config.rateLimit.globalPerMinute, timeWindow: 60_000 });
  await app.register(cookie);
  if (config.apiDocs) {
    await app.register(swagger, {
      openapi: { info: { title: '赣才 Gancai API', version: '0.1.0', description: '江西省数字人才服务平台 API' } },
      transform: jsonSchemaTransform,
    });
  }
  registerSession(app);
  registerErrorHandling(app);

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(accountRoutes, { prefix: '/api/account' });
  await app.register(catalogRoutes, { prefix: '/api/catalog' });
  await app.register(occupationRoutes, { prefix: '/api/occupations' });
  await app.register(organisationRoutes, { prefix: '/api/organisations' });
  await app.register(peopleRoutes, { prefix: '/api/people' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(taskRoutes, { prefix: '/api/tasks' });
  await app.register(jobRoutes, { prefix: '/api/jobs' });
  await app.register(profileRoutes, { prefix: '/api/profiles' });
  await app.register(applicationRoutes, { prefix: '/api/applications' });
  await app.register(importRoutes, { prefix: '/api/imports' });
  await app.register(eventRoutes, { prefix: '/api/events' });
  await app.register(competitionRoutes, { prefix: '/api/competitions' });
  await app.register(archiveRoutes, { prefix: '/api/archives' });
  await app.register(ventureRoutes, { prefix: '/api/ventures' });
  await app.register(agencyRoutes, { prefix: '/api/agencies' });
  await app.register(policyRoutes, { prefix: '/api/policies' });
  await app.register(skillCatalogueRoutes, { prefix: '/api/skill-catalogues' });
  await app.register(providerRoutes, { prefix: '/api/providers' });
  await app.register(talentPoolRoutes, { prefix: '/api/talent-pool' });
  await app.register(matchingRoutes, { prefix: '/api/matching' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  await app.register(wageRoutes, { prefix: '/api/wages' });
  await app.register(openDataRoutes, { prefix: '/api/open' });
  await app.register(trainingRoutes, { prefix: '/api/training' });
  await app.register(certificateRoutes, { prefix: '/api/certificates' });
  await app.register(recognitionRoutes, { prefix: '/api/recognition' });

  if (config.apiDocs) {
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  }
  await registerWeb(app);

  app.addHook('onReady', async () => {
    if (opts.startTasks !== false) await platform.tasks.start(platform);
  });
  app.addHook('onClose', async () => {
    await platform.tasks.stop();
  });
  return app;
}

/** The built web app, with the SPA's index.html for any other non-API GET. */
async function registerWeb(app: FastifyInstance) {
  const built = existsSync(path.join(WEB_DIST, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: ['index.html'],
      maxAge: '1h',
      // brotli / gzip copies written by the build (vite.config.ts `precompress`)
      preCompressed: true,
      // hashed assets never change under their name; the page that names them must be revalidated after a deploy
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('index.html')) res.header('cache-control', 'no-cache');
        else if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (built && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', requestId: request.id });
  });
}
