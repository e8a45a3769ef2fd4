/** Routes for field labels (partner sensitivity notes, plan internal notes) and TLP recipients (ADR 0007). */
import {
  ErrorEnvelope,
  ROUTES,
  RecordFieldInput,
  RecordFieldView,
  RecordFields,
  TlpRecipientsInput,
  TlpRecipientsView,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { readFields } from './read-fields';
import { writeField } from './write-field';
import { readTlpRecipients } from './read-tlp-recipients';
import { setTlpRecipients } from './set-tlp-recipients';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
};
const Iso3 = z.object({ iso3: z.string() });
const Id = z.object({ id: z.string() });
const Iso3Field = z.object({ iso3: z.string(), field: z.string() });
const IdField = z.object({ id: z.string(), field: z.string() });

export const accessRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['access'];
    const read = { 200: envelope(RecordFields), ...errors };
    const write = { 200: envelope(RecordFieldView), ...errors };
    f.get(ROUTES.partnerFields, { schema: { tags, params: Iso3, response: read } }, (req, reply) =>
      respond(app, req, reply, (uc) => readFields(uc, 'partner', req.params.iso3)),
    );
    f.put(
      ROUTES.partnerField,
      { schema: { tags, params: Iso3Field, body: RecordFieldInput, response: write } },
      (req, reply) =>
        respond(app, req, reply, (uc) =>
          writeField(uc, 'partner', req.params.iso3, req.params.field, req.body),
        ),
    );
    f.get(ROUTES.planFields, { schema: { tags, params: Id, response: read } }, (req, reply) =>
      respond(app, req, reply, (uc) => readFields(uc, 'plan', req.params.id)),
    );
    f.put(
      ROUTES.planField,
      { schema: { tags, params: IdField, body: RecordFieldInput, response: write } },
      (req, reply) =>
        respond(app, req, reply, (uc) => writeField(uc, 'plan', req.params.id, req.params.field, req.body)),
    );
    f.get(ROUTES.personFields, { schema: { tags, params: Id, response: read } }, (req, reply) =>
      respond(app, req, reply, (uc) => readFields(uc, 'person', req.params.id)),
    );
    f.put(
      ROUTES.personField,
      { schema: { tags, params: IdField, body: RecordFieldInput, response: write } },
      (req, reply) =>
        respond(app, req, reply, (uc) => writeField(uc, 'person', req.params.id, req.params.field, req.body)),
    );
    const tlp = { 200: envelope(TlpRecipientsView), ...errors };
    for (const [route, kind] of [
      [ROUTES.engagementTlpRecipients, 'engagement'],
      [ROUTES.agreementTlpRecipients, 'agreement'],
    ] as const) {
      f.get(route, { schema: { tags, params: Id, response: tlp } }, (req, reply) =>
        respond(app, req, reply, (uc) => readTlpRecipients(uc, kind, req.params.id)),
      );
      f.put(route, { schema: { tags, params: Id, body: TlpRecipientsInput, response: tlp } }, (req, reply) =>
        respond(app, req, reply, (uc) => setTlpRecipients(uc, kind, req.params.id, req.body)),
      );
    }
  };
