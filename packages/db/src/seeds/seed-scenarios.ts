/** Load the demo scenarios (DOMAIN.md §5) as rows, resolving human codes to ids. */
import { sql } from 'drizzle-orm';
import {
  agreement, community, cooperationPlan, engagement, initiative, lineOfEffort, objective, partner, partnerCapacity,
} from '../schema/index';
import type { Db } from '../runtime/pools';
import type { Tx } from '../runtime/scope';
import { appendAudit } from '../audit/append';
import { labelStore } from './labels';
import { seedDueItems } from './seed-due-items';
import { seedPeople } from './seed-people';
import { seedCapabilityAssessments, seedProposedInitiatives } from './seed-capability-assessments';
import { NATIONAL_OBJECTIVES, SCENARIOS } from './scenarios/index';
import type { LabelSpec, SeedScenario } from './types';

/** The deployment-wide community that holds reference-like records every user may need. */
export const ALL_COMMUNITY = 'all';
const HOME_ONLY: LabelSpec = { level: 'HUB-OFFICIAL', releasableTo: ['XHN'] };
const CEILING: LabelSpec = { level: 'HUB-SECRET', releasableTo: ['XHN'], restrictive: ['CT', 'CYBER', 'SOURCES'], handling: ['orcon', 'no_export'] };
/** The least restrictive label a community accepts: OFFICIAL, releasable to every group of the policy. */
const FLOOR: LabelSpec = { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'UN', 'NATO', 'EU', 'AU', 'ASEAN', 'ECOWAS', 'GCC', 'CMF'] };

type Ids = Map<string, string>;
const need = (m: Ids, code: string, what: string): string => {
  const v = m.get(code);
  if (!v) throw new Error(`seed: unknown ${what} '${code}'`);
  return v;
};

