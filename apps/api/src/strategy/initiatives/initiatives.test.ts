/** Initiatives through the API, on real PostgreSQL: propose, edit (409 stale), approval gates (422 with every unmet gate), approve, access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let ken: Agent;
let all: string;
let objectiveId: string;
let loeId: string;
const orgs = new Map<string, string>();
const HOME_ONLY = { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] };

const node = (id: string, kind: string, parentIds: string[], extra: Record<string, unknown> = {}) => ({
  id,
  kind,
  statement: `${kind} ${id}`,
  parentIds,
  objectiveIds: kind === 'outcome' || kind === 'impact' ? [objectiveId] : [],
  indicators: [],
  ...extra,
});
const model = (baseline: boolean) => [
  node('in', 'input', ['act']),
  node('act', 'activity', ['out']),
  node('out', 'output', ['oc']),
  node('oc', 'outcome', ['im'], {
    indicators: [
      {
        title: 'Interdictions in territorial waters per year',
        ...(baseline ? { baseline: { date: '2026-01-01', value: '4', source: 'KN log' } } : {}),
      },
    ],
  }),
  node('im', 'impact', []),
];

/** A significant initiative that supports partner forces and covers equipment, with only the first two gates met. */
const draft = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  title: 'Kenya Navy boarding and evidence capacity',
  lineOfEffortIds: [loeId],
  partnerIso3s: ['KEN'],
  leadOrgId: orgs.get('XHN-SECCOOP'),
  significance: 'significant',
  problemStatement: 'Boarding teams cannot build evidence packages prosecutors accept.',
  theoryOfChange: 'If boarding teams are trained and equipped, interdictions lead to prosecutions.',
  from: '2027-01-01',
  to: '2029-12-31',
  capabilityAreas: ['logistics'],
  covers: ['equipment', 'unit_training'],
  supportsPartnerForces: true,
  logicModel: model(false),
  communityId: all,
  label: HOME_ONLY,
  ...over,
});
const complete = {
  logicModel: [] as unknown[],
  absorptiveCapacity: {
    statement: 'About 40 trainees a month; two boarding teams at a time.',
    maxTraineesPerMonth: 40,
  },
  riskAssessment: {
    scopes: ['human_rights', 'end_use'],
    likelihood: 2,
    impact: 3,
    decision: 'proceed_with_conditions',
    decidedOn: '2026-10-01',
    mitigations: ['Vetting of trainees'],
  },
  evaluationPlan: { kind: 'final', dueBy: '2030-06-30' },
};

beforeAll(async () => {
  t = await startTestApp();
  [planner, approver, ken] = [
    await t.login('planner'),
    await t.login('approver'),
    await t.login('ken.liaison'),
  ];
  all = (await planner.get('/api/v1/reference/communities')).body.data.find(
    (c: { code: string }) => c.code === 'all',
  ).id;
  for (const o of (await planner.get('/api/v1/reference/organisations')).body.data as {
    id: string;
    code: string;
  }[])
    orgs.set(o.code, o.id);
  const objs = (await planner.get('/api/v1/strategy/objectives')).body.data as {
    id: string;
    status: string;
    linesOfEffort: { id: string }[];
  }[];
  const withLoe = objs.find((o) => o.status === 'active' && o.linesOfEffort.length > 0)!;
  objectiveId = withLoe.id;
  loeId = withLoe.linesOfEffort[0]!.id;
  complete.logicModel = model(true);
});
afterAll(() => t.close());

const audits = async (id: string) =>
  (
    await t
      .owner()
      .query<{ action: string }>('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq', [id])
  ).rows.map((r) => r.action);
const approve = (a: Agent, id: string, expectedVersion: number) =>
  a.send('POST', `/api/v1/strategy/initiatives/${id}/transitions`, { to: 'approved', expectedVersion });

