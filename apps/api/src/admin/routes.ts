/** Routes of the admin slice: users and the audit viewer. */
import { AuditItem, AuditQuery, ErrorEnvelope, ROUTES, UserInput, UserItem, envelope, page } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { listAudit, listUsers } from './read-admin';
import { createUser } from './create-user';
import { unlockUser } from './unlock-user';

export const adminRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['admin'];
  const errs = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
  f.get(ROUTES.users, { schema: { tags, response: { 200: envelope(z.array(UserItem)), ...errs } } }, (req, reply) => respond(app, req, reply, listUsers));
  f.post(ROUTES.users, { schema: { tags, body: UserInput, response: { 201: envelope(z.object({ id: z.string(), username: z.string() })), ...errs } } }, (req, reply) =>
    respond(app, req, reply, (uc) => createUser(uc, req.body), 201),
  );
  f.post(ROUTES.userUnlock, { schema: { tags, params: z.object({ id: z.string() }), response: { 200: envelope(z.object({ id: z.string(), username: z.string() })), ...errs } } }, (req, reply) =>
    respond(app, req, reply, (uc) => unlockUser(uc, req.params.id)),
  );
  f.get(ROUTES.audit, { schema: { tags, querystring: AuditQuery, response: { 200: envelope(page(AuditItem)), ...errs } } }, (req, reply) =>
    respond(app, req, reply, (uc) => listAudit(uc, req.query)),
  );
};