async function codeMap(tx: Tx, table: 'organisation' | 'funding_source' | 'community'): Promise<Ids> {
  const r = await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM ${sql.identifier(table)}`);
  return new Map(r.rows.map((x) => [x.code, x.id]));
}

/**
 * Insert the named scenarios (all by default) in one transaction; false when demo data exists already.
 * Their demo due items are dated from `today` (the seed day), so they show every state on first start.
 */
export async function seedScenarios(db: Db, codes?: string[], today = new Date().toISOString().slice(0, 10)): Promise<{ engagements: number; scenarios: string[] } | false> {
  const n = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM engagement`);
  if (Number(n.rows[0]?.n) > 0) return false;
  const chosen = SCENARIOS.filter((s) => !codes || codes.includes(s.code));
  let count = 0;
  await db.transaction(async (tx) => {
    const label = labelStore(tx);
    const homeOnly = await label(HOME_ONLY);
    const ceiling = await label(CEILING);
    const floor = await label(FLOOR);
    const communitySpecs = [{ code: ALL_COMMUNITY, name: 'Deployment-wide', defaultLabel: HOME_ONLY }, ...chosen.flatMap((s) => s.communities)];
    for (const c of communitySpecs) {
      const def = await label(c.defaultLabel);
      await tx.insert(community).values({ code: c.code, name: c.name, floorLabelId: floor, ceilingLabelId: ceiling, defaultLabelId: def }).onConflictDoNothing();
    }
    const orgs = await codeMap(tx, 'organisation');
    const funds = await codeMap(tx, 'funding_source');
    const comms = await codeMap(tx, 'community');
    const all = need(comms, ALL_COMMUNITY, 'community');
    const home = need(orgs, 'XHN-MOD', 'organisation');
    // The security-cooperation directorate originates the scenario engagements and agreements, as
    // users.ts documents: its releasing officers (approver, release.officer) may downgrade them
    // (ACCESS.md §3 step 7). Strategy records (objectives, plans, initiatives) stay with the ministry.
    const originator = need(orgs, 'XHN-SECCOOP', 'organisation');
    const mod = (iso3: string) => orgs.get(`${iso3}-MOD`);
    const partiesOf = (iso3s: string[], extra: string[] = []) => [...new Set([...iso3s.map(mod).filter((x): x is string => !!x), ...extra])];
    const objectives: Ids = new Map();
    const loes: Ids = new Map();
    const plans: Ids = new Map();
    const initiatives = new Map<string, { id: string; nodes: Ids }>();

    const insertObjectives = async (list: SeedScenario['objectives'], communityId: string) => {
      for (const o of list) {
        if (objectives.has(o.code)) continue;
        const r = await tx.insert(objective).values({
          code: o.code, title: o.title, description: o.description, level: o.level, parentId: o.parentCode ? need(objectives, o.parentCode, 'objective') : null,
          priority: o.priority, threatFocus: o.threatFocus, regionCodes: o.regionCodes, validFrom: o.validFrom, validTo: o.validTo ?? null, status: o.status,
          labelId: homeOnly, communityId, ownerOrgId: home,
        }).returning({ id: objective.id });
        objectives.set(o.code, (r[0] as { id: string }).id);
      }
    };
    await insertObjectives(NATIONAL_OBJECTIVES, all);

    const partnerIso3s = new Set<string>();
    for (const s of chosen) {
      await insertObjectives(s.objectives, all);
      for (const l of s.linesOfEffort) {
        const r = await tx.insert(lineOfEffort).values({ objectiveId: need(objectives, l.objectiveCode, 'objective'), code: l.code, title: l.title, description: l.description, labelId: homeOnly, communityId: all, ownerOrgId: home }).returning({ id: lineOfEffort.id });
        loes.set(l.code, (r[0] as { id: string }).id);
      }
      for (const p of s.plans) {
        const owners = p.ownerOrgCodes.map((c) => need(orgs, c, 'organisation'));
        const r = await tx.insert(cooperationPlan).values({
          code: p.code, title: p.title, kind: p.kind, ownerOrgIds: owners, partnerIso3s: p.partnerIso3s, from: p.from, to: p.to, partnerPriorities: p.partnerPriorities,
          goals: p.goals.map((g) => ({ code: g.code, title: g.title, targetDate: g.targetDate, objectiveIds: g.objectiveCodes.map((c) => need(objectives, c, 'objective')) })),
          status: p.status, labelId: await label(p.label), communityId: need(comms, s.communities[0]?.code ?? ALL_COMMUNITY, 'community'), ownerOrgId: home, partyOrgIds: partiesOf(p.partnerIso3s, owners),
        }).returning({ id: cooperationPlan.id });
        plans.set(p.code, (r[0] as { id: string }).id);
      }
      for (const i of s.initiatives) {
        const nodes: Ids = new Map(i.logicModel.map((nd) => [nd.key, `${i.code}:${nd.key}`]));
        const r = await tx.insert(initiative).values({
          code: i.code, title: i.title, planId: i.planCode ? need(plans, i.planCode, 'plan') : null, lineOfEffortIds: i.lineOfEffortCodes.map((c) => need(loes, c, 'line of effort')),
          partnerIso3s: i.partnerIso3s, leadOrgId: need(orgs, i.leadOrgCode, 'organisation'), significance: i.significance, budget: i.budget ?? null, problemStatement: i.problemStatement, theoryOfChange: i.theoryOfChange,
          logicModel: i.logicModel.map((nd) => ({ id: nodes.get(nd.key), kind: nd.kind, statement: nd.statement, parentIds: nd.parentKeys.map((k) => nodes.get(k)), objectiveIds: nd.objectiveCodes.map((c) => need(objectives, c, 'objective')) })),
          from: i.from, to: i.to, status: i.status, labelId: await label(i.label), communityId: need(comms, s.communities[0]?.code ?? ALL_COMMUNITY, 'community'), ownerOrgId: home, partyOrgIds: partiesOf(i.partnerIso3s),
        }).returning({ id: initiative.id });
        initiatives.set(i.code, { id: (r[0] as { id: string }).id, nodes });
      }
      for (const a of s.agreements) {
        const parties = a.partyOrgCodes.map((c) => orgs.get(c)).filter((x): x is string => !!x);
        await tx.insert(agreement).values({
          code: a.code, kind: a.kind, title: a.title, partnerIso3s: a.partnerIso3s, signedOn: a.signedOn ?? null, inForceFrom: a.inForceFrom ?? null, expiresOn: a.expiresOn ?? null,
          autoRenew: a.autoRenew, coversTypes: a.coversTypes, status: a.status, documentRef: a.documentRef, labelId: await label(a.label),
          communityId: need(comms, s.communities[0]?.code ?? ALL_COMMUNITY, 'community'), ownerOrgId: originator, partyOrgIds: partiesOf(a.partnerIso3s, parties),
        });
      }
      const rows = [];
      for (const e of s.engagements) {
        e.partnerIso3s.forEach((p) => partnerIso3s.add(p));
        const ini = initiatives.get(e.initiativeCode);
        if (!ini) throw new Error(`seed: unknown initiative '${e.initiativeCode}'`);
        const participants = e.participants.map((p) => ({ orgId: need(orgs, p.orgCode, 'organisation'), role: p.role, plannedHeadcount: p.plannedHeadcount, ...(p.actualHeadcount !== undefined ? { actualHeadcount: p.actualHeadcount } : {}) }));
        rows.push({
          code: e.code, title: e.title, type: e.type, status: e.status, summary: e.summary ?? null, payload: e.payload, initiativeId: ini.id, planId: e.planCode ? need(plans, e.planCode, 'plan') : null,
          partnerIso3s: e.partnerIso3s, objectiveIds: e.objectiveCodes.map((c) => need(objectives, c, 'objective')), logicNodeIds: (e.logicNodeKeys ?? []).map((k) => ini.nodes.get(k) ?? k),
          leadOrgId: need(orgs, e.leadOrgCode, 'organisation'), plannedStart: e.plannedStart, plannedEnd: e.plannedEnd, actualStart: e.actualStart ?? null, actualEnd: e.actualEnd ?? null,
          locations: e.locations, participants, plannedCost: e.plannedCost.amount, currency: e.plannedCost.currency, fundingSourceId: need(funds, e.fundingSourceCode, 'funding source'),
          outcomeSummary: e.outcomeSummary ?? null, labelId: await label(e.label), communityId: need(comms, e.communityCode, 'community'), ownerOrgId: originator,
          partyOrgIds: [...new Set([...participants.map((p) => p.orgId), need(orgs, e.leadOrgCode, 'organisation')])],
        });
      }
      for (let k = 0; k < rows.length; k += 200) await tx.insert(engagement).values(rows.slice(k, k + 200));
      count += rows.length;
      await appendAudit(tx, { actorKind: 'system', action: 'seed.loaded', entity: 'scenario', entityId: s.code, labelId: homeOnly, decision: 'permit', details: { engagements: rows.length } });
    }
    for (const iso3 of partnerIso3s) {
      await tx.insert(partner).values({ iso3, relationshipTier: 'priority', status: 'active', labelId: homeOnly, communityId: all, ownerOrgId: home }).onConflictDoNothing();
      await tx.insert(partnerCapacity).values({ partnerIso3: iso3, from: '2008-01-01', to: '2030-12-31', maxConcurrentEngagements: 6, maxTraineesPerMonth: 120, labelId: homeOnly, communityId: all, ownerOrgId: home });
    }
    await seedCapabilityAssessments(tx, chosen.map((s) => s.code), today, label);
    await seedProposedInitiatives(tx, chosen.map((s) => s.code), today, label);
    await seedDueItems(tx, chosen.map((s) => s.code), today);
    await seedPeople(tx, [...partnerIso3s], label);
  });
  return { engagements: count, scenarios: chosen.map((s) => s.code) };
}
