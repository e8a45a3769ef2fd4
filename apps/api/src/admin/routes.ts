/** Routes of the admin slice: users and their clearances, organisations, communities, the audit viewer. */
import {
  AdminCommunity,
  AdminOrganisation,
  AuditItem,
  AuditQuery,
  CommunityInput,
  CommunityMemberEnd,
  CommunityMemberInput,
  ErrorEnvelope,
  OrganisationInput,
  OrganisationUpdate,
  ROUTES,
  UserDetail,
  UserInput,
  UserItem,
  UserSecurityUpdate,
  envelope,
  page,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond, runUseCase } from '../http/run';
import { listAudit, listUsers } from './read-admin';
import { createUser } from './create-user';
import { unlockUser } from './unlock-user';
import { getUser } from './get-user';
import { updateUserSecurity } from './update-user-security';
import { listOrganisations } from './list-organisations';
import { createOrganisation } from './create-organisation';
import { updateOrganisation } from './update-organisation';
import { listCommunities } from './list-communities';
import { createCommunity } from './create-community';
import { addCommunityMember } from './add-community-member';
import { endCommunityMember } from './end-community-member';

const Id = z.object({ id: z.string() });
const MembershipOut = z.object({
  userId: z.string(),
  communityId: z.string(),
  role: z.string(),
  from: z.string(),
  to: z.string().nullable(),
});

export const adminRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['admin'];
    const errs = {
      400: ErrorEnvelope,
      401: ErrorEnvelope,
      403: ErrorEnvelope,
      404: ErrorEnvelope,
      409: ErrorEnvelope,
    };
    f.get(
      ROUTES.users,
      { schema: { tags, response: { 200: envelope(z.array(UserItem)), ...errs } } },
      (req, reply) => respond(app, req, reply, listUsers),
    );
    f.post(
      ROUTES.users,
      {
        schema: {
          tags,
          body: UserInput,
          response: { 201: envelope(z.object({ id: z.string(), username: z.string() })), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => createUser(uc, req.body), 201),
    );
    f.post(
      ROUTES.userUnlock,
      {
        schema: {
          tags,
          params: Id,
          response: { 200: envelope(z.object({ id: z.string(), username: z.string() })), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => unlockUser(uc, req.params.id)),
    );
    f.get(
      ROUTES.user,
      { schema: { tags, params: Id, response: { 200: envelope(UserDetail), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => getUser(uc, req.params.id)),
    );
    f.put(
      ROUTES.userSecurity,
      {
        schema: {
          tags,
          params: Id,
          body: UserSecurityUpdate,
          response: { 200: envelope(UserDetail), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => updateUserSecurity(uc, req.params.id, req.body)),
    );
    f.get(
      ROUTES.adminOrganisations,
      { schema: { tags, response: { 200: envelope(z.array(AdminOrganisation)), ...errs } } },
      (req, reply) => respond(app, req, reply, listOrganisations),
    );
    f.post(
      ROUTES.adminOrganisations,
      { schema: { tags, body: OrganisationInput, response: { 201: envelope(AdminOrganisation), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => createOrganisation(uc, req.body), 201),
    );
    // entente_app may not UPDATE organisation (see owner-run.ts).
    f.put(
      ROUTES.adminOrganisation,
      {
        schema: {
          tags,
          params: Id,
          body: OrganisationUpdate,
          response: { 200: envelope(AdminOrganisation), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => updateOrganisation(uc, req.params.id, req.body)),
    );
    f.get(
      ROUTES.adminCommunities,
      { schema: { tags, response: { 200: envelope(z.array(AdminCommunity)), ...errs } } },
      (req, reply) => respond(app, req, reply, listCommunities),
    );
    // The access service reloads the community bounds once the new community is committed.
    f.post(
      ROUTES.adminCommunities,
      { schema: { tags, body: CommunityInput, response: { 201: envelope(AdminCommunity), ...errs } } },
      async (req, reply) => {
        const { data, labels } = await runUseCase(app, req, (uc) => createCommunity(uc, req.body));
        await app.access.refresh();
        return reply.status(201).send({ data, meta: { pageLabel: app.access.pageLabel(labels) } });
      },
    );
    f.post(
      ROUTES.adminCommunityMembers,
      {
        schema: {
          tags,
          params: Id,
          body: CommunityMemberInput,
          response: { 201: envelope(MembershipOut), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => addCommunityMember(uc, req.params.id, req.body), 201),
    );
    f.post(
      ROUTES.adminCommunityMemberEnd,
      {
        schema: {
          tags,
          params: Id,
          body: CommunityMemberEnd,
          response: { 200: envelope(MembershipOut), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => endCommunityMember(uc, req.params.id, req.body)),
    );
    f.get(
      ROUTES.audit,
      { schema: { tags, querystring: AuditQuery, response: { 200: envelope(page(AuditItem)), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => listAudit(uc, req.query)),
    );
  };
