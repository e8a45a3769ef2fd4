/** Routes of public reference data (still behind login): states, organisations, memberships, funding, communities. */
import { Community, Country, ErrorEnvelope, FundingSource, Membership, Organisation, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reference } from '@entente/db';
import type { AppContext } from '../context';
import { respond } from '../http/run';

export const referenceRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['reference'];
  const r401 = { 401: ErrorEnvelope };
  f.get(ROUTES.countries, { schema: { tags, response: { 200: envelope(z.array(Country)), ...r401 } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => (await reference.listCountries(uc.tx)).map((c) => ({ iso3: c.iso3, name: c.name, region: c.region, subregion: c.subregion, lat: c.lat, lon: c.lon }))),
  );
  f.get(ROUTES.organisations, { schema: { tags, response: { 200: envelope(z.array(Organisation)), ...r401 } } }, (req, reply) =>
    respond(app, req, reply, (uc) => reference.listOrganisations(uc.tx, new Date().toISOString().slice(0, 10))),
  );
  f.get(ROUTES.memberships, { schema: { tags, querystring: z.object({ org: z.string().optional(), member: z.string().optional() }), response: { 200: envelope(z.array(Membership)), ...r401 } } }, (req, reply) =>
    respond(app, req, reply, (uc) => reference.listMemberships(uc.tx, { orgCode: req.query.org, memberIso3: req.query.member })),
  );
  f.get(ROUTES.fundingSources, { schema: { tags, response: { 200: envelope(z.array(FundingSource)), ...r401 } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => (await reference.listFundingSources(uc.tx)).map((x) => ({ id: x.id, code: x.code, name: x.name, legalAuthority: x.legalAuthority }))),
  );
  f.get(ROUTES.communities, { schema: { tags, response: { 200: envelope(z.array(Community)), ...r401 } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => (await reference.listCommunities(uc.tx)).filter((c) => uc.scope.communityIds.includes(c.id)).map((c) => ({ id: c.id, code: c.code, name: c.name }))),
  );
};
