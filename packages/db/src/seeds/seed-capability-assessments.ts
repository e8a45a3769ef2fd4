/** Insert the demo capability assessments of the chosen scenarios, dated from the seed day. */
import { monthsBefore } from '@entente/core';
import { sql } from 'drizzle-orm';
import { capabilityAssessment } from '../schema/index';
import type { Tx } from '../runtime/scope';
import { CAPABILITY_ASSESSMENTS } from './scenarios/capability-assessments';
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
