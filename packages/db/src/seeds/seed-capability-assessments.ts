/** Insert the demo capability assessments and proposed initiatives of the chosen scenarios, dated from the seed day. */
import { monthsBefore } from '@entente/core';
import { sql } from 'drizzle-orm';
import { capabilityAssessment, initiative } from '../schema/index';
import type { Tx } from '../runtime/scope';
import { CAPABILITY_ASSESSMENTS } from './scenarios/capability-assessments';
import { PROPOSED_INITIATIVES } from './scenarios/proposed-initiatives';
import { SCENARIOS } from './scenarios/index';
import type { LabelSpec } from './types';

async function codeMap(tx: Tx, table: 'organisation' | 'community'): Promise<Map<string, string>> {
  const r = await tx.execute<{ id: string; code: string }>(
    sql`SELECT id, code FROM ${sql.identifier(table)}`,
  );
  return new Map(r.rows.map((x) => [x.code, x.id]));
}

/** Assessments are owned by the security-cooperation directorate and party to the partner's ministry and the assessed unit. */
export async function seedCapabilityAssessments(
  tx: Tx,
  scenarioCodes: string[],
  today: string,
  label: (s: LabelSpec) => Promise<string>,
): Promise<number> {
  const orgs = await codeMap(tx, 'organisation');
  const comms = await codeMap(tx, 'community');
  const owner = orgs.get('XHN-SECCOOP');
  if (!owner) throw new Error("seed: unknown organisation 'XHN-SECCOOP'");
  let n = 0;
  for (const a of CAPABILITY_ASSESSMENTS.filter((x) => scenarioCodes.includes(x.scenario))) {
    const subject = orgs.get(a.subjectOrgCode);
    if (!subject) throw new Error(`seed: unknown organisation '${a.subjectOrgCode}'`);
    const community = comms.get(SCENARIOS.find((s) => s.code === a.scenario)?.communities[0]?.code ?? 'all');
    if (!community) throw new Error(`seed: no community for scenario '${a.scenario}'`);
    const ministry = orgs.get(`${a.partnerIso3}-MOD`);
    await tx.insert(capabilityAssessment).values({
      partnerIso3: a.partnerIso3,
      subjectOrgId: subject,
      capabilityArea: a.capabilityArea,
      method: a.method,
      conductedOn: monthsBefore(today, a.monthsAgo),
      findings: a.findings,
      gaps: a.gaps,
      ratings: a.ratings,
      absorptiveCapacity: a.absorptiveCapacity,
      risks: a.risks,
      evidence: a.evidence,
      status: a.status,
      labelId: await label(a.label),
      communityId: community,
      partyOrgIds: [...new Set([owner, subject, ...(ministry ? [ministry] : [])])],
      ownerOrgId: owner,
    });
    n++;
  }
  return n;
}

/** Insert the proposed demo initiatives of the chosen scenarios (their gate fields set), dated from the seed day. */
export async function seedProposedInitiatives(
  tx: Tx,
  scenarioCodes: string[],
  today: string,
  label: (s: LabelSpec) => Promise<string>,
): Promise<number> {
  const orgs = await codeMap(tx, 'organisation');
  const comms = await codeMap(tx, 'community');
  const ids = async (table: 'objective' | 'line_of_effort') =>
    new Map(
      (
        await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM ${sql.identifier(table)}`)
      ).rows.map((x) => [x.code, x.id]),
    );
  const [objectives, loes] = [await ids('objective'), await ids('line_of_effort')];
  const need = (m: Map<string, string>, code: string) => {
    const v = m.get(code);
    if (!v) throw new Error(`seed: unknown '${code}'`);
    return v;
  };
  const home = need(orgs, 'XHN-MOD');
  const year = Number(today.slice(0, 4));
  let count = 0;
  for (const p of PROPOSED_INITIATIVES.filter((x) => scenarioCodes.includes(x.scenario))) {
    const key = (k: string) => `${p.code}:${k}`;
    const from = `${year + p.startsIn}-01-01`;
    const ministry = orgs.get(`${p.partnerIso3}-MOD`);
    await tx.insert(initiative).values({
      code: p.code,
      title: p.title,
      planId: null,
      lineOfEffortIds: [need(loes, p.lineOfEffortCode)],
      partnerIso3s: [p.partnerIso3],
      leadOrgId: need(orgs, 'XHN-SECCOOP'),
      significance: p.significance,
      problemStatement: p.problemStatement,
      theoryOfChange: p.theoryOfChange,
      from,
      to: `${year + p.startsIn + p.years - 1}-12-31`,
      status: 'proposed',
      capabilityAreas: p.capabilityAreas,
      covers: p.covers,
      supportsPartnerForces: p.supportsPartnerForces,
      absorptiveCapacity: p.absorptiveCapacity,
      riskAssessment: p.riskAssessment ? { ...p.riskAssessment, decidedOn: monthsBefore(today, 1) } : null,
      sustainmentPlan: p.sustainmentOwnerOrgCode
        ? {
            ownerOrgId: need(orgs, p.sustainmentOwnerOrgCode),
            annualCost: { amount: '150000.00', currency: 'EUR' },
            handoverDate: `${year + p.startsIn + p.years}-01-01`,
          }
        : null,
      evaluationPlan: p.evaluationKind
        ? { kind: p.evaluationKind, dueBy: `${year + p.startsIn + p.years}-06-30` }
        : null,
      logicModel: p.logicModel.map((nd) => ({
        id: key(nd.key),
        kind: nd.kind,
        statement: nd.statement,
        parentIds: nd.parentKeys.map(key),
        objectiveIds: nd.objectiveCodes.map((c) => need(objectives, c)),
        indicators: (nd.indicators ?? []).map((i) => ({
          title: i.title,
          ...(i.unit ? { unit: i.unit } : {}),
          baseline: i.baseline ? { date: monthsBefore(today, 6), ...i.baseline } : null,
        })),
      })),
      labelId: await label(p.label),
      communityId: need(comms, p.communityCode),
      ownerOrgId: home,
      partyOrgIds: ministry ? [ministry] : [],
    });
    count++;
  }
  return count;
}
