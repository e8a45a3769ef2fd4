/**
 * Watch areas end to end on real PostgreSQL with the real Crime at Sea file: a monitor created before
 * any data is an explained empty state; the import re-runs it in the background; the HoA box CUSUM
 * alarms are pinned; re-running adds no duplicate; a partner sees nothing; acknowledging is audited.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dominates } from '@entente/core';
import { flushStagedReads } from '@entente/db';
import { startTestApp, type Agent } from '../testing';
import { monitorQueue, runMonitorAsCreator } from './monitor-queue';

const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;
let hoa: { id: string; version: number; createdBy: string; labelId: string };
let emptyDetail: {
  evaluation: { insufficientBaseline: boolean; warnings: { code: string }[] };
  alerts: unknown[];
};

const upload = (agent: Agent, body: Buffer) => {
  const b = 'entente-monitor-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return agent.send('POST', '/api/v1/incidents/import?source=crime_at_sea&community=all', payload, {
    'content-type': `multipart/form-data; boundary=${b}`,
  });
};

const hoaRequest = {
  name: 'Horn of Africa',
  areaKey: 'poly:preset-hoa',
  source: 'crime_at_sea',
  seriesFrom: '2002-01',
};

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
  // The preset areas exist once incidents have been imported.
  const r = await upload(analyst, readFileSync(CAS));
  if (r.status !== 200 || !r.body.data.ok) throw new Error(`import failed: ${r.text}`);
  const c = await analyst.send('POST', '/api/v1/monitors', hoaRequest);
  if (c.status !== 201) throw new Error(`create failed: ${c.text}`);
  hoa = c.body.data;
  // Seven months only: no baseline.
  const short = await analyst.send('POST', '/api/v1/monitors', {
    ...hoaRequest,
    name: 'Short',
    seriesFrom: '2020-06',
  });
  if (short.status !== 201) throw new Error(`create failed: ${short.text}`);
  // Creating queues the first evaluation after the commit, in the background.
  await monitorQueue(t.ctx).idle();
  emptyDetail = (await analyst.get(`/api/v1/monitors/${short.body.data.id}`)).body.data;
}, 240_000);
afterAll(() => t?.close());

const dbAlerts = async (id: string) =>
  (
    await t
      .owner()
      .query(
        "SELECT to_char(month, 'YYYY-MM') AS month, detector FROM monitor_alert WHERE monitor_id = $1 ORDER BY month, detector",
        [id],
      )
  ).rows as { month: string; detector: string }[];

describe('watch areas', () => {
  it('a series too short for a baseline is an explained empty state (INSUFFICIENT_BASELINE, no alerts)', () => {
    expect(emptyDetail.evaluation.insufficientBaseline).toBe(true);
    expect(emptyDetail.alerts).toEqual([]);
    expect(emptyDetail.evaluation.warnings.map((w) => w.code)).toContain('INSUFFICIENT_BASELINE');
  });

  it('the HoA box CUSUM alarms first in 2005-07, with h calibrated to ARL 100 ± 2 %', async () => {
    const r = await analyst.get(`/api/v1/monitors/${hoa.id}`);
    expect(r.status, r.text).toBe(200);
    const d = r.body.data;
    expect(d.evaluation.insufficientBaseline).toBe(false);
    expect(Math.abs(d.evaluation.arl - 100)).toBeLessThanOrEqual(2);
    expect(d.evaluation.arlSe).toBeGreaterThan(0);
    const s = d.evaluation.series;
    expect(s.months[0]).toBe('2002-01');
    for (const k of ['observed', 'baseline', 'shewhartLimit', 'cusum', 'bocpd'])
      expect(s[k]).toHaveLength(s.months.length);
    const cusum = d.alerts.filter((a: { detector: string }) => a.detector === 'cusum');
    expect(cusum[0].month).toBe('2005-07');
    expect(cusum[0].statistic).toBeGreaterThan(d.evaluation.h);
    expect(cusum[0].threshold).toBeCloseTo(d.evaluation.h, 10);
    expect(cusum[0].episodeId).toBe('cusum:2005-07');
    // The CUSUM path in the chart is the statistic of the alarm month.
    expect(s.cusum[s.months.indexOf('2005-07')]).toBeCloseTo(cusum[0].statistic, 10);
    expect(d.dataset).toMatchObject({ code: 'crime_at_sea', licence: 'CC-BY-4.0' });
    expect(d.evaluation.sourceSwitches).toContain('2015-01-01');
    expect(r.body.meta.pageLabel.banner).toBeTruthy();
  });

  it('re-running stores no duplicate alert (one per monitor, month and detector)', async () => {
    const before = await dbAlerts(hoa.id);
    expect(before.length).toBeGreaterThan(0);
    expect(await runMonitorAsCreator(t.ctx, hoa.id, hoa.createdBy)).toBe(true);
    expect(await dbAlerts(hoa.id)).toEqual(before);
    const events = await t
      .owner()
      .query(
        "SELECT details FROM audit_event WHERE action = 'monitor.evaluated' AND entity_id = $1 ORDER BY seq",
        [hoa.id],
      );
    expect(events.rows.at(-1).details.newAlerts).toBe(0);
  });

  it('lists the monitor with its open alerts and last alarm; the badge counts them; list reads are audited', async () => {
    const list = await analyst.get('/api/v1/monitors');
    expect(list.status).toBe(200);
    const m = list.body.data.items.find((x: { id: string }) => x.id === hoa.id);
    const all = await dbAlerts(hoa.id);
    expect(m).toMatchObject({
      areaName: expect.any(String),
      openAlerts: all.length,
      lastAlarm: all.at(-1)!.month,
    });
    expect((await analyst.get('/api/v1/monitor-alerts/count')).body.data.open).toBe(all.length);
    const page = await analyst.get(`/api/v1/monitor-alerts?status=open&monitorId=${hoa.id}&pageSize=5`);
    expect(page.body.data).toMatchObject({ total: all.length, pageSize: 5, hasMore: true });
    expect(page.body.data.items).toHaveLength(5);
    await flushStagedReads(t.ctx.owner.db);
    const reads = await t
      .owner()
      .query(
        "SELECT entity_id FROM audit_event WHERE action = 'read.list' AND entity_id IN ('GET /monitors', 'GET /monitor-alerts')",
      );
    expect(new Set(reads.rows.map((x: { entity_id: string }) => x.entity_id))).toEqual(
      new Set(['GET /monitors', 'GET /monitor-alerts']),
    );
  });

  it('a partner cannot see the monitor or its alerts: 404, not in the list, not in the count', async () => {
    const fra = await t.login('fra.liaison');
    expect((await fra.get(`/api/v1/monitors/${hoa.id}`)).status).toBe(404);
    const list = await fra.get('/api/v1/monitors');
    expect(list.body.data.items.map((x: { id: string }) => x.id)).not.toContain(hoa.id);
    expect((await fra.get('/api/v1/monitor-alerts')).body.data.total).toBe(0);
    expect((await fra.get('/api/v1/monitor-alerts/count')).body.data.open).toBe(0);
    const alert = (await analyst.get(`/api/v1/monitor-alerts?monitorId=${hoa.id}&pageSize=1`)).body.data
      .items[0];
    const ack = await fra.send('POST', `/api/v1/monitor-alerts/${alert.id}/acknowledge`, { note: 'seen' });
    expect(ack.status).toBe(404);
    const missing = await analyst.get('/api/v1/monitors/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe((await fra.get(`/api/v1/monitors/${hoa.id}`)).body.error.code);
  });

  it('acknowledging an alert with a note is audited and leaves the open count one lower', async () => {
    const before = (await analyst.get('/api/v1/monitor-alerts/count')).body.data.open;
    const alert = (await analyst.get(`/api/v1/monitor-alerts?monitorId=${hoa.id}&status=open&pageSize=1`))
      .body.data.items[0];
    const r = await analyst.send('POST', `/api/v1/monitor-alerts/${alert.id}/acknowledge`, {
      note: 'Known surge, reported to J2',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'acknowledged', note: 'Known surge, reported to J2' });
    expect((await analyst.get('/api/v1/monitor-alerts/count')).body.data.open).toBe(before - 1);
    const ev = await t
      .owner()
      .query(
        "SELECT details, label_id FROM audit_event WHERE action = 'monitor_alert.acknowledged' AND entity_id = $1",
        [alert.id],
      );
    expect(ev.rows).toHaveLength(1);
    expect(ev.rows[0].details.note).toBe('Known surge, reported to J2');
    expect(ev.rows[0].label_id).toBe(alert.labelId);
    const again = await analyst.send('POST', `/api/v1/monitor-alerts/${alert.id}/acknowledge`, {
      note: 'again',
    });
    expect(again.status).toBe(409);
    const acked = await analyst.get(`/api/v1/monitor-alerts?status=acknowledged&monitorId=${hoa.id}`);
    expect(acked.body.data.items.map((x: { id: string }) => x.id)).toEqual([alert.id]);
  });

  it('says what is wrong with a bad monitor, and where, and stores nothing', async () => {
    const count = async () => (await t.owner().query('SELECT count(*)::int AS n FROM monitor')).rows[0].n;
    const n = await count();
    const rho = await analyst.send('POST', '/api/v1/monitors', { ...hoaRequest, rho: 5 });
    expect(rho.status).toBe(400);
    expect(rho.body.error.fields).toEqual([{ path: 'rho', message: 'between 1.5 and 3' }]);
    const area = await analyst.send('POST', '/api/v1/monitors', { ...hoaRequest, areaKey: 'marine:nowhere' });
    expect(area.status).toBe(400);
    expect(area.body.error.fields).toEqual([{ path: 'areaKey', message: "unknown area 'marine:nowhere'" }]);
    const source = await analyst.send('POST', '/api/v1/monitors', { ...hoaRequest, source: 'nope' });
    expect(source.status).toBe(400);
    expect(source.body.error.fields[0].path).toBe('source');
    const arl = await analyst.send('POST', '/api/v1/monitors', { ...hoaRequest, targetArl: 30 });
    expect(arl.body.error.fields[0].path).toBe('targetArl');
    expect(await count()).toBe(n);
  });

  it('a committed import that changes the dataset re-runs its monitors in the background', async () => {
    const evaluated = async () =>
      (
        await t
          .owner()
          .query(
            "SELECT count(*)::int AS n FROM audit_event WHERE action = 'monitor.evaluated' AND entity_id = $1",
            [hoa.id],
          )
      ).rows[0].n as number;
    const before = await evaluated();
    const extra =
      '2020-12-15,"NA",50.5,12.5,"NA",Gulf of Aden,SOM,SOM,40.1,49.9,11.8,"Row added by the monitor test","NA","NA","NA",imb\n';
    const r = await upload(analyst, Buffer.concat([readFileSync(CAS), Buffer.from(extra)]));
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.outcome).not.toBe('no_change');
    await monitorQueue(t.ctx).idle();
    expect(await evaluated()).toBe(before + 1);
  }, 300_000);

  it("counts only rows the monitor's label dominates, even when its creator may see more", async () => {
    const sub = (await t.ctx.access.subjectOf(hoa.createdBy, 'mfa'))!;
    const scope = await t.ctx.access.scopeOf(sub);
    const reg = t.ctx.access.registry();
    const mine = t.ctx.access.label(hoa.labelId)!;
    const higher = scope.labelIds.find((id) => {
      const l = t.ctx.access.label(id);
      try {
        return !!l && !dominates(mine, l, reg);
      } catch {
        return false;
      }
    });
    expect(higher, "the analyst may see a label above the monitor's").toBeDefined();
    const db = t.owner();
    const community = (await db.query('SELECT community_id FROM monitor WHERE id = $1', [hoa.id])).rows[0]
      .community_id;
    const series = async () =>
      (await analyst.get(`/api/v1/monitors/${hoa.id}`)).body.data.evaluation.series as {
        months: string[];
        observed: number[];
      };
    const before = await series();
    const i = before.months.indexOf('2010-01');
    await db.query(
      `INSERT INTO area_month (area_key, month, source, source_series, event_type, event_subtype, date_class, loc_level, label_id, community_id, n)
       VALUES ('poly:preset-hoa', '2010-01-01', 'crime_at_sea', '', 'piracy', 'attack', 'fine', 1, $1, $2, 1000)`,
      [higher, community],
    );
    // Its creator sees the row in Explore…
    const explore = await analyst.get(
      '/api/v1/incidents/series?area=poly:preset-hoa&source=crime_at_sea&from=2010-01-01&to=2010-01-31',
    );
    expect(explore.body.data.points[0].count).toBe(before.observed[i]! + 1000);
    // …but the monitor does not count it.
    expect(await runMonitorAsCreator(t.ctx, hoa.id, hoa.createdBy)).toBe(true);
    const after = await series();
    expect(after.observed[i]).toBe(before.observed[i]);
    const counted = (
      await db.query('SELECT counted_label_ids FROM monitor_state WHERE monitor_id = $1', [hoa.id])
    ).rows[0].counted_label_ids as string[];
    expect(counted).toContain(hoa.labelId);
    expect(counted).not.toContain(higher);
    await db.query("DELETE FROM area_month WHERE label_id = $1 AND area_key = 'poly:preset-hoa'", [higher]);
  }, 300_000);

  it('edits at the version seen (409 when stale) and disables', async () => {
    const cur = (await analyst.get(`/api/v1/monitors/${hoa.id}`)).body.data.monitor;
    const ok = await analyst.send('PUT', `/api/v1/monitors/${hoa.id}`, {
      name: 'HoA box',
      version: cur.version,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.data).toMatchObject({ name: 'HoA box', version: cur.version + 1 });
    const stale = await analyst.send('PUT', `/api/v1/monitors/${hoa.id}`, {
      name: 'Old',
      version: cur.version,
    });
    expect(stale.status).toBe(409);
    const bad = await analyst.send('PUT', `/api/v1/monitors/${hoa.id}`, { rho: 1, version: cur.version + 1 });
    expect(bad.body.error.fields[0].path).toBe('rho');
    const off = await analyst.send('POST', `/api/v1/monitors/${hoa.id}/disable`, {
      version: cur.version + 1,
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.data.enabled).toBe(false);
    await monitorQueue(t.ctx).idle();
    // A disabled monitor is not run.
    expect(await runMonitorAsCreator(t.ctx, hoa.id, hoa.createdBy)).toBe(false);
  }, 300_000);
});