describe('initiatives', () => {
  it('are proposed with a logic model and show what is missing before approval', async () => {
    const r = await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-TST-1'));
    expect(r.status).toBe(201);
    const d = r.body.data;
    expect(d).toMatchObject({
      code: 'INI-TST-1',
      status: 'proposed',
      version: 1,
      capabilityAreas: ['logistics'],
    });
    expect(d.logicModel.map((n: { kind: string }) => n.kind)).toEqual([
      'input',
      'activity',
      'output',
      'outcome',
      'impact',
    ]);
    expect(d.gates.met).toBe(false);
    expect(
      d.gates.checks.filter((c: { met: boolean }) => !c.met).map((c: { gate: string }) => c.gate),
    ).toEqual([
      'outcome_baseline',
      'capability_assessment',
      'absorptive_capacity',
      'risk_assessment',
      'sustainment_plan',
      'evaluation_plan',
    ]);
    expect(r.body.meta.pageLabel.banner).toBeTruthy();
    expect(await audits(d.id)).toEqual(['initiative.created']);
    // The planner may not change its state; the approver may approve or cancel it.
    expect(d.transitions).toEqual([]);
    expect((await approver.get(`/api/v1/strategy/initiatives/${d.id}`)).body.data.transitions).toEqual([
      'approved',
      'cancelled',
    ]);
  });

  it('refuse a logic model that is not an upward DAG, naming the node, and write nothing', async () => {
    const before = (await planner.get('/api/v1/strategy/initiatives')).body.data.length;
    const bad = draft('INI-TST-BAD', {
      logicModel: [
        node('act', 'activity', ['oc']),
        node('oc', 'outcome', [], { objectiveIds: [] }),
        node('out', 'output', ['act']),
      ],
    });
    const r = await planner.send('POST', '/api/v1/strategy/initiatives', bad);
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'logicModel.0.parentIds', message: expect.stringMatching(/activity links upward to output/) },
        { path: 'logicModel.1.objectiveIds', message: 'every outcome links to at least one objective' },
        { path: 'logicModel.2.parentIds', message: expect.stringMatching(/output links upward to outcome/) },
      ]),
    );
    const dates = await planner.send(
      'POST',
      '/api/v1/strategy/initiatives',
      draft('INI-TST-BAD', { from: '2030-01-01' }),
    );
    expect(dates.status).toBe(400);
    expect(dates.body.error.fields).toEqual([{ path: 'to', message: 'ends before it starts' }]);
    expect((await planner.get('/api/v1/strategy/initiatives')).body.data.length).toBe(before);
  });

  it('refuse approval with every unmet gate and its field path, then approve once all are met', async () => {
    const d = (await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-TST-2'))).body.data;
    const refused = await approve(approver, d.id, 1);
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'logicModel.3.indicators',
      'capabilityAreas.0',
      'absorptiveCapacity.statement',
      'riskAssessment',
      'sustainmentPlan',
      'evaluationPlan',
    ]);
    expect((await planner.get(`/api/v1/strategy/initiatives/${d.id}`)).body.data).toMatchObject({
      status: 'proposed',
      version: 1,
    });

    // Fill in everything but the capability assessment.
    const sustainmentPlan = {
      ownerOrgId: orgs.get('KEN-NAVY'),
      annualCost: { amount: '120000.00', currency: 'EUR' },
      handoverDate: '2030-01-01',
    };
    const edited = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: 1,
      initiative: draft('INI-TST-2', { ...complete, sustainmentPlan }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.data.version).toBe(2);
    const stillRefused = await approve(approver, d.id, 2);
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.error.fields).toEqual([
      { path: 'capabilityAreas.0', message: 'KEN: no approved logistics capability assessment' },
    ]);

    // An approved Kenyan logistics assessment from the last 24 months (the demo has none).
    const a = (
      await planner.send('POST', '/api/v1/capability-assessments', {
        partnerIso3: 'KEN',
        subjectOrgId: orgs.get('KEN-NAVY'),
        capabilityArea: 'logistics',
        method: 'joint',
        conductedOn: '2026-05-01',
        findings: 'Boarding competent; evidence weak.',
        absorptiveCapacity: { rating: 'medium', constraints: [] },
        communityId: all,
        label: HOME_ONLY,
      })
    ).body.data;
    await planner.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    expect(
      (
        await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
          to: 'approved',
          expectedVersion: 2,
        })
      ).status,
    ).toBe(200);

    expect((await approve(planner, d.id, 2)).status).toBe(403);
    const ok = await approve(approver, d.id, 2);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'approved',
      version: 3,
      capabilityAssessmentIds: [a.id],
      gates: { met: true },
    });
    expect(await audits(d.id)).toEqual(['initiative.created', 'initiative.updated', 'initiative.approved']);

    // Once approved, an edit must keep the gates met.
    const broken = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: 3,
      initiative: draft('INI-TST-2', { ...complete, sustainmentPlan, evaluationPlan: null }),
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.fields).toEqual([
      { path: 'evaluationPlan', message: 'Add an evaluation plan (the initiative is significant)' },
    ]);
  });

  it('meet the capability gate with a current demo assessment and name a stale one', async () => {
    const d = (
      await planner.send(
        'POST',
        '/api/v1/strategy/initiatives',
        draft('INI-TST-6', { partnerIso3s: ['KEN', 'SYC'], capabilityAreas: ['maritime_security'] }),
      )
    ).body.data;
    const cap = d.gates.checks.find((c: { gate: string }) => c.gate === 'capability_assessment');
    expect(cap.met).toBe(false);
    expect(cap.problems).toEqual([
      {
        path: 'capabilityAreas.0',
        message: expect.stringMatching(
          /^SYC: the latest approved maritime security assessment \(\d{4}-\d\d-\d\d\) is more than 24 months old$/,
        ),
      },
    ]);
  });

  it('include a demo proposal that meets every gate (approvable) and one whose page lists what is missing', async () => {
    const list = (await approver.get('/api/v1/strategy/initiatives')).body.data as {
      id: string;
      code: string;
    }[];
    const ready = (
      await approver.get(`/api/v1/strategy/initiatives/${list.find((i) => i.code === 'KEN-INI-BOARD')!.id}`)
    ).body.data;
    expect(ready).toMatchObject({ status: 'proposed', gates: { met: true } });
    const approved = await approve(approver, ready.id, ready.version);
    expect(approved.status).toBe(200);
    expect(approved.body.data.capabilityAssessmentIds).toHaveLength(1);
    const missing = (
      await approver.get(`/api/v1/strategy/initiatives/${list.find((i) => i.code === 'SYC-INI-PATROL')!.id}`)
    ).body.data;
    expect(
      missing.gates.checks.filter((c: { met: boolean }) => !c.met).map((c: { gate: string }) => c.gate),
    ).toEqual([
      'outcome_baseline',
      'capability_assessment',
      'absorptive_capacity',
      'risk_assessment',
      'sustainment_plan',
      'evaluation_plan',
    ]);
  });

  it('refuse an edit from a stale version with 409 and change nothing', async () => {
    const d = (await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-TST-3'))).body.data;
    expect(
      (
        await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
          expectedVersion: 1,
          initiative: draft('INI-TST-3', { title: 'First edit' }),
        })
      ).status,
    ).toBe(200);
    const stale = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: 1,
      initiative: draft('INI-TST-3', { title: 'Lost update' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await approve(approver, d.id, 1)).status).toBe(409);
    expect((await planner.get(`/api/v1/strategy/initiatives/${d.id}`)).body.data).toMatchObject({
      title: 'First edit',
      version: 2,
    });
    // Cancelling needs a reason.
    const noReason = await approver.send('POST', `/api/v1/strategy/initiatives/${d.id}/transitions`, {
      to: 'cancelled',
      expectedVersion: 2,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields).toEqual([{ path: 'reason', message: 'required' }]);
  });

  it('are hidden from a partner user who may not read them: 404 exactly like a missing one', async () => {
    const d = (await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-TST-4'))).body.data;
    const missingId = '00000000-0000-4000-8000-000000000000';
    const hidden = await ken.get(`/api/v1/strategy/initiatives/${d.id}`);
    const missing = await ken.get(`/api/v1/strategy/initiatives/${missingId}`);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
    expect(
      (
        await ken.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
          expectedVersion: 1,
          initiative: draft('INI-TST-4'),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await ken.send('POST', `/api/v1/strategy/initiatives/${d.id}/transitions`, {
          to: 'approved',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await ken.get('/api/v1/strategy/initiatives')).body.data.map((i: { id: string }) => i.id),
    ).not.toContain(d.id);
    // A partner user cannot propose one either.
    expect(
      (
        await ken.send(
          'POST',
          '/api/v1/strategy/initiatives',
          draft('INI-TST-5', { label: { ...HOME_ONLY, releasableTo: ['XHN', 'KEN'] } }),
        )
      ).status,
    ).toBe(403);
  });

  it('keep links to objectives the editor cannot read when the editor saves', async () => {
    const secretObjective = await approver.send('POST', '/api/v1/strategy/objectives', {
      code: 'SO-TST-C',
      title: 'Confidential objective',
      description: 'x',
      level: 'functional',
      priority: 2,
      validFrom: '2020-01-01',
      communityId: all,
      label: { level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN'], restrictive: [], handling: [] },
    });
    expect(secretObjective.status).toBe(201);
    const hiddenId = secretObjective.body.data.id as string;
    const withHidden = model(true).map((n) =>
      n.kind === 'outcome' ? { ...n, objectiveIds: [objectiveId, hiddenId] } : n,
    );
    const d = (
      await approver.send(
        'POST',
        '/api/v1/strategy/initiatives',
        draft('INI-TST-7', { logicModel: withHidden }),
      )
    ).body.data;
    const seen = (await planner.get(`/api/v1/strategy/initiatives/${d.id}`)).body.data;
    const outcome = seen.logicModel.find((n: { kind: string }) => n.kind === 'outcome');
    expect(outcome.objectiveIds).toEqual([objectiveId]);
    const saved = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: seen.version,
      initiative: draft('INI-TST-7', { logicModel: seen.logicModel }),
    });
    expect(saved.status).toBe(200);
    const stored = (
      await t
        .owner()
        .query<{ m: { kind: string; objectiveIds: string[] }[] }>(
          'SELECT logic_model AS m FROM initiative WHERE id = $1',
          [d.id],
        )
    ).rows[0]!.m;
    expect(stored.find((n) => n.kind === 'outcome')!.objectiveIds).toEqual([objectiveId, hiddenId]);
  });

  it('keep the logic-model nodes that engagements link to', async () => {
    const seeded = await t.owner().query<{ id: string }>(
      `SELECT i.id FROM initiative i JOIN label l ON l.id = i.label_id WHERE i.status IN ('proposed','approved','active') AND l.level = 'HUB-OFFICIAL'
         AND EXISTS (SELECT 1 FROM engagement e WHERE e.initiative_id = i.id AND cardinality(e.logic_node_ids) > 0) ORDER BY i.code LIMIT 1`,
    );
    const d = (await planner.get(`/api/v1/strategy/initiatives/${seeded.rows[0]!.id}`)).body.data;
    const used = (
      await t
        .owner()
        .query<{ n: string }>(
          'SELECT DISTINCT unnest(logic_node_ids) AS n FROM engagement WHERE initiative_id = $1',
          [d.id],
        )
    ).rows.map((r) => r.n);
    expect(used.length).toBeGreaterThan(0);
    const input = {
      code: d.code,
      title: d.title,
      planId: d.planId,
      lineOfEffortIds: d.lineOfEffortIds,
      partnerIso3s: d.partnerIso3s,
      leadOrgId: d.leadOrgId,
      significance: d.significance,
      problemStatement: d.problemStatement,
      theoryOfChange: d.theoryOfChange,
      from: d.from,
      to: d.to,
      communityId: d.communityId,
      label: d.label,
      logicModel: d.logicModel
        .filter((n: { id: string }) => n.id !== used[0])
        .map((n: { parentIds: string[] }) => ({ ...n, parentIds: n.parentIds.filter((p) => p !== used[0]) })),
    };
    const r = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: d.version,
      initiative: input,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({
      path: 'logicModel',
      message: expect.stringContaining(used[0]!),
    });
  });
});
