/** Routes for moving engagements in and out: CSV, iCalendar, CSV/XLSX import. */
import { DomainError } from '@entente/core';
import { EngagementListQuery, ErrorEnvelope, ImportReport, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond, runUseCase } from '../http/run';
import { exportCsv, exportIcs } from './export-engagements';
import { importEngagements, parseCsv, parseXlsx, type SourceRow } from './import-engagements';

const portionLevel = (banner: string) => banner.split('//')[0]?.split(' ').map((w) => w[0]).join('') ?? 'HO';

export const exchangeRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['engagements'];
  const Q = EngagementListQuery.partial().extend({ template: z.coerce.boolean().optional() });
  f.get(ROUTES.engagementCsv, { schema: { tags, querystring: Q } }, async (req, reply) => {
    const { data } = await runUseCase(app, req, (uc) => exportCsv(uc, req.query, !!req.query.template));
    const name = req.query.template ? 'entente-engagements-template.csv' : `entente-engagements_${portionLevel(data.banner)}.csv`;
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(data.body);
  });
  f.get(ROUTES.engagementIcs, { schema: { tags, querystring: Q } }, async (req, reply) => {
    const { data } = await runUseCase(app, req, (uc) => exportIcs(uc, req.query));
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="entente-engagements.ics"').send(data);
  });
  f.post(ROUTES.engagementImport, { schema: { tags, querystring: z.object({ dryRun: z.coerce.boolean().optional() }), response: { 200: envelope(ImportReport), 400: ErrorEnvelope, 403: ErrorEnvelope } } }, async (req, reply) => {
    const file = await req.file();
    if (!file) throw new DomainError('validation', 'Attach a CSV or XLSX file in the field "file".', [{ path: 'file', message: 'missing' }]);
    const buf = await file.toBuffer();
    let rows: SourceRow[];
    if (/\.xlsx$/i.test(file.filename) || buf.subarray(0, 2).toString() === 'PK') rows = await parseXlsx(buf);
    else rows = parseCsv(buf.toString('utf8'));
    return respond(app, req, reply, (uc) => importEngagements(uc, rows, !!req.query.dryRun));
  });
};
