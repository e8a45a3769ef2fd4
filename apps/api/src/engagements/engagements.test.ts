/** The engagement register end to end through the HTTP API on a real database. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let draft: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  const objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
  const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
  const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  const funds = (await planner.get('/api/v1/reference/funding-sources')).body.data;
  const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
  draft = {
    code: 'TST-2030-001',
    title: 'Maritime law enforcement staff talks',
    type: 'staff_talks',
    summary: 'Annual bilateral staff talks on maritime law enforcement cooperation.',
    payload: { format: 'bilateral', agenda: ['prosecution transfers', 'patrol coordination'] },
    initiativeId: initiatives[0].id,
    partnerIso3s: ['KEN'],
    objectiveIds: [objectives[0].id],
    leadOrgId: org('XHN-SECCOOP'),
    plannedStart: '2030-03-02',
    plannedEnd: '2030-03-04',
    locations: [{ name: 'Mombasa', iso3: 'KEN', lat: -4.05, lon: 39.67 }],
    participants: [
      { orgId: org('XHN-SECCOOP'), role: 'lead', plannedHeadcount: 4 },
      { orgId: org('KEN-MOD'), role: 'participant', plannedHeadcount: 6 },
    ],
    plannedCost: '42000.00',
    currency: 'EUR',
    fundingSourceId: funds[0].id,
    communityId: comms.find((c: { code: string }) => c.code === 'all').id,
    label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  };
});
afterAll(() => t.close());

describe('creating an engagement', () => {
  it('refuses to save without a linked objective, naming the field', async () => {
    const r = await planner.send('POST', '/api/v1/engagements', { ...draft, objectiveIds: [] });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'objectiveIds' })]));
    const n = await t.owner().query("SELECT count(*)::int AS n FROM engagement WHERE code = 'TST-2030-001'");
    expect(n.rows[0].n).toBe(0);
  });

  it('reports every bad field with its path', async () => {
    const r = await planner.send('POST', '/api/v1/engagements', { ...draft, plannedEnd: '2030-03-01', plannedCost: 'lots', partnerIso3s: ['kenya'] });
    expect(r.status).toBe(400);
    const paths = r.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['plannedCost', 'partnerIso3s.0']));
  });

  it('saves a valid engagement in one transaction with its audit event', async () => {
    const r = await planner.send('POST', '/api/v1/engagements', draft);
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ code: 'TST-2030-001', status: 'draft', version: 1, portion: '(HO//REL TO XHN, KEN)' });
    expect(r.body.meta.pageLabel.banner).toMatch(/^HUB OFFICIAL/);
    const ev = await t.owner().query("SELECT action, entity_id FROM audit_event WHERE action = 'engagement.scheduled'");
    expect(ev.rows).toEqual([{ action: 'engagement.scheduled', entity_id: r.body.data.id }]);
    const found = await planner.get('/api/v1/engagements?q=TST-2030-001');
    expect(found.body.data.items.map((i: { id: string }) => i.id)).toEqual([r.body.data.id]);
  });

  it('refuses a duplicate code in the same community', async () => {
    const r = await planner.send('POST', '/api/v1/engagements', draft);
    expect(r.status).toBe(409);
    expect(r.body.error.fields[0].path).toBe('code');
  });

  it('refuses a label the user may not write (above their clearance)', async () => {
    const r = await planner.send('POST', '/api/v1/engagements', { ...draft, code: 'TST-2030-009', label: { level: 'HUB-SECRET', releasableTo: ['XHN'], restrictive: [], handling: [] } });
    expect(r.status).toBe(403);
  });
});

describe('editing and the lifecycle', () => {
  it('gives 409 to a stale update and keeps the first change', async () => {
    const list = await planner.get('/api/v1/engagements?q=TST-2030-001');
    const id = list.body.data.items[0].id;
    const first = await planner.send('PUT', `/api/v1/engagements/${id}`, { version: 1, engagement: { ...draft, title: 'Renamed once' } });
    expect(first.status).toBe(200);
    expect(first.body.data.version).toBe(2);
    const stale = await approver.send('PUT', `/api/v1/engagements/${id}`, { version: 1, engagement: { ...draft, title: 'Renamed twice' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await planner.get(`/api/v1/engagements/${id}`)).body.data.title).toBe('Renamed once');
  });

  it('refuses an edit that lowers the classification: that is a two-person downgrade, not an update', async () => {
    const made = await planner.send('POST', '/api/v1/engagements', { ...draft, code: 'TST-2030-010', label: { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: [], handling: [] } });
    expect(made.status).toBe(201);
    const lower = await planner.send('PUT', `/api/v1/engagements/${made.body.data.id}`, { version: 1, engagement: { ...draft, code: 'TST-2030-010' } });
    expect(lower.status).toBe(400);
    expect(lower.body.error.fields).toEqual([{ path: 'label', message: expect.stringContaining('Change classification') }]);
    const same = await planner.send('PUT', `/api/v1/engagements/${made.body.data.id}`, { version: 1, engagement: { ...draft, code: 'TST-2030-010', title: 'Kept label', label: { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: [], handling: [] } } });
    expect(same.status).toBe(200);
  });

  it('walks draft → proposed → approved → ongoing → completed and enforces the guards', async () => {
    const id = (await planner.get('/api/v1/engagements?q=TST-2030-001')).body.data.items[0].id;
    const step = (who: Agent, to: string, version: number, extra: Record<string, string> = {}) =>
      who.send('POST', `/api/v1/engagements/${id}/transitions`, { to, version, ...extra });
    expect((await step(planner, 'completed', 2)).status).toBe(409); // not a listed transition
    expect((await step(planner, 'proposed', 2)).status).toBe(200);
    const byPlanner = await step(planner, 'approved', 3);
    expect(byPlanner.status).toBe(403); // only an approver approves
    const approved = await step(approver, 'approved', 3);
    expect(approved.status).toBe(200);
    const noDate = await step(planner, 'ongoing', 4);
    expect(noDate.status).toBe(422);
    expect(noDate.body.error.fields[0].path).toBe('actualStart');
    expect((await step(planner, 'ongoing', 4, { actualStart: '2030-03-02' })).status).toBe(200);
    const done = await step(planner, 'completed', 5, { actualEnd: '2030-03-04' });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'completed', actualStart: '2030-03-02', actualEnd: '2030-03-04' });
    const closing = await step(planner, 'closed', 6);
    expect(closing.status).toBe(422); // needs an outcome summary first
    const trail = await t.owner().query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq', [id]);
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['engagement.proposed', 'engagement.approved', 'engagement.ongoing', 'engagement.completed']));
  });

  it('refuses approval while the partner is suspended', async () => {
    const created = await planner.send('POST', '/api/v1/engagements', { ...draft, code: 'TST-2030-002', plannedStart: '2030-06-01', plannedEnd: '2030-06-02' });
    const id = created.body.data.id;
    expect((await planner.send('POST', `/api/v1/engagements/${id}/transitions`, { to: 'proposed', version: 1 })).status).toBe(200);
    await t.owner().query("UPDATE partner SET status = 'suspended' WHERE iso3 = 'KEN'");
    const r = await approver.send('POST', `/api/v1/engagements/${id}/transitions`, { to: 'approved', version: 2 });
    await t.owner().query("UPDATE partner SET status = 'active' WHERE iso3 = 'KEN'");
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/KEN is suspended/);
    expect((await approver.send('POST', `/api/v1/engagements/${id}/transitions`, { to: 'approved', version: 2 })).status).toBe(200);
  });

  it('never lets the proposer approve, and does not offer it', async () => {
    const created = await approver.send('POST', '/api/v1/engagements', { ...draft, code: 'TST-2030-003', plannedStart: '2030-09-01', plannedEnd: '2030-09-02' });
    const id = created.body.data.id;
    expect((await approver.send('POST', `/api/v1/engagements/${id}/transitions`, { to: 'proposed', version: 1 })).status).toBe(200);
    expect((await approver.get(`/api/v1/engagements/${id}`)).body.data.allowedTransitions).not.toContain('approved');
    expect((await planner.get(`/api/v1/engagements/${id}`)).body.data.allowedTransitions).not.toContain('approved');
    const r = await approver.send('POST', `/api/v1/engagements/${id}/transitions`, { to: 'approved', version: 2 });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/not be the proposer/);
  });

  it('warns about deconfliction: the same partner unit booked in an overlapping window', async () => {
    const base = draft as { participants: { orgId: string }[] };
    const r = await planner.send('POST', '/api/v1/engagements/check', { type: 'training_course', plannedStart: '2030-03-03', plannedEnd: '2030-03-05', partnerIso3s: ['KEN'], participants: base.participants.map((p) => ({ orgId: p.orgId })) });
    expect(r.status).toBe(200);
    expect(r.body.data.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'overlap', severity: 'blocking' })]));
  });
});

describe('import and export', () => {
  const header = 'code,title,type,partners,objectives,initiative,lead_org,planned_start,planned_end,planned_cost,currency,funding_source,community,level,releasable_to';
  const upload = (csv: string, dryRun = false) => {
    const boundary = 'XBOUNDARY';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    return planner.send('POST', `/api/v1/engagements/import${dryRun ? '?dryRun=true' : ''}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };

  it('reports every bad row with its line and field, and writes nothing', async () => {
    const before = (await t.owner().query('SELECT count(*)::int AS n FROM engagement')).rows[0].n;
    const csv = [
      header,
      'IMP-1,Good row,staff_talks,KEN,SO-1,' + (await firstInitiativeCode()) + ',XHN-SECCOOP,2031-01-10,2031-01-12,1000.00,EUR,XHN-DEF-BUDGET,all,HUB-OFFICIAL,XHN;KEN',
      'IMP-2,No objective,staff_talks,KEN,,' + (await firstInitiativeCode()) + ',XHN-SECCOOP,2031-01-10,2031-01-12,1000.00,EUR,XHN-DEF-BUDGET,all,HUB-OFFICIAL,XHN',
      'IMP-3,Bad type and date,tea_party,KEN,SO-1,' + (await firstInitiativeCode()) + ',XHN-SECCOOP,2031-13-10,2031-01-12,N/A,EUR,XHN-DEF-BUDGET,all,HUB-OFFICIAL,XHN',
    ].join('\n');
    const r = await upload(csv);
    expect(r.status).toBe(200);
    expect(r.body.data.ok).toBe(false);
    expect(r.body.data.created).toBe(0);
    const lines = r.body.data.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`);
    expect(lines).toEqual(expect.arrayContaining(['3:objectives', '4:type', '4:plannedStart', '4:plannedCost']));
    expect(lines.some((l: string) => l.startsWith('2:'))).toBe(false);
    expect((await t.owner().query('SELECT count(*)::int AS n FROM engagement')).rows[0].n).toBe(before);
  });

  it('imports a valid file whole, and its export round-trips', async () => {
    const ini = await firstInitiativeCode();
    const csv = [header, `IMP-10,Imported one,staff_talks,KEN,SO-1,${ini},XHN-SECCOOP,2031-02-10,2031-02-12,1000.00,EUR,XHN-DEF-BUDGET,all,HUB-OFFICIAL,XHN;KEN`, `IMP-11,Imported two,official_visit,DJI,SO-1,${ini},XHN-SECCOOP,2031-03-10,2031-03-12,2500.50,EUR,XHN-DEF-BUDGET,all,HUB-OFFICIAL,XHN`].join('\n');
    const dry = await upload(csv, true);
    expect(dry.body.data).toMatchObject({ ok: true, created: 0 });
    const r = await upload(csv);
    expect(r.body.data).toMatchObject({ ok: true, rows: 2, created: 2 });
    const exp = await planner.get('/api/v1/engagements/export.csv?q=IMP-1');
    const lines = exp.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^HUB OFFICIAL/);
    expect(lines.at(-1)).toBe(lines[0]);
    expect(lines.filter((l) => l.startsWith('IMP-1'))).toHaveLength(2);
    expect(lines[1]).toContain('portion');
  });

  it('imports XLSX with the same rules, reporting the worksheet row of each problem', async () => {
    const ini = await firstInitiativeCode();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Engagements');
    ws.addRow(header.split(','));
    ws.addRow(['XLS-1', 'From a workbook', 'staff_talks', 'KEN', 'SO-1', ini, 'XHN-SECCOOP', '2031-04-10', '2031-04-12', '1000.00', 'EUR', 'XHN-DEF-BUDGET', 'all', 'HUB-OFFICIAL', 'XHN;KEN']);
    ws.addRow(['XLS-2', 'Bad lead', 'staff_talks', 'KEN', 'SO-1', ini, 'NO-SUCH-ORG', '2031-04-10', '2031-04-12', '1000.00', 'EUR', 'XHN-DEF-BUDGET', 'all', 'HUB-OFFICIAL', 'XHN']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = 'XLSXBOUNDARY';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await planner.send('POST', '/api/v1/engagements/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(r.body.data).toMatchObject({ ok: false, created: 0, problems: [{ line: 3, field: 'lead_org', message: "unknown lead org 'NO-SUCH-ORG'" }] });
  });

  it('exports an iCalendar file of the visible engagements', async () => {
    const r = await planner.get('/api/v1/engagements/export.ics?q=IMP-1');
    expect(r.headers['content-type']).toMatch(/text\/calendar/);
    expect(r.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(r.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(r.text).toContain('DTSTART;VALUE=DATE:20310210');
    expect(r.text).toContain('DTEND;VALUE=DATE:20310213');
  });
});

async function firstInitiativeCode(): Promise<string> {
  return (await planner.get('/api/v1/strategy/initiatives')).body.data[0].code;
}
