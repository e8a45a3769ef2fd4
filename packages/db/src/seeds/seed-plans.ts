/**
 * Demo plan versions and owners' approvals (DOMAIN.md §2.1, §4.2). Approvals name the demo users
 * who gave them, so this runs after the users are seeded. Every seeded plan gets its version 1
 * (the content the owners approve, with the demo contributions); two co-owned plans of the
 * `ct-west-africa` scenario show approvals in different states:
 * - WA-PLAN-SEN-2024 (active): approved by both owners, the ministry and Senegal's MoD;
 * - WA-PLAN-COASTAL-2027 (in consultation): approved by the ministry, waiting for France's MoD,
 *   whose demo approver `fra.approver` can approve it;
 * - WA-PLAN-COASTAL-2022 (under review): version 1 approved by both; the planner can reactivate it.
 * Idempotent: plans that have versions, and approvals already recorded, are skipped.
 */
import { sql } from 'drizzle-orm';
import { planApproval, planVersion } from '../schema/index';
import type { Db } from '../runtime/pools';

interface DemoApproval {
  planCode: string;
  ownerOrgCode: string;
  username: string;
  at: string;
}

export const DEMO_PLAN_APPROVALS: readonly DemoApproval[] = [
  { planCode: 'WA-PLAN-SEN-2024', ownerOrgCode: 'XHN-MOD', username: 'approver', at: '2023-11-20T10:00:00Z' },
  {
    planCode: 'WA-PLAN-SEN-2024',
    ownerOrgCode: 'SEN-MOD',
    username: 'sen.approver',
    at: '2023-12-05T09:30:00Z',
  },
  {
    planCode: 'WA-PLAN-COASTAL-2022',
    ownerOrgCode: 'XHN-MOD',
    username: 'approver',
    at: '2021-11-15T14:00:00Z',
  },
  {
    planCode: 'WA-PLAN-COASTAL-2022',
    ownerOrgCode: 'FRA-MOD',
    username: 'fra.approver',
    at: '2021-12-01T08:45:00Z',
  },
  {
    planCode: 'WA-PLAN-COASTAL-2027',
    ownerOrgCode: 'XHN-MOD',
    username: 'approver',
    at: '2026-10-15T11:00:00Z',
  },
];

/** Demo contributions (fictional figures) per plan code: pledges and person-days. */
export const DEMO_PLAN_CONTRIBUTIONS: Readonly<
  Record<string, { orgCode: string; pledged?: { amount: string; currency: string }; personDays?: number }[]>
> = {
  'WA-PLAN-SEN-2024': [
    { orgCode: 'XHN-MOD', pledged: { amount: '6000000.00', currency: 'EUR' }, personDays: 1400 },
    { orgCode: 'SEN-MOD', personDays: 2600 },
  ],
  'WA-PLAN-COASTAL-2022': [
    { orgCode: 'XHN-MOD', pledged: { amount: '8500000.00', currency: 'EUR' }, personDays: 1200 },
    { orgCode: 'FRA-MOD', pledged: { amount: '11000000.00', currency: 'EUR' }, personDays: 1800 },
  ],
  'WA-PLAN-COASTAL-2027': [
    { orgCode: 'XHN-MOD', pledged: { amount: '9000000.00', currency: 'EUR' }, personDays: 1500 },
    { orgCode: 'FRA-MOD', pledged: { amount: '10000000.00', currency: 'EUR' } },
  ],
  'AF-PLAN-2015': [
    { orgCode: 'XHN-MOD', pledged: { amount: '42000000.00', currency: 'EUR' }, personDays: 54000 },
  ],
};

type PlanRow = {
  id: string;
  code: string;
  title: string;
  kind: string;
  owner_org_ids: string[];
  partner_iso3s: string[];
  valid_from: string;
  valid_to: string;
  review_cycle_months: number;
  partner_priorities: string[];
  goals: unknown;
  plan_version: number;
  label_id: string;
  community_id: string;
  party_org_ids: string[];
  tlp_recipients: unknown;
  owner_org_id: string;
};

/** Seed versions and approvals; returns how many approvals were written. */
export async function seedPlanApprovals(db: Db): Promise<number> {
  const orgs = new Map(
    (await db.execute<{ id: string; code: string }>(sql`SELECT id, code FROM organisation`)).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  const users = new Map(
    (await db.execute<{ id: string; username: string }>(sql`SELECT id, username FROM app_user`)).rows.map(
      (r) => [r.username, r.id],
    ),
  );
  const plans = (
    await db.execute<PlanRow>(sql`SELECT p.* FROM cooperation_plan p
      WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = p.id)`)
  ).rows;
  const inherit = (p: PlanRow) => ({
    labelId: p.label_id,
    communityId: p.community_id,
    partyOrgIds: p.party_org_ids,
    tlpRecipients: p.tlp_recipients,
    ownerOrgId: p.owner_org_id,
  });
  for (const p of plans) {
    const contributions = (DEMO_PLAN_CONTRIBUTIONS[p.code] ?? []).flatMap(({ orgCode, ...c }) => {
      const orgId = orgs.get(orgCode);
      return orgId ? [{ orgId, ...c }] : [];
    });
    const content = {
      title: p.title,
      kind: p.kind,
      ownerOrgIds: p.owner_org_ids,
      partnerIso3s: p.partner_iso3s,
      from: p.valid_from,
      to: p.valid_to,
      reviewCycleMonths: p.review_cycle_months,
      partnerPriorities: p.partner_priorities,
      goals: p.goals,
      contributions,
    };
    // Saved before its first demo approval, else on the plan's first day (the seed day is no real date).
    const first = DEMO_PLAN_APPROVALS.filter((a) => a.planCode === p.code)
      .map((a) => a.at)
      .sort()[0];
    const savedAt = first
      ? new Date(Date.parse(first) - 7 * 86_400_000).toISOString()
      : `${p.valid_from}T00:00:00.000Z`;
    await db
      .insert(planVersion)
      .values({
        planId: p.id,
        planVersion: p.plan_version,
        content,
        ...inherit(p),
        createdAt: savedAt,
        updatedAt: savedAt,
      });
  }
  const byCode = new Map(
    (
      await db.execute<PlanRow>(sql`SELECT p.* FROM cooperation_plan p
        WHERE NOT EXISTS (SELECT 1 FROM plan_approval a WHERE a.plan_id = p.id)`)
    ).rows.map((p) => [p.code, p]),
  );
  let n = 0;
  for (const a of DEMO_PLAN_APPROVALS) {
    const p = byCode.get(a.planCode);
    const orgId = orgs.get(a.ownerOrgCode);
    const userId = users.get(a.username);
    if (!p || !orgId || !userId || !p.owner_org_ids.includes(orgId)) continue;
    await db.insert(planApproval).values({
      planId: p.id,
      planVersion: p.plan_version,
      orgId,
      userId,
      approvedAt: a.at,
      createdBy: userId,
      updatedBy: userId,
      ...inherit(p),
    });
    n++;
  }
  return n;
}
