/** Administration of organisations, communities and users' clearances, end to end on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let admin: Agent;
let planner: Agent;
let fra: Agent;

const API = '/api/v1/admin';
const today = () => new Date().toISOString().slice(0, 10);
const lastAudit = async (action: string) =>
  (
    await t
      .owner()
      .query(
        'SELECT action, entity_id, before, after, details, actor_id FROM audit_event WHERE action = $1 ORDER BY seq DESC LIMIT 1',
        [action],
      )
  ).rows[0];
const paths = (r: { body: { error: { fields?: { path: string }[] } } }) =>
  (r.body.error.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  planner = await t.login('planner');
  fra = await t.login('fra.liaison');
});
afterAll(() => t.close());

describe('who may administer', () => {
  it('answers 404 to partners and to home users without an admin role, on every new route', async () => {
    const user = (await admin.get(`${API}/users`)).body.data.find(
      (u: { username: string }) => u.username === 'planner',
    );
    for (const agent of [fra, planner]) {
      for (const url of [`${API}/organisations`, `${API}/communities`, `${API}/users/${user.id}`])
        expect((await agent.get(url)).status, `${agent.username} ${url}`).toBe(404);
      expect(
        (await agent.send('POST', `${API}/organisations`, { code: 'X-1', name: 'Nope', kind: 'other' }))
          .status,
      ).toBe(404);
      expect(
        (
          await agent.send('PUT', `${API}/users/${user.id}/security`, {
            version: 1,
            nationality: 'XHN',
            clearances: [],
          })
        ).status,
      ).toBe(404);
    }
  });
});

describe('an administrator who is not a security officer', () => {
  it('sees the pages but may not grant communities or clearances (403)', async () => {
    const made = await admin.send('POST', `${API}/users`, {
      username: 'it.admin',
      displayName: 'IT Administrator',
      password: 'entente-demo-2026',
      orgCode: 'XHN-MOD',
      nationality: 'XHN',
      roles: ['viewer', 'admin'],
      clearance: 'HUB-RESTRICTED',
      communities: ['all'],
    });
    expect(made.status).toBe(201);
    const itAdmin = await t.login('it.admin');
    expect((await itAdmin.get(`${API}/communities`)).status).toBe(200);
    expect((await itAdmin.get(`${API}/users/${made.body.data.id}`)).status).toBe(200);
    const community = (await itAdmin.get(`${API}/communities`)).body.data[0];
    expect(
      (
        await itAdmin.send('POST', `${API}/communities/${community.id}/members`, {
          userId: made.body.data.id,
          from: today(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await itAdmin.send('PUT', `${API}/users/${made.body.data.id}/security`, {
          version: 1,
          nationality: 'XHN',
          clearances: [],
        })
      ).status,
    ).toBe(403);
  });
});

describe('organisations', () => {
  let created: { id: string; version: string; code: string };

  it('lists organisations with kind, country and parent', async () => {
    const r = await admin.get(`${API}/organisations`);
    expect(r.status).toBe(200);
    const mod = r.body.data.find((o: { code: string }) => o.code === 'XHN-MOD');
    expect(mod).toMatchObject({ kind: expect.any(String), iso3: 'XHN', version: expect.any(String) });
    expect(mod.userCount).toBeGreaterThan(0);
  });

  it('creates an organisation under a parent, audited', async () => {
    const orgs = (await admin.get(`${API}/organisations`)).body.data;
    const mod = orgs.find((o: { code: string }) => o.code === 'XHN-MOD');
    const r = await admin.send('POST', `${API}/organisations`, {
      code: 'XHN-CYBERCMD',
      name: 'Cyber Command',
      acronym: 'CYBERCOM',
      kind: 'ministry_unit',
      iso3: 'XHN',
      parentId: mod.id,
    });
    expect(r.status).toBe(201);
    created = r.body.data;
    expect(r.body.data).toMatchObject({ code: 'XHN-CYBERCMD', parentCode: 'XHN-MOD', kind: 'ministry_unit' });
    const a = await lastAudit('organisation.created');
    expect(a.entity_id).toBe(created.id);
    expect(a.after).toMatchObject({ code: 'XHN-CYBERCMD', name: 'Cyber Command' });
  });

  it('reports bad fields by path and refuses a duplicate code', async () => {
    const bad = await admin.send('POST', `${API}/organisations`, {
      code: 'lower case',
      name: 'X',
      kind: 'club',
      iso3: 'france',
      sourceUrl: 'not a url',
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'iso3', 'sourceUrl']));
    const unknown = await admin.send('POST', `${API}/organisations`, {
      code: 'XHN-GHOST',
      name: 'Ghost unit',
      kind: 'ministry_unit',
      iso3: 'ZZZ',
    });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['iso3']);
    const dup = await admin.send('POST', `${API}/organisations`, {
      code: 'XHN-MOD',
      name: 'Again',
      kind: 'ministry_unit',
    });
    expect(dup.status).toBe(409);
    expect(paths(dup)).toEqual(['code']);
  });

  it('edits with the version token, 409 on a stale one, and refuses a parent cycle', async () => {
    const body = {
      code: 'XHN-CYBERCMD',
      name: 'Cyber and Information Command',
      acronym: 'CIC',
      kind: 'ministry_unit',
      iso3: 'XHN',
      parentId: null,
    };
    const ok = await admin.send('PUT', `${API}/organisations/${created.id}`, {
      version: created.version,
      organisation: body,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ name: 'Cyber and Information Command', parentCode: null });
    expect(ok.body.data.version).not.toBe(created.version);
    const a = await lastAudit('organisation.updated');
    expect(a.before).toMatchObject({ name: 'Cyber Command', acronym: 'CYBERCOM' });
    expect(a.after).toMatchObject({
      name: 'Cyber and Information Command',
      acronym: 'CIC',
      parentOrgId: null,
    });

    const stale = await admin.send('PUT', `${API}/organisations/${created.id}`, {
      version: created.version,
      organisation: { ...body, name: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const row = (await t.owner().query('SELECT name FROM organisation WHERE id = $1', [created.id])).rows[0];
    expect(row.name).toBe('Cyber and Information Command');

    const child = (
      await admin.send('POST', `${API}/organisations`, {
        code: 'XHN-CYBER-1',
        name: 'First cyber unit',
        kind: 'ministry_unit',
        parentId: created.id,
      })
    ).body.data;
    const cycle = await admin.send('PUT', `${API}/organisations/${created.id}`, {
      version: ok.body.data.version,
      organisation: { ...body, parentId: child.id },
    });
    expect(cycle.status).toBe(400);
    expect(paths(cycle)).toEqual(['parentId']);
  });

  it('a missing organisation is a 404', async () => {
    const r = await admin.send('PUT', `${API}/organisations/00000000-0000-4000-8000-000000000000`, {
      version: 'x',
      organisation: { code: 'XHN-NONE', name: 'None', kind: 'other' },
    });
    expect(r.status).toBe(404);
  });
});

describe('communities', () => {
  const label = (
    level: string,
    releasableTo: string[],
    extra: { restrictive?: string[]; handling?: string[] } = {},
  ) => ({ level, releasableTo, restrictive: [], handling: [], ...extra });
  let community: { id: string };
  let plannerId: string;

  it('lists communities with their bounds as classification text and their members', async () => {
    const r = await admin.get(`${API}/communities`);
    expect(r.status).toBe(200);
    const all = r.body.data.find((c: { code: string }) => c.code === 'all');
    expect(all.ceiling.banner).toMatch(/^HUB SECRET\/\//);
    expect(all.floor.banner).toMatch(/^HUB OFFICIAL/);
    expect(all.defaultLabel.portion).toMatch(/^\(HO/);
    expect(
      all.members.some((m: { username: string; current: boolean }) => m.username === 'planner' && m.current),
    ).toBe(true);
    plannerId = all.members.find((m: { username: string }) => m.username === 'planner').userId;
  });

  it('validates labels with field paths and their order floor ≤ default ≤ ceiling', async () => {
    const bad = await admin.send('POST', `${API}/communities`, {
      code: 'cyber-ops',
      name: 'Cyber operations',
      floor: label('HUB-OFFICIAL', ['XHN']),
      ceiling: label('HUB-TOPMOST', ['XHN']),
      defaultLabel: label('HUB-OFFICIAL', ['XHN'], { restrictive: ['NOPE'] }),
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['ceiling.level', 'defaultLabel.restrictive']));
    const order = await admin.send('POST', `${API}/communities`, {
      code: 'cyber-ops',
      name: 'Cyber operations',
      floor: label('HUB-OFFICIAL', ['XHN']),
      ceiling: label('HUB-RESTRICTED', ['XHN']),
      defaultLabel: label('HUB-SECRET', ['XHN']),
    });
    expect(order.status).toBe(400);
    expect(paths(order)).toEqual(['defaultLabel']);
    const shape = await admin.send('POST', `${API}/communities`, {
      code: 'X',
      name: '',
      floor: label('HUB-OFFICIAL', []),
    });
    expect(shape.status).toBe(400);
    expect(paths(shape)).toEqual(expect.arrayContaining(['code', 'name', 'floor.releasableTo', 'ceiling']));
  });

  it('creates a community, audited, and its bounds are usable at once', async () => {
    const r = await admin.send('POST', `${API}/communities`, {
      code: 'cyber-ops',
      name: 'Cyber operations',
      floor: label('HUB-OFFICIAL', ['XHN', 'NATO']),
      ceiling: label('HUB-SECRET', ['XHN'], { restrictive: ['CYBER'] }),
      defaultLabel: label('HUB-RESTRICTED', ['XHN']),
    });
    expect(r.status).toBe(201);
    community = r.body.data;
    expect(r.body.data).toMatchObject({ code: 'cyber-ops', members: [] });
    expect(r.body.data.ceiling.banner).toBe('HUB SECRET//CYBER//REL TO XHN');
    expect(r.body.data.defaultLabel.banner).toMatch(/^HUB RESTRICTED/);
    expect(t.ctx.access.communityBounds(community.id)?.communityCeiling.level).toBe('HUB-SECRET');
    const a = await lastAudit('community.created');
    expect(a.entity_id).toBe(community.id);
    expect(a.after).toMatchObject({
      code: 'cyber-ops',
      ceiling: { level: 'HUB-SECRET', restrictive: ['CYBER'] },
    });
    expect(
      (
        await admin.send('POST', `${API}/communities`, {
          ...r.body.data,
          floor: label('HUB-OFFICIAL', ['XHN']),
          ceiling: label('HUB-SECRET', ['XHN']),
          defaultLabel: label('HUB-OFFICIAL', ['XHN']),
        })
      ).status,
    ).toBe(409);
  });

  it('adds a dated membership, refuses an overlapping one, and ends it without deleting history', async () => {
    const from = today();
    const add = await admin.send('POST', `${API}/communities/${community.id}/members`, {
      userId: plannerId,
      role: 'contributor',
      from,
    });
    expect(add.status).toBe(201);
    expect((await lastAudit('community.member_added')).after).toMatchObject({
      userId: plannerId,
      role: 'contributor',
      from,
      to: null,
    });
    // The membership counts on the planner's next request: the community appears among theirs.
    expect(
      (await planner.get('/api/v1/reference/communities')).body.data.map((c: { code: string }) => c.code),
    ).toContain('cyber-ops');

    const overlap = await admin.send('POST', `${API}/communities/${community.id}/members`, {
      userId: plannerId,
      from: '2020-01-01',
    });
    expect(overlap.status).toBe(409);
    expect(paths(overlap)).toEqual(['from']);
    const backwards = await admin.send('POST', `${API}/communities/${community.id}/members`, {
      userId: plannerId,
      from: '2020-01-01',
      to: '2019-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(paths(backwards)).toEqual(['to']);

    const end = await admin.send('POST', `${API}/communities/${community.id}/members/end`, {
      userId: plannerId,
      from,
      to: from,
    });
    expect(end.status).toBe(200);
    const ended = await lastAudit('community.member_ended');
    expect(ended.before).toMatchObject({ to: null });
    expect(ended.after).toMatchObject({ to: from });
    const rows = (
      await t
        .owner()
        .query('SELECT valid_to FROM user_community WHERE user_id = $1 AND community_id = $2', [
          plannerId,
          community.id,
        ])
    ).rows;
    expect(rows).toHaveLength(1);
    expect(
      (await planner.get('/api/v1/reference/communities')).body.data.map((c: { code: string }) => c.code),
    ).not.toContain('cyber-ops');
    const listed = (await admin.get(`${API}/communities`)).body.data.find(
      (c: { code: string }) => c.code === 'cyber-ops',
    );
    expect(listed.members).toEqual([
      expect.objectContaining({ username: 'planner', current: false, to: from }),
    ]);

    expect(
      (
        await admin.send('POST', `${API}/communities/${community.id}/members/end`, {
          userId: plannerId,
          from,
          to: from,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin.send('POST', `${API}/communities/${community.id}/members/end`, {
          userId: plannerId,
          from: '1999-01-01',
          to: from,
        })
      ).status,
    ).toBe(404);
  });
});

describe("a user's clearances and nationality", () => {
  let analyst: Agent;
  let analystId: string;
  let secretId: string;

  beforeAll(async () => {
    analyst = await t.login('analyst');
    analystId = (await admin.get(`${API}/users`)).body.data.find(
      (u: { username: string }) => u.username === 'analyst',
    ).id;
    const r = await t.owner().query(`SELECT e.id FROM engagement e JOIN label l ON l.id = e.label_id
      WHERE l.level = 'HUB-SECRET' AND l.tlp IS NULL ORDER BY e.code LIMIT 1`);
    secretId = r.rows[0].id;
  });

  it('shows the user with clearances, memberships and the registry choices', async () => {
    const r = await admin.get(`${API}/users/${analystId}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      username: 'analyst',
      nationality: 'XHN',
      version: 1,
      clearances: [{ policy: 'HUB', level: 'HUB-SECRET' }],
    });
    expect(r.body.data.policies[0].levels.map((l: { name: string }) => l.name)).toEqual([
      'HUB-OFFICIAL',
      'HUB-RESTRICTED',
      'HUB-CONFIDENTIAL',
      'HUB-SECRET',
    ]);
    expect(r.body.data.memberships.length).toBeGreaterThan(0);
  });

  it('validates clearances against the registry, with field paths', async () => {
    const r = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: 1,
      nationality: 'ZZZ',
      clearances: [
        { policy: 'HUB', level: 'HUB-TOPMOST', compartments: ['CT', 'MAGIC'], expiresOn: '2030-01-01' },
        { policy: 'NOPE', level: 'X', compartments: [], expiresOn: '2030-01-01' },
        { policy: 'HUB', level: 'HUB-SECRET', compartments: [], expiresOn: 'soon' },
      ],
    });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['clearances.2.expiresOn']);
    const r2 = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: 1,
      nationality: 'ZZZ',
      clearances: [
        { policy: 'HUB', level: 'HUB-TOPMOST', compartments: ['CT', 'MAGIC'], expiresOn: '2030-01-01' },
        { policy: 'NOPE', level: 'X', compartments: [], expiresOn: '2030-01-01' },
      ],
    });
    expect(r2.status).toBe(400);
    expect(paths(r2)).toEqual([
      'nationality',
      'clearances.0.level',
      'clearances.0.compartments',
      'clearances.1.policy',
    ]);
  });

  it('a lowered clearance takes effect on the very next request, audited with before and after', async () => {
    expect((await analyst.get(`/api/v1/engagements/${secretId}`)).status).toBe(200);
    const down = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: 1,
      nationality: 'XHN',
      clearances: [{ policy: 'HUB', level: 'HUB-RESTRICTED', compartments: ['ct'], expiresOn: '2030-01-01' }],
    });
    expect(down.status).toBe(200);
    expect(down.body.data).toMatchObject({
      version: 2,
      clearances: [{ policy: 'HUB', level: 'HUB-RESTRICTED', compartments: ['CT'] }],
    });
    // The analyst's session ended with the change; logged in again, the SECRET record is gone.
    expect((await analyst.get(`/api/v1/engagements/${secretId}`)).status).toBe(401);
    analyst = await t.login('analyst');
    expect((await analyst.get(`/api/v1/engagements/${secretId}`)).status).toBe(404);
    const a = await lastAudit('user.security_changed');
    expect(a.details).toEqual({ sessionsEnded: 1 });
    expect(a.entity_id).toBe(analystId);
    expect(a.before.clearances.HUB.level).toBe('HUB-SECRET');
    expect(a.after.clearances.HUB).toEqual({
      level: 'HUB-RESTRICTED',
      compartments: ['CT'],
      expiresOn: '2030-01-01',
    });

    const stale = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: 1,
      nationality: 'XHN',
      clearances: [],
    });
    expect(stale.status).toBe(409);
    const up = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: 2,
      nationality: 'XHN',
      clearances: [
        {
          policy: 'HUB',
          level: 'HUB-SECRET',
          compartments: ['CT', 'CYBER', 'SOURCES'],
          expiresOn: '2030-01-01',
        },
      ],
    });
    expect(up.status).toBe(200);
    analyst = await t.login('analyst');
    expect((await analyst.get(`/api/v1/engagements/${secretId}`)).status).toBe(200);
  });

  it('an expired clearance also takes effect at once', async () => {
    const v = (await admin.get(`${API}/users/${analystId}`)).body.data.version;
    const r = await admin.send('PUT', `${API}/users/${analystId}/security`, {
      version: v,
      nationality: 'XHN',
      clearances: [
        {
          policy: 'HUB',
          level: 'HUB-SECRET',
          compartments: ['CT', 'CYBER', 'SOURCES'],
          expiresOn: '2020-01-01',
        },
      ],
    });
    expect(r.status).toBe(200);
    analyst = await t.login('analyst');
    expect((await analyst.get(`/api/v1/engagements/${secretId}`)).status).toBe(404);
  });
});
