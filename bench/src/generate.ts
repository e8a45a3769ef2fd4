/**
 * `npm run bench:generate`: the engagement part of the ministry-scale data set (BENCHMARKS.md),
 * built deterministically from BENCH_SEED into a FRESH embedded database in bench/.data:
 * migrations, reference data and the demo seed (so the demo users exist), then 250 partners,
 * 30 organisations, 200 users, 2,000 objectives, 5,000 initiatives, 2,000 agreements and
 * 100,000 engagements (2016–2026, ~4 participants each) with a realistic label mix, loaded with
 * COPY FROM STDIN, finished with VACUUM ANALYZE.
 */
import { existsSync, rmSync, mkdirSync, chmodSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { ENGAGEMENT_STATUSES, ENGAGEMENT_TYPES, ENGAGEMENT_TYPE_INFO, canonicalLabel, labelId, type EngagementType, type Label } from '@entente/core';
import { ensureAppRole, migrateDatabase, openDatabase, seedReference, seedScenarios, seedUsers, type SeedUser } from '@entente/db';
import { DATA_DIR, PG_PORT, SEED, commit } from './lib/common';
import { arr, copyRows, json, type CopyValue } from './lib/copy';
import { MARKER, openBenchServer } from './lib/database';
import { Rng, Weighted } from './lib/prng';

export const COUNTS = { partners: 250, organisations: 30, users: 200, objectives: 2_000, initiatives: 5_000, agreements: 2_000, engagements: 100_000 } as const;

/** Statuses are derived from dates against a fixed day, so the data set does not depend on the day it is built. */
const AS_OF = '2026-12-01';
const DAY = 86_400_000;
const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const FIRST = dayNum('2016-01-01');
const LAST = dayNum('2026-12-31');
const ASOF = dayNum(AS_OF);

const TOPICS = [
  'maritime security', 'border security', 'counter-IED', 'cyber defence', 'peacekeeping readiness', 'military logistics', 'military medicine',
  'air surveillance', 'coastal patrol', 'counter-terrorism', 'special operations', 'defence reform', 'staff planning', 'humanitarian demining',
  'military law', 'search and rescue', 'intelligence analysis', 'signals', 'aviation safety', 'port security',
];
const OPENERS = ['Bilateral', 'Joint', 'Multinational', 'Regional', 'Annual', 'Follow-up', 'Introductory', 'Advanced'];
const MIDDLES = ['activity to strengthen', 'cooperation focused on', 'programme building', 'exchange on', 'support to'];
const ENDS = [
  'in line with the partner’s national priorities', 'as agreed at the last steering group', 'with a train-the-trainer component',
  'building on previous rotations', 'coordinated with allies and the UN', 'under the cooperation plan',
];
const AGREEMENT_KINDS = ['defence_cooperation', 'mou', 'sofa', 'security_of_information', 'technical_arrangement', 'logistics_support', 'end_use_undertaking', 'mandate'] as const;
const ROLES = ['participant', 'observer', 'trainer', 'trainee', 'funder', 'implementer'] as const;
const COMPARTMENTS = ['CT', 'CYBER', 'SOURCES'] as const;
const WIDE = ['XHN', 'NATO', 'EU'];
const WIDER = ['XHN', 'NATO', 'EU', 'UN', 'AU'];

interface Country { iso3: string; name: string; region: string; lat: number | null; lon: number | null }
interface Org { id: string; code: string; kind: string; iso3: string | null }

type LabelSpecX = { level: string; releasableTo: string[]; restrictive?: string[]; handling?: string[]; tlp?: Label['tlp'] };

function durationFor(t: EngagementType, r: Rng): number {
  const fam = ENGAGEMENT_TYPE_INFO[t].family;
  if (t === 'peacekeeping_deployment' || t === 'multinational_task_force') return r.int(60, 240);
  if (fam === 'defence_diplomacy') return r.int(1, 5);
  if (fam === 'training_exercises') return r.int(5, 30);
  if (fam === 'assistance_transfer') return r.int(10, 180);
  return r.int(2, 60);
}

async function main() {
  commit(); // the commit is read once, when the run starts
  const t0 = Date.now();
  const rng = new Rng(SEED);
  if (existsSync(`${DATA_DIR}/pg/postmaster.pid`)) {
    console.error(`A PostgreSQL is running in ${DATA_DIR} (postmaster.pid exists); stop it first.`);
    process.exit(1);
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  chmodSync(DATA_DIR, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its folder
  console.log(`Generating the ministry-scale engagement data set (seed '${SEED}') into ${DATA_DIR} (embedded PostgreSQL on 127.0.0.1:${PG_PORT})`);

  const server = await openBenchServer();
  const bar = new cliProgress.SingleBar(
    { format: '[{bar}] {percentage}% | {value}/{total} rows | {step} | {duration_formatted}', noTTYOutput: true, notTTYSchedule: 5000, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const owner = openDatabase(server.ownerUrl, 2);
  const client = new pg.Client({ connectionString: server.ownerUrl });
  try {
    // 1. Schema and the demo seed, exactly as the app does on a first start.
    await ensureAppRole(server.ownerUrl, server.secrets.appPassword);
    await migrateDatabase(server.ownerUrl);
    await seedReference(owner.db);
    await seedScenarios(owner.db);
    await seedUsers(owner.db, server.secrets.secretKey);

    await client.connect();
    await client.query('SET synchronous_commit = off');
    await client.query("SET maintenance_work_mem = '256MB'");

    const countries = (await client.query<Country>('SELECT iso3, name, region, lat, lon FROM country ORDER BY iso3')).rows;
    const byIso = new Map(countries.map((c) => [c.iso3, c]));
    const orgs = (await client.query<Org>('SELECT id, code, kind, iso3 FROM organisation ORDER BY code')).rows;
    const communities = (await client.query<{ id: string; code: string }>('SELECT id, code FROM community ORDER BY code')).rows;
    const funds = (await client.query<{ id: string }>('SELECT id FROM funding_source ORDER BY code')).rows.map((r) => r.id);
    const loes = (await client.query<{ id: string }>('SELECT id FROM line_of_effort ORDER BY code')).rows.map((r) => r.id);
    const seededPartners = new Set((await client.query<{ iso3: string }>('SELECT iso3 FROM partner')).rows.map((r) => r.iso3));
    const existingLabels = new Set((await client.query<{ id: string }>('SELECT id FROM label')).rows.map((r) => r.id));
    const orgId = (code: string) => {
      const o = orgs.find((x) => x.code === code);
      if (!o) throw new Error(`organisation ${code} is missing from the demo seed`);
      return o.id;
    };
    const home = orgId('XHN-MOD');
    const homeUnits = orgs.filter((o) => o.kind === 'ministry_unit').map((o) => o.id);
    const multilateral = orgs.filter((o) => ['alliance', 'international_org', 'regional_org'].includes(o.kind)).map((o) => o.id);
    const allCommunity = communities.find((c) => c.code === 'all')?.id;
    if (!allCommunity) throw new Error("community 'all' is missing from the demo seed");
    const all: string = allCommunity;
    const scenarioCommunities = communities.filter((c) => c.code !== 'all').map((c) => c.id);

    // 2. Partner weights: the demo scenario states are priorities, the rest follow a long tail.
    const partners = countries.filter((c) => c.iso3 !== 'XHN');
    const rest = rng.sample(partners.filter((c) => !seededPartners.has(c.iso3)), partners.length);
    const weightOf = new Map<string, number>();
    for (const c of partners) if (seededPartners.has(c.iso3)) weightOf.set(c.iso3, 12);
    rest.forEach((c, i) => weightOf.set(c.iso3, 8 / (1 + i / 8)));
    const partnerDraw = new Weighted(partners.map((c) => c.iso3), partners.map((c) => weightOf.get(c.iso3) ?? 1));
    const drawPartners = (n: number) => {
      const s = new Set<string>();
      while (s.size < n) s.add(partnerDraw.draw(rng));
      return [...s].sort();
    };

    // 3. Thirty more partner bodies: the ministries of defence of the most engaged states without one.
    const hasOrg = new Set(orgs.filter((o) => o.iso3).map((o) => o.iso3 as string));
    const newOrgs = rest.filter((c) => !hasOrg.has(c.iso3)).slice(0, COUNTS.organisations).map((c) => ({ id: rng.uuid(), code: `${c.iso3}-MOD`, kind: 'partner_body', iso3: c.iso3, name: `Ministry of Defence of ${c.name}` }));
    await client.query(
      `INSERT INTO organisation (id, code, name, kind, iso3) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [newOrgs.map((o) => o.id), newOrgs.map((o) => o.code), newOrgs.map((o) => o.name), newOrgs.map((o) => o.kind), newOrgs.map((o) => o.iso3)],
    );
    for (const o of newOrgs) orgs.push({ id: o.id, code: o.code, kind: o.kind, iso3: o.iso3 });
    const bodiesOf = new Map<string, string[]>();
    const modOf = new Map<string, string>();
    for (const o of orgs)
      if (o.kind === 'partner_body' && o.iso3) {
        bodiesOf.set(o.iso3, [...(bodiesOf.get(o.iso3) ?? []), o.id]);
        if (o.code === `${o.iso3}-MOD`) modOf.set(o.iso3, o.id);
      }
    const partyOf = (iso3s: string[]) => iso3s.map((p) => modOf.get(p)).filter((x): x is string => !!x);

    // 4. Two hundred users: mixed clearances, nationalities, communities (password as the demo users).
    const homeOrgCodes = orgs.filter((o) => o.kind === 'ministry_unit').map((o) => o.code);
    const partnerOrgs = orgs.filter((o) => o.kind === 'partner_body' && o.code.endsWith('-MOD'));
    const communityCodes = communities.map((c) => c.code);
    const users: SeedUser[] = [];
    for (let i = 1; i <= COUNTS.users; i++) {
      const isPartner = rng.chance(0.3);
      const org = isPartner ? rng.pick(partnerOrgs) : null;
      const level = isPartner
        ? rng.pick(['HUB-OFFICIAL', 'HUB-RESTRICTED', 'HUB-RESTRICTED', 'HUB-CONFIDENTIAL'])
        : rng.pick(['HUB-OFFICIAL', 'HUB-RESTRICTED', 'HUB-RESTRICTED', 'HUB-RESTRICTED', 'HUB-CONFIDENTIAL', 'HUB-CONFIDENTIAL', 'HUB-SECRET']);
      const compartments = level === 'HUB-SECRET' || (level === 'HUB-CONFIDENTIAL' && rng.chance(0.5)) ? rng.sample(COMPARTMENTS, rng.int(1, 3)) : [];
      const comms = rng.chance(0.4) ? ['*'] : ['all', ...rng.sample(communityCodes.filter((c) => c !== 'all'), rng.int(1, 4))];
      const n = String(i).padStart(3, '0');
      users.push({
        username: `bench.user${n}`, displayName: `Bench user ${n}`, persona: 'bench', orgCode: org ? org.code : rng.pick(homeOrgCodes),
        nationality: org?.iso3 ?? 'XHN', partner: isPartner, roles: isPartner ? ['partner_reporter'] : rng.pick([['viewer'], ['viewer', 'planner'], ['viewer', 'analyst'], ['viewer', 'planner', 'approver']]),
        clearance: { level, compartments }, communities: comms, mfa: level === 'HUB-CONFIDENTIAL' || level === 'HUB-SECRET',
      });
    }
    await seedUsers(owner.db, server.secrets.secretKey, users);

    // 5. Labels: content-addressed, so every id is computed with core's canonicalLabel/labelId.
    const newLabels = new Map<string, Label>();
    const label = (s: LabelSpecX): string => {
      const l = canonicalLabel({ policy: 'HUB', level: s.level, restrictive: s.restrictive ?? [], releasableTo: s.releasableTo, handling: s.handling ?? [], ...(s.tlp ? { tlp: s.tlp } : {}) });
      const id = labelId(l);
      if (!existingLabels.has(id) && !newLabels.has(id)) newLabels.set(id, l);
      return id;
    };
    const homeOnly = label({ level: 'HUB-OFFICIAL', releasableTo: ['XHN'] });

    const total = COUNTS.partners * 2 + COUNTS.objectives + COUNTS.initiatives + COUNTS.agreements + COUNTS.engagements;
    bar.start(total, 0, { step: 'partners' });
    const tick = (n: number) => bar.increment(n);

    // 6. A partner record (and a capacity row) for every state.
    const partnerCols = ['id', 'iso3', 'relationship_tier', 'status', 'notes', 'label_id', 'community_id', 'owner_org_id'];
    const tierOf = (iso3: string) => ((weightOf.get(iso3) ?? 0) >= 6 ? 'priority' : (weightOf.get(iso3) ?? 0) >= 2 ? 'strategic' : rng.pick(['standard', 'other']));
    const partnerRows: CopyValue[][] = partners
      .filter((c) => !seededPartners.has(c.iso3))
      .map((c) => [rng.uuid(), c.iso3, tierOf(c.iso3), rng.chance(0.92) ? 'active' : 'dormant', null, rng.chance(0.8) ? label({ level: 'HUB-OFFICIAL', releasableTo: WIDE }) : homeOnly, all, home]);
    await copyRows(client, 'partner', partnerCols, partnerRows, tick);
    tick(COUNTS.partners - partnerRows.length);
    const capCols = ['id', 'partner_iso3', 'valid_from', 'valid_to', 'max_concurrent_engagements', 'max_trainees_per_month', 'label_id', 'community_id', 'owner_org_id'];
    await copyRows(client, 'partner_capacity', capCols, partnerRows.map((p) => [rng.uuid(), p[1] as string, '2016-01-01', '2030-12-31', rng.int(2, 12), rng.int(20, 300), homeOnly, all, home]), tick);
    tick(COUNTS.partners - partnerRows.length);

    // 7. Objectives: a forest under 100 national objectives.
    bar.update({ step: 'objectives' });
    const objectiveIds: string[] = [];
    const objCols = ['id', 'code', 'title', 'description', 'level', 'parent_id', 'priority', 'threat_focus', 'region_codes', 'valid_from', 'valid_to', 'status', 'label_id', 'community_id', 'owner_org_id'];
    const threats = ['instability', 'terrorism', 'piracy', 'trafficking', 'cyber', 'partner_capability', 'conflict'];
    const regions = ['Africa', 'Europe', 'Asia', 'Americas', 'Oceania'];
    function* objectives(): Generator<CopyValue[]> {
      for (let i = 1; i <= COUNTS.objectives; i++) {
        const id = rng.uuid();
        const parent = i > 100 ? rng.pick(objectiveIds) : null;
        objectiveIds.push(id);
        const topic = rng.pick(TOPICS);
        const from = FIRST - 365 + rng.int(0, 6 * 365);
        const r = rng.next();
        const lab = r < 0.85 ? homeOnly : r < 0.95 ? label({ level: 'HUB-OFFICIAL', releasableTo: WIDE }) : label({ level: 'HUB-RESTRICTED', releasableTo: ['XHN'] });
        yield [
          id, `BO-${String(i).padStart(4, '0')}`, `Improve ${topic} outcomes (${i})`, `Strategic objective on ${topic}: reduce risk and build partner capability.`,
          i <= 100 ? 'national' : rng.pick(['regional', 'functional', 'partner']), parent, rng.int(1, 3), arr(rng.sample(threats, rng.int(1, 3))), arr(rng.sample(regions, rng.int(1, 2))),
          isoOf(from), rng.chance(0.2) ? isoOf(from + rng.int(2, 8) * 365) : null, rng.chance(0.9) ? 'active' : rng.pick(['draft', 'retired']), lab, all, home,
        ];
      }
    }
    await copyRows(client, 'objective', objCols, objectives(), tick);

    // 8. Initiatives, each with a small logic model (activity → output → outcome → impact).
    bar.update({ step: 'initiatives' });
    const initiatives: { id: string; partners: string[]; objective: string; activity: string; community: string }[] = [];
    const iniCols = ['id', 'code', 'title', 'plan_id', 'line_of_effort_ids', 'partner_iso3s', 'lead_org_id', 'significance', 'problem_statement', 'theory_of_change', 'logic_model', 'valid_from', 'valid_to', 'status', 'label_id', 'community_id', 'owner_org_id', 'party_org_ids'];
    function* initiativeRows(): Generator<CopyValue[]> {
      for (let i = 1; i <= COUNTS.initiatives; i++) {
        const id = rng.uuid();
        const code = `BI-${String(i).padStart(5, '0')}`;
        const ps = drawPartners(rng.chance(0.8) ? 1 : 2);
        const topic = rng.pick(TOPICS);
        const obj = rng.pick(objectiveIds);
        const n = (k: string) => `${code}:${k}`;
        const logic = [
          { id: n('act'), kind: 'activity', statement: `Deliver ${topic} activities`, parentIds: [n('out')], objectiveIds: [] },
          { id: n('out'), kind: 'output', statement: `${topic} skills and procedures in place`, parentIds: [n('oc')], objectiveIds: [] },
          { id: n('oc'), kind: 'outcome', statement: `Partner conducts ${topic} independently`, parentIds: [n('im')], objectiveIds: [obj] },
          { id: n('im'), kind: 'impact', statement: `Regional ${topic} improves`, parentIds: [], objectiveIds: [obj] },
        ];
        const from = FIRST - 180 + rng.int(0, 10 * 365);
        const r = rng.next();
        const lab = r < 0.6 ? label({ level: 'HUB-OFFICIAL', releasableTo: ['XHN', ...ps] }) : r < 0.85 ? label({ level: 'HUB-OFFICIAL', releasableTo: WIDE }) : r < 0.95 ? label({ level: 'HUB-RESTRICTED', releasableTo: ['XHN', ...ps] }) : label({ level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN'] });
        const community = rng.chance(0.5) ? all : rng.pick(scenarioCommunities);
        initiatives.push({ id, partners: ps, objective: obj, activity: n('act'), community });
        yield [
          id, code, `${topic[0]?.toUpperCase()}${topic.slice(1)} capacity with ${ps.map((p) => byIso.get(p)?.name ?? p).join(' and ')}`, null, arr(loes.length ? [rng.pick(loes)] : []), arr(ps),
          rng.pick(homeUnits), rng.chance(0.2) ? 'significant' : 'routine', `Partner capability gaps in ${topic}.`, `If we train and equip, then ${topic} improves.`, json(logic),
          isoOf(from), isoOf(from + rng.int(2, 5) * 365), rng.pick(['proposed', 'approved', 'active', 'active', 'active', 'closing', 'closed']), lab, community, home, arr(partyOf(ps)),
        ];
      }
    }
    await copyRows(client, 'initiative', iniCols, initiativeRows(), tick);

    // 9. Agreements: some expire within the dashboard's 180-day window.
    bar.update({ step: 'agreements' });
    const agrCols = ['id', 'code', 'kind', 'title', 'partner_iso3s', 'signed_on', 'in_force_from', 'expires_on', 'auto_renew', 'covers_types', 'status', 'document_ref', 'label_id', 'community_id', 'owner_org_id', 'party_org_ids'];
    function* agreementRows(): Generator<CopyValue[]> {
      for (let i = 1; i <= COUNTS.agreements; i++) {
        const ps = drawPartners(rng.chance(0.85) ? 1 : rng.int(2, 3));
        const kind = rng.pick(AGREEMENT_KINDS);
        const signed = dayNum('2004-01-01') + rng.int(0, 22 * 365);
        const inForce = signed + rng.int(0, 90);
        const expires = rng.chance(0.15) ? null : inForce + rng.int(3, 12) * 365;
        const autoRenew = rng.chance(0.3);
        const status = signed > ASOF ? rng.pick(['draft', 'negotiating']) : expires !== null && expires < ASOF && !autoRenew ? 'expired' : rng.chance(0.9) ? 'in_force' : rng.pick(['signed', 'suspended', 'terminated']);
        const r = rng.next();
        const lab = r < 0.7 ? label({ level: 'HUB-OFFICIAL', releasableTo: ['XHN', ...ps] }) : r < 0.85 ? label({ level: 'HUB-OFFICIAL', releasableTo: WIDE }) : r < 0.95 ? label({ level: 'HUB-RESTRICTED', releasableTo: ['XHN', ...ps] }) : label({ level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN'] });
        yield [
          rng.uuid(), `BA-${String(i).padStart(4, '0')}`, kind, `${kind.replace(/_/g, ' ')} with ${ps.map((p) => byIso.get(p)?.name ?? p).join(', ')}`, arr(ps), isoOf(signed), isoOf(inForce),
          expires === null ? null : isoOf(expires), autoRenew, arr(rng.sample(ENGAGEMENT_TYPES, rng.int(2, 6))), status, `DOC/${signed}/${i}`, lab, rng.chance(0.6) ? all : rng.pick(scenarioCommunities), home, arr(partyOf(ps)),
        ];
      }
    }
    await copyRows(client, 'agreement', agrCols, agreementRows(), tick);

    // 10. Engagements: 100,000 over 2016–2026, ~4 participants each, mostly OFFICIAL and widely released.
    bar.update({ step: 'engagements' });
    const engCols = [
      'id', 'code', 'title', 'type', 'status', 'summary', 'payload', 'initiative_id', 'plan_id', 'partner_iso3s', 'objective_ids', 'logic_node_ids', 'lead_org_id', 'planned_start', 'planned_end',
      'actual_start', 'actual_end', 'locations', 'participants', 'planned_cost', 'actual_cost', 'currency', 'funding_source_id', 'outcome_summary', 'label_id', 'community_id', 'party_org_ids',
      'tlp', 'tlp_org_ids', 'owner_org_id',
    ];
    const typeDraw = new Weighted<EngagementType>(ENGAGEMENT_TYPES, ENGAGEMENT_TYPES.map((t) => (ENGAGEMENT_TYPE_INFO[t].family === 'training_exercises' || ENGAGEMENT_TYPE_INFO[t].family === 'defence_diplomacy' ? 3 : 1)));
    if (!ENGAGEMENT_STATUSES.includes('completed')) throw new Error('unexpected engagement statuses');
    function* engagementRows(): Generator<CopyValue[]> {
      for (let i = 1; i <= COUNTS.engagements; i++) {
        const ini = rng.pick(initiatives);
        const ps = rng.chance(0.7) ? ini.partners : [...new Set([...ini.partners, ...drawPartners(1)])].sort();
        const type = typeDraw.draw(rng);
        const start = FIRST + rng.int(0, LAST - FIRST);
        const end = start + durationFor(type, rng);
        const year = isoOf(start).slice(0, 4);
        const topic = rng.pick(TOPICS);
        const first = byIso.get(ps[0] as string);
        const names = ps.map((p) => byIso.get(p)?.name ?? p).join(', ');
        const status =
          end < ASOF
            ? rng.chance(0.8) ? 'completed' : rng.pick(['closed', 'cancelled', 'postponed'])
            : start > ASOF ? rng.pick(['draft', 'proposed', 'approved', 'approved']) : 'ongoing';
        const started = status === 'completed' || status === 'closed' || status === 'ongoing';
        const done = status === 'completed' || status === 'closed';
        const lead = rng.pick(homeUnits);
        // Participants: the lead, a host body of each partner, and on average two more.
        const participants: { orgId: string; role: string; plannedHeadcount: number; actualHeadcount?: number }[] = [{ orgId: lead, role: 'lead', plannedHeadcount: rng.int(2, 40) }];
        for (const p of ps) {
          const bodies = bodiesOf.get(p);
          if (bodies?.length) participants.push({ orgId: rng.chance(0.8) ? (modOf.get(p) ?? rng.pick(bodies)) : rng.pick(bodies), role: 'host', plannedHeadcount: rng.int(2, 60) });
        }
        const extra = rng.int(1, 4);
        for (let k = 0; k < extra; k++) {
          const r = rng.next();
          const org = r < 0.4 ? rng.pick(homeUnits) : r < 0.75 ? rng.pick(multilateral) : (bodiesOf.get(ps[0] as string) ?? [rng.pick(homeUnits)])[0] as string;
          if (!participants.some((x) => x.orgId === org)) participants.push({ orgId: org, role: rng.pick(ROLES), plannedHeadcount: rng.int(1, 30) });
        }
        if (done) for (const p of participants) p.actualHeadcount = Math.max(0, p.plannedHeadcount + rng.int(-3, 3));
        const party = [...new Set([...participants.map((p) => p.orgId), lead])];
        // The label mix: ~76 % OFFICIAL (most released widely), the rest restricted, confidential, secret, compartmented.
        // A partner release names the host nation (ps[0]); several partners get a group release instead.
        const rel = ['XHN', ps[0] as string];
        const r = rng.next();
        let tlp: string | null = null;
        let spec: LabelSpecX;
        if (r < 0.4) spec = { level: 'HUB-OFFICIAL', releasableTo: WIDE };
        else if (r < 0.52) spec = { level: 'HUB-OFFICIAL', releasableTo: WIDER };
        else if (r < 0.7) spec = { level: 'HUB-OFFICIAL', releasableTo: rel };
        else if (r < 0.76) spec = { level: 'HUB-OFFICIAL', releasableTo: ['XHN'] };
        else if (r < 0.78) {
          spec = { level: 'HUB-OFFICIAL', releasableTo: rel, tlp: 'amber' };
          tlp = 'amber';
        } else if (r < 0.87) spec = { level: 'HUB-RESTRICTED', releasableTo: rng.chance(0.5) ? rel : ['XHN', 'NATO'] };
        else if (r < 0.93) spec = { level: 'HUB-CONFIDENTIAL', releasableTo: rng.chance(0.5) ? ['XHN'] : rel, restrictive: rng.chance(0.4) ? ['CT'] : [] };
        else if (r < 0.97) spec = { level: 'HUB-SECRET', releasableTo: ['XHN'], restrictive: rng.sample(COMPARTMENTS, rng.int(1, 2)), handling: rng.chance(0.5) ? ['no_export'] : rng.chance(0.4) ? ['orcon'] : [] };
        else spec = { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: ['CYBER'] };
        const located = rng.chance(0.7) && first && first.lat !== null && first.lon !== null;
        const cost = rng.int(5_000, 2_000_000);
        yield [
          rng.uuid(), `BN-${year}-${String(i).padStart(6, '0')}`, `${rng.pick(OPENERS)} ${topic} ${ENGAGEMENT_TYPE_INFO[type].label.toLowerCase()} — ${names} ${year}`, type, status,
          `${rng.pick(OPENERS)} ${rng.pick(MIDDLES)} ${topic} with ${names}, ${rng.pick(ENDS)}.`, json({ format: ps.length > 1 ? 'multilateral' : 'bilateral' }), ini.id, null, arr(ps),
          arr(rng.chance(0.3) ? [...new Set([ini.objective, rng.pick(objectiveIds)])] : [ini.objective]), arr([ini.activity]), lead, isoOf(start), isoOf(end),
          started ? isoOf(start + rng.int(0, 2)) : null, done ? isoOf(end + rng.int(-1, 2)) : null,
          json(located ? [{ name: `${first.name} training area`, iso3: first.iso3, lat: Math.round(((first.lat ?? 0) + rng.next() - 0.5) * 1000) / 1000, lon: Math.round(((first.lon ?? 0) + rng.next() - 0.5) * 1000) / 1000 }] : []),
          json(participants), `${cost}.00`, done ? `${Math.round(cost * (0.7 + rng.next() * 0.5))}.00` : null, 'EUR', rng.pick(funds),
          status === 'closed' ? `Objectives met; ${topic} capability observed in follow-up.` : null, label(spec), rng.chance(0.5) ? all : ini.community, arr(party), tlp, arr(tlp ? party : []), home,
        ];
      }
    }
    await copyRows(client, 'engagement', engCols, engagementRows(), tick);

    // 11. The labels the records use (content-addressed ids, as the app would save them).
    bar.update({ step: `labels (${newLabels.size})` });
    const labelCols = ['id', 'policy', 'level', 'restrictive', 'releasable_to', 'handling', 'tlp', 'canonical'];
    await copyRows(client, 'label', labelCols, [...newLabels].map(([id, l]) => [id, l.policy, l.level, arr(l.restrictive), arr(l.releasableTo), arr(l.handling), l.tlp ?? null, json(l)]));

    bar.update({ step: 'VACUUM ANALYZE' });
    await client.query('VACUUM (ANALYZE)');
    bar.stop();

    const counts: Record<string, number> = {};
    for (const t of ['country', 'organisation', 'app_user', 'label', 'partner', 'objective', 'initiative', 'agreement', 'engagement']) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
      counts[t] = Number(r.rows[0]?.n);
    }
    const p = await client.query<{ n: string }>('SELECT sum(jsonb_array_length(participants)) AS n FROM engagement');
    counts.participations = Number(p.rows[0]?.n);
    const version = (await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? '?';
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    writeFileSync(MARKER, JSON.stringify({ seed: SEED, counts, seconds, commit: commit(), at: new Date().toISOString(), postgres: version }, null, 2));
    console.log(`Generated in ${seconds} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  } finally {
    bar.stop();
    await client.end().catch(() => {});
    await owner.close();
    await server.stop();
  }
}

await main();
