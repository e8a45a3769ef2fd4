/**
 * Import engagements from CSV or XLSX: every row is validated first and every problem is
 * reported with its line and field; nothing is written unless the whole file is valid.
 */
import Papa from 'papaparse';
import { DomainError, checkEngagementDraft, forbidden } from '@entente/core';
import { EngagementInput, type ImportReport } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { resolveWriteLabel } from '../access/labels';
import { toWrite } from './to-write';

export interface SourceRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parse a CSV into rows with their file line numbers (quoted cells may span lines). Banner
 * lines of an Entente export (before the header and repeated at the end) are skipped.
 */
export function parseCsv(text: string): SourceRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const lines = src.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => /^"?code"?,/i.test(l));
  if (headerAt < 0) throw new DomainError('validation', 'The file has no header row starting with "code".', [{ path: 'line 1', message: 'missing header row' }]);
  const banners = new Set(lines.slice(0, headerAt).map((l) => l.trim()).filter(Boolean));
  const offset = /^"?code"?,/im.exec(src)?.index ?? 0;
  const body = src.slice(offset);
  const out: SourceRow[] = [];
  let header: string[] = [];
  let lineOfRowStart = headerAt + 1;
  let consumed = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (r) => {
      const row = r.data;
      const end = r.meta.cursor;
      const rowText = body.slice(consumed, end);
      const line = lineOfRowStart;
      lineOfRowStart += (rowText.match(/\n/g) ?? []).length + (rowText.endsWith('\n') ? 0 : 1);
      consumed = end;
      if (header.length === 0) {
        header = row.map((h) => h.trim().toLowerCase());
        return;
      }
      if (row.every((c) => c.trim() === '') || (row.length === 1 && banners.has((row[0] ?? '').trim()))) return;
      const cells: Record<string, string> = {};
      header.forEach((h, i) => (cells[h] = (row[i] ?? '').trim()));
      out.push({ line, cells });
    },
  });
  return out;
}

/** Parse the first worksheet of an XLSX workbook (header in row 1). */
export async function parseXlsx(buf: Buffer): Promise<SourceRow[]> {
  // Loaded on first use: exceljs costs ~0.4 s of every server start otherwise (bench B8).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('validation', 'The workbook has no worksheet.');
  const header: string[] = [];
  ws.getRow(1).eachCell((c, col) => (header[col] = String(c.text).trim().toLowerCase()));
  const out: SourceRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const h = header[col];
      if (h) cells[h] = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : String(c.text ?? '').trim();
    });
    if (Object.values(cells).some((v) => v !== '')) out.push({ line: n, cells });
  });
  return out;
}

const list = (s: string | undefined) => (s ?? '').split(/[;|]/).map((x) => x.trim()).filter(Boolean);
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));

/** Validate every row against the contract and the subject's visible references; write all or nothing. */
export async function importEngagements(uc: UseCaseCtx, rows: SourceRow[], dryRun: boolean): Promise<ImportReport> {
  if (!uc.access.can(uc.subject, 'create', 'engagement')) throw forbidden('Your role cannot import engagements.');
  const objectives = new Map((await scoped.listObjectives(uc.tx, uc.scope)).map((o) => [o.code, o.id]));
  const initiatives = new Map((await scoped.listInitiatives(uc.tx, uc.scope)).map((i) => [i.code, i.id]));
  const orgs = new Map((await reference.listOrganisations(uc.tx, '2000-01-01')).map((o) => [o.code, o.id]));
  const communities = new Map((await reference.listCommunities(uc.tx)).filter((c) => uc.scope.communityIds.includes(c.id)).map((c) => [c.code, c.id]));
  const funds = new Map((await reference.listFundingSources(uc.tx)).map((f) => [f.code, f.id]));
  const problems: ImportReport['problems'] = [];
  const valid: { line: number; input: EngagementInput }[] = [];
  const codes = new Set<string>();
  for (const { line, cells: c } of rows) {
    const p = (field: string, message: string) => problems.push({ line, field, message });
    const lookup = (m: Map<string, string>, code: string | undefined, field: string) => {
      const v = code ? m.get(code.trim()) : undefined;
      if (code && !v) p(field, `unknown ${field.replace(/_/g, ' ')} '${code}'`);
      return v;
    };
    const objectiveIds = list(c.objectives).map((code) => lookup(objectives, code, 'objectives')).filter((x): x is string => !!x);
    const lat = num(c.lat), lon = num(c.lon);
    const candidate = {
      code: c.code ?? '', title: c.title ?? '', type: c.type ?? '', summary: c.summary || undefined,
      initiativeId: lookup(initiatives, c.initiative, 'initiative') ?? '', partnerIso3s: list(c.partners).map((x) => x.toUpperCase()), objectiveIds,
      leadOrgId: lookup(orgs, c.lead_org, 'lead_org') ?? '', plannedStart: c.planned_start ?? '', plannedEnd: c.planned_end ?? '',
      locations: c.location ? [{ name: c.location, iso3: (list(c.partners)[0] ?? 'XHN').toUpperCase(), ...(lat !== undefined ? { lat } : {}), ...(lon !== undefined ? { lon } : {}) }] : [],
      participants: [], plannedCost: c.planned_cost ?? '', currency: c.currency || 'EUR', fundingSourceId: lookup(funds, c.funding_source, 'funding_source'),
      communityId: lookup(communities, c.community, 'community') ?? '', label: { level: c.level || 'HUB-OFFICIAL', releasableTo: list(c.releasable_to).length ? list(c.releasable_to) : ['XHN'], restrictive: list(c.compartments), handling: list(c.caveats) },
    };
    if (list(c.objectives).length === 0) p('objectives', 'link at least one strategic objective (the golden thread)');
    const r = EngagementInput.safeParse(candidate);
    if (!r.success) {
      for (const i of r.error.issues) {
        const field = String(i.path[0] ?? '');
        if (['initiativeId', 'leadOrgId', 'communityId'].includes(field) && candidate[field as 'initiativeId'] === '') {
          if (!problems.some((x) => x.line === line)) p(field, 'required');
          continue;
        }
        if (field === 'objectiveIds') continue;
        p(i.path.join('.') || field, i.message);
      }
      continue;
    }
    if (codes.has(r.data.code)) p('code', `duplicate code '${r.data.code}' in this file`);
    codes.add(r.data.code);
    for (const x of checkEngagementDraft(r.data)) p(x.path, x.message);
    valid.push({ line, input: r.data });
  }
  if (problems.length || dryRun) return { ok: problems.length === 0, rows: rows.length, created: 0, problems };
  for (const { line, input } of valid) {
    const write = await toWrite(uc, input, 'draft');
    try {
      write.labelId = await resolveWriteLabel(uc, input.label, 'create', { kind: 'engagement', communityId: input.communityId, partyOrgIds: write.partyOrgIds });
    } catch (e) {
      throw e instanceof DomainError ? new DomainError(e.code, `Line ${line}: ${e.message}`, e.fields.map((f) => ({ path: `line ${line}: ${f.path}`, message: f.message }))) : e;
    }
    await scoped.insertEngagement(uc.tx, write, uc.subject.id);
  }
  await uc.audit({ action: 'engagement.imported', entity: 'engagement', labelId: uc.app.homeLabelId, decision: 'permit', details: { rows: rows.length } });
  return { ok: true, rows: rows.length, created: valid.length, problems: [] };
}
