/** Build the Fastify app: plugins, sessions, the API slices, OpenAPI docs, and the web app. */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { API_PREFIX } from '@entente/contracts';
import { auditSigner, setAuditSigner, startAuditFlusher } from '@entente/db';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { errorHandler, sendError } from './http/errors';
import { registerSessions } from './http/session';
import { authRoutes } from './auth/routes';
import { engagementRoutes } from './engagements/routes';
import { partnerRoutes } from './partners/routes';
import { agreementRoutes } from './agreements/routes';
import { strategyRoutes } from './strategy/routes';
import { planRoutes } from './strategy/plans/plan-routes';
import { initiativeRoutes } from './strategy/initiatives/initiative-routes';
import { capabilityRoutes } from './capability/routes';
import { personRoutes } from './persons/routes';
import { referenceRoutes } from './reference/routes';
import { dashboardRoutes } from './dashboard/routes';
import { adminRoutes } from './admin/routes';
import { exchangeRoutes } from './engagements/exchange-routes';
import { dueItemRoutes } from './due-items/routes';
import { incidentRoutes } from './incidents/routes';
import { areaRoutes } from './areas/routes';
import { evaluationRoutes } from './evaluation/routes';
import { monitorRoutes } from './monitors/routes';
import { accessRoutes } from './access/routes';

/** A ready-to-listen Fastify instance over the given context. */
export async function buildApp(app: AppContext) {
  const f = Fastify({ loggerInstance: app.log as FastifyBaseLogger, genReqId: () => randomUUID(), trustProxy: false, bodyLimit: 20 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  f.setValidatorCompiler(validatorCompiler);
  f.setSerializerCompiler(serializerCompiler);
  f.setErrorHandler(errorHandler);
  await f.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await f.register(cookie);
  await f.register(rateLimit, { global: false });
  await f.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await f.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'Entente API', version: '0.1.0', description: 'Plan, run, coordinate and evaluate international security engagements.' } },
    transform: jsonSchemaTransform,
  });
  await f.register(swaggerUi, { routePrefix: '/api/docs' });
  registerSessions(f, app);
  // Audit checkpoints are signed with a key derived from the deployment secret; staged list reads
  // enter the chain on a short timer and once more at shutdown (ADR 0005).
  setAuditSigner(auditSigner(app.secretKey));
  const auditFlusher = startAuditFlusher(app.owner.db, { onError: (e) => app.log.error({ err: e }, 'audit flush failed') });
  f.addHook('onClose', () => auditFlusher.stop());
  for (const routes of [authRoutes, engagementRoutes, exchangeRoutes, partnerRoutes, agreementRoutes, strategyRoutes, referenceRoutes, dashboardRoutes, adminRoutes, dueItemRoutes])
    await f.register(routes(app), { prefix: API_PREFIX });
  await f.register(incidentRoutes(app), { prefix: API_PREFIX });
  await f.register(areaRoutes(app), { prefix: API_PREFIX });
  await f.register(evaluationRoutes(app), { prefix: API_PREFIX });
  await f.register(monitorRoutes(app), { prefix: API_PREFIX });
  await f.register(accessRoutes(app), { prefix: API_PREFIX });
  await f.register(planRoutes(app), { prefix: API_PREFIX });
  await f.register(initiativeRoutes(app), { prefix: API_PREFIX });
  await f.register(capabilityRoutes(app), { prefix: API_PREFIX });
  await f.register(personRoutes(app), { prefix: API_PREFIX });
  f.get('/api/openapi.json', { schema: { hide: true } }, async () => f.swagger());
  const dist = app.config.webDist;
  if (dist && existsSync(dist)) {
    await f.register(fastifyStatic, { root: dist, wildcard: true });
    f.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return sendError(reply, req, 404, 'not_found', 'No such endpoint.');
      return reply.sendFile('index.html');
    });
  } else f.setNotFoundHandler((req, reply) => sendError(reply, req, 404, 'not_found', 'No such endpoint.'));
  return f;
}
