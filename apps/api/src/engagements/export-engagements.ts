/** Exports of the register: CSV (banner first and last, a portion column) and iCalendar. Each record passes decide(export). */
import type { Engagement } from '@entente/core';

import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireRecentMfaForExport } from '../http/step-up';
import { toFilters, type FilterQuery } from './search-engagements';

/** The columns of the CSV export, which is also the import template (references by code, so files round-trip). */
export const CSV_COLUMNS = ['code', 'title', 'type', 'status', 'partners', 'objectives', 'initiative', 'lead_org', 'planned_start', 'planned_end', 'planned_cost', 'currency', 'funding_source', 'community', 'level', 'releasable_to', 'compartments', 'caveats', 'location', 'lat', 'lon', 'summary'] as const;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The exportable engagements: visible, and permitted for export by decide(). */
async function exportable(uc: UseCaseCtx, q: FilterQuery): Promise<Engagement[]> {
  const { rows } = await scoped.searchEngagements(uc.tx, uc.scope, toFilters(q), { sort: 'plannedStart', order: 'asc', limit: 100_000, offset: 0 });
  const out = rows.filter(
    (e) => uc.access.decide(uc.subject, 'export', e.labelId, { kind: 'engagement', communityId: e.communityId, ownerOrgId: e.ownerOrgId, originatorOrgId: e.ownerOrgId, partyOrgIds: e.partyOrgIds }).effect === 'permit',
  );
  requireRecentMfaForExport(uc, out.map((e) => e.labelId)); // ACCESS.md §8: export at HC or above asks for the factor again
  return out;
}

export async function exportCsv(uc: UseCaseCtx, q: FilterQuery, template: boolean): Promise<{ body: string; banner: string }> {
  const rows = template ? [] : await exportable(uc, q);
  const banner = uc.access.pageLabel(rows.map((r) => r.labelId)).banner;
  const lines = [csvCell(banner), [...CSV_COLUMNS, 'portion'].join(',')];
  const code = async () => {
    const o = new Map((await scoped.listObjectives(uc.tx, uc.scope)).map((x) => [x.id, x.code]));
    const i = new Map((await scoped.listInitiatives(uc.tx, uc.scope)).map((x) => [x.id, x.code]));
    const g = new Map((await reference.listOrganisations(uc.tx, '2000-01-01')).map((x) => [x.id, x.code]));
    const c = new Map((await reference.listCommunities(uc.tx)).map((x) => [x.id, x.code]));
    const f = new Map((await reference.listFundingSources(uc.tx)).map((x) => [x.id, x.code]));
    return { o, i, g, c, f };
  };
  const m = rows.length ? await code() : null;
  for (const e of rows) {
    if (!m) break;
    const l = uc.access.label(e.labelId);
    const loc = e.locations[0];
    lines.push([e.code, e.title, e.type, e.status, e.partnerIso3s.join(';'), e.objectiveIds.map((x) => m.o.get(x)).filter(Boolean).join(';'), m.i.get(e.initiativeId) ?? '', m.g.get(e.leadOrgId) ?? '', e.plannedStart, e.plannedEnd, e.plannedCost.amount, e.plannedCost.currency, m.f.get(e.fundingSourceId ?? '') ?? '', m.c.get(e.communityId) ?? '', l?.level ?? '', (l?.releasableTo ?? []).join(';'), (l?.restrictive ?? []).join(';'), (l?.handling ?? []).join(';'), loc?.name ?? '', loc?.lat ?? '', loc?.lon ?? '', e.summary ?? '', uc.mark(e.labelId)].map(csvCell).join(','));
  }
  lines.push(csvCell(banner));
  if (!template) await uc.audit({ action: 'engagement.exported', entity: 'engagement', labelId: uc.app.homeLabelId, decision: 'permit', details: { format: 'csv', count: rows.length, ids: rows.map((r) => r.id) } });
  return { body: lines.join('\r\n') + '\r\n', banner };
}

const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const icsDate = (d: string) => d.replace(/-/g, '');
const nextDay = (d: string) => new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
/** Fold lines at 75 octets as RFC 5545 requires. */
const fold = (line: string) => (line.length <= 74 ? line : line.match(/.{1,74}/g)!.join('\r\n '));

export async function exportIcs(uc: UseCaseCtx, q: FilterQuery): Promise<string> {
  const rows = await exportable(uc, q);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Entente//Engagement register//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText('Entente engagements — ' + uc.access.pageLabel(rows.map((r) => r.labelId)).banner)}`];
  for (const e of rows) {
    out.push('BEGIN:VEVENT', `UID:${e.id}@entente`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${icsDate(e.plannedStart)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(e.plannedEnd))}`,
      `SUMMARY:${icsText(`${uc.mark(e.labelId)} ${e.code} ${e.title}`)}`, `CATEGORIES:${e.type.toUpperCase()}`, `STATUS:${e.status === 'cancelled' ? 'CANCELLED' : ['draft', 'proposed'].includes(e.status) ? 'TENTATIVE' : 'CONFIRMED'}`);
    if (e.locations[0]) out.push(`LOCATION:${icsText(e.locations[0].name)}`);
    if (e.locations[0]?.lat !== undefined && e.locations[0]?.lon !== undefined) out.push(`GEO:${e.locations[0].lat};${e.locations[0].lon}`);
    out.push('END:VEVENT');
  }
  out.push('END:VCALENDAR');
  await uc.audit({ action: 'engagement.exported', entity: 'engagement', labelId: uc.app.homeLabelId, decision: 'permit', details: { format: 'ics', count: rows.length } });
  return out.map(fold).join('\r\n') + '\r\n';
}
