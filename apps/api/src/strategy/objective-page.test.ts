/**
 * One objective's page (the golden thread: parents, children, lines of effort, initiatives, plans,
 * engagements, stored evaluations) and editing an objective: version check, tree invariants, audit,
 * and a hidden objective looking exactly like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

type Obj = {
  id: string;
  code: string;
  status: string;
  title: string;
  parentId: string | null;
  engagementCount: number;
  linesOfEffort: unknown[];
  version: number;
  validFrom: string;
  validTo: string | null;
};

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let liaison: Agent;
let objectives: Obj[];
const page = (id: string, a: Agent = planner) => a.get(`/api/v1/strategy/objectives/${id}`);
const edit = (o: Obj, patch: Record<string, unknown> = {}, version = o.version) =>
  planner.send('PUT', `/api/v1/strategy/objectives/${o.id}`, {
    expectedVersion: version,
    objective: {
      title: o.title,
      description: 'Edited in a test.',
      priority: 2,
      threatFocus: [],
      parentId: o.parentId,
      validFrom: o.validFrom,
      validTo: o.validTo,
      ...patch,
    },
  });

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  liaison = await t.login('ken.liaison');
  objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
});
afterAll(() => t.close());

const byCode = (code: string) => objectives.find((o) => o.code === code)!;

describe('the objective page', () => {
  it('shows a planner everything that traces to the objective', async () => {
    // The child objective with the most linked engagements among those with lines of effort.
    const o = objectives
      .filter((x) => x.parentId && x.linesOfEffort.length)
      .sort((a, b) => b.engagementCount - a.engagementCount)[0]!;
    const r = await page(o.id);
    expect(r.status).toBe(200);
    const p = r.body.data;
    expect(r.body.meta.pageLabel.banner).toBeTruthy();
    expect(p.objective).toMatchObject({
      id: o.id,
      code: o.code,
      engagementCount: o.engagementCount,
      version: o.version,
    });
    // Breadcrumb: root first, ending at the parent, every step the parent of the next.
    const parent = objectives.find((x) => x.id === o.parentId)!;
    expect(p.breadcrumb.at(-1)).toMatchObject({ id: parent.id, code: parent.code });
    expect(objectives.find((x) => x.id === p.breadcrumb[0].id)!.parentId).toBeNull();
    expect(p.linesOfEffort.length).toBe(o.linesOfEffort.length);
    // Engagements: the counts add up to the tree's count; the recent list is at most 10, newest first.
    expect(p.engagements.total).toBe(o.engagementCount);
    expect(p.engagements.byStatus.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(
      o.engagementCount,
    );
    expect(p.engagements.recent.length).toBe(Math.min(10, o.engagementCount));
    const starts = p.engagements.recent.map((e: { plannedStart: string }) => e.plannedStart);
    expect([...starts].sort().reverse()).toEqual(starts);
    // The register filtered by this objective lists the same engagements.
    const reg = (
      await planner.get(`/api/v1/engagements?objective=${o.id}&pageSize=10&sort=plannedStart&order=desc`)
    ).body.data;
    expect(reg.total).toBe(o.engagementCount);
    // Every initiative says how it serves the objective, and each one really does.
    for (const i of p.initiatives) {
      expect(i.via.length).toBeGreaterThan(0);
      const detail = (await planner.get(`/api/v1/strategy/initiatives/${i.id}`)).body.data;
      const viaLoe = detail.lineOfEffortIds.some((l: string) =>
        p.linesOfEffort.some((x: { id: string }) => x.id === l),
      );
      const viaNode = detail.logicModel.some((n: { objectiveIds: string[] }) =>
        n.objectiveIds.includes(o.id),
      );
      expect(i.via.includes('line_of_effort')).toBe(viaLoe);
      expect(i.via.includes('logic_model')).toBe(viaNode);
    }
    // Stored evaluations are those the evaluations list returns for the objective.
    const evs = (await planner.get(`/api/v1/evaluations?subjectKind=objective&subjectId=${o.id}`)).body.data;
    expect(p.evaluations.map((e: { id: string }) => e.id)).toEqual(
      evs.items.map((e: { id: string }) => e.id),
    );
    expect(p.mayEdit).toBe(true);
    const audited = await t.owner().query(
      `SELECT (SELECT count(*) FROM audit_read_stage WHERE route = $1)
            + (SELECT count(*) FROM audit_event WHERE details::text LIKE '%' || $1 || '%') AS n`,
      ['GET /strategy/objectives/:id'],
    );
    expect(Number(audited.rows[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('lists a national objective’s children, the plans whose goals link it and the initiatives whose logic model links it', async () => {
    for (const code of ['SO-1', 'SO-2', 'SO-3']) {
      const p = (await page(byCode(code).id)).body.data;
      expect(p.breadcrumb).toEqual([]);
      const kids = objectives
        .filter((x) => x.parentId === byCode(code).id)
        .map((x) => x.code)
        .sort();
      expect(p.children.map((c: { code: string }) => c.code).sort()).toEqual(kids);
    }
    const plans = (await planner.get('/api/v1/strategy/plans')).body.data as {
      id: string;
      goals: { code: string; objectiveIds: string[] }[];
    }[];
    const linked = plans.flatMap((pl) => pl.goals.flatMap((g) => g.objectiveIds));
    expect(linked.length).toBeGreaterThan(0);
    const target = linked[0]!;
    const p = (await page(target)).body.data;
    const expected = plans.filter((pl) => pl.goals.some((g) => g.objectiveIds.includes(target)));
    expect(p.plans.map((x: { id: string }) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
    for (const pl of p.plans) {
      const goals = expected
        .find((x) => x.id === pl.id)!
        .goals.filter((g) => g.objectiveIds.includes(target))
        .map((g) => g.code);
      expect(pl.goals.map((g: { code: string }) => g.code)).toEqual(goals);
    }
    const ini = (await planner.get('/api/v1/strategy/initiatives')).body.data[0];
    const detail = (await planner.get(`/api/v1/strategy/initiatives/${ini.id}`)).body.data;
    const served = detail.logicModel.flatMap((n: { objectiveIds: string[] }) => n.objectiveIds)[0];
    const sp = (await page(served)).body.data;
    expect(sp.initiatives.find((i: { id: string }) => i.id === ini.id)?.via).toContain('logic_model');
  });

  it('is a 404 for a partner liaison, with the same body as an id that does not exist', async () => {
    const o = byCode('SO-2');
    const hidden = await page(o.id, liaison);
    const missing = await page(randomUUID(), liaison);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(hidden.body)).toEqual(strip(missing.body));
    expect((await page('not-a-uuid')).status).toBe(404);
    // Nor can the liaison edit it: the same 404.
    const put = await liaison.send('PUT', `/api/v1/strategy/objectives/${o.id}`, {
      expectedVersion: o.version,
      objective: {
        title: 'Hijacked',
        description: 'x',
        priority: 1,
        threatFocus: [],
        validFrom: o.validFrom,
      },
    });
    expect(put.status).toBe(404);
  });
});

describe('editing an objective', () => {
  it('saves the edit at the current version, audited, and refuses a stale version with 409', async () => {
    const o = objectives.find((x) => x.parentId && x.status !== 'retired' && x.code.startsWith('SO-3'))!;
    const r = await edit(o, { title: `${o.title} (edited)`, threatFocus: ['piracy'], priority: 1 });
    expect(r.status).toBe(200);
    expect(r.body.data.objective).toMatchObject({
      title: `${o.title} (edited)`,
      threatFocus: ['piracy'],
      priority: 1,
      version: o.version + 1,
    });
    const ev = await t
      .owner()
      .query("SELECT before, after FROM audit_event WHERE action = 'objective.updated' AND entity_id = $1", [
        o.id,
      ]);
    expect(ev.rows).toHaveLength(1);
    expect(ev.rows[0].before.title).toBe(o.title);
    expect(ev.rows[0].after.title).toBe(`${o.title} (edited)`);
    const stale = await edit(o, { title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const retired = objectives.find((x) => x.status === 'retired');
    if (retired) expect((await edit(retired)).body.error.code).toBe('invalid_transition');
    expect((await page(o.id)).body.data.objective.title).toBe(`${o.title} (edited)`);
  });

  it('refuses a cycle with 422 on parentId, and changes nothing', async () => {
    const root = byCode('SO-2');
    const child = objectives.find((x) => x.parentId === root.id)!;
    const r = await edit(root, { parentId: child.id });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual([
      { path: 'parentId', message: 'would make the objective tree cyclic' },
    ]);
    const self = await edit(root, { parentId: root.id });
    expect(self.status).toBe(422);
    expect((await page(root.id)).body.data.objective).toMatchObject({
      parentId: null,
      version: root.version,
    });
  });

  it('refuses validity outside the parent, or a parent period that no longer covers a child, with 422 naming the field', async () => {
    const root = byCode('SO-2');
    const child = objectives.find((x) => x.parentId === root.id && !x.code.startsWith('SO-3'))!;
    const early = await edit(child, { validFrom: '1990-01-01' });
    expect(early.status).toBe(422);
    expect(early.body.error.fields[0].path).toBe('validFrom');
    expect(early.body.error.fields[0].message).toMatch(/before its parent/);
    const late = await edit(root, { validFrom: '2030-01-01' });
    expect(late.status).toBe(422);
    expect(late.body.error.fields.map((f: { path: string }) => f.path)).toContain('validFrom');
    expect(
      late.body.error.fields.some(
        (f: { message: string }) => f.message.includes(child.code) || /child/.test(f.message),
      ),
    ).toBe(true);
    const ends = await edit(root, { validTo: '2009-01-01' });
    expect(ends.status).toBe(422);
    expect(ends.body.error.fields.some((f: { path: string }) => f.path === 'validTo')).toBe(true);
    const backwards = await edit(child, { validFrom: '2020-01-01', validTo: '2019-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('validTo');
  });

  it('moves an objective under another parent when the tree allows it', async () => {
    const leaf = objectives.find(
      (x) => x.parentId && x.status !== 'retired' && !objectives.some((y) => y.parentId === x.id),
    )!;
    const to = objectives.find((x) => x.parentId === null && x.id !== leaf.parentId)!;
    const current = (await page(leaf.id)).body.data.objective;
    const r = await edit(
      {
        ...leaf,
        version: current.version,
        validFrom: current.validFrom < to.validFrom ? to.validFrom : current.validFrom,
        validTo: to.validTo,
      },
      { parentId: to.id },
    );
    expect(r.status).toBe(200);
    expect(r.body.data.breadcrumb.map((b: { code: string }) => b.code)).toEqual([to.code]);
    expect((await page(to.id)).body.data.children.map((c: { id: string }) => c.id)).toContain(leaf.id);
  });

  it('keeps a parent the editor cannot see instead of unlinking it', async () => {
    const now = (await planner.get('/api/v1/strategy/objectives')).body.data as Obj[];
    const leaf = now.find(
      (x) =>
        x.parentId &&
        x.status !== 'retired' &&
        !now.some((y) => y.parentId === x.id) &&
        x.code.split('.').length > 2,
    )!;
    const parentId = leaf.parentId!;
    const secret = await t
      .owner()
      .query("SELECT id FROM label WHERE cardinality(restrictive) > 0 AND level = 'HUB-SECRET' LIMIT 1");
    const original = await t.owner().query('SELECT label_id FROM objective WHERE id = $1', [parentId]);
    await t.owner().query('UPDATE objective SET label_id = $1 WHERE id = $2', [secret.rows[0].id, parentId]);
    try {
      const p = (await page(leaf.id)).body.data;
      expect(p.objective.parentId).toBeNull();
      expect(p.breadcrumb).toEqual([]);
      const r = await edit({ ...leaf, parentId: null }, { title: `${leaf.title} (kept)` });
      expect(r.status).toBe(200);
      expect(
        (await t.owner().query('SELECT parent_id FROM objective WHERE id = $1', [leaf.id])).rows[0].parent_id,
      ).toBe(parentId);
    } finally {
      await t
        .owner()
        .query('UPDATE objective SET label_id = $1 WHERE id = $2', [original.rows[0].label_id, parentId]);
    }
  });
});
