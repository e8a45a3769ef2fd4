/** Check a plan's content against the domain rules and the records the author can see. */
import { checkPlanContent, invalid, type FieldProblem, type PlanContent } from '@entente/core';
import type { PlanContentInput } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';

/** The content a version stores (and owners approve). */
export type StoredPlanContent = PlanContent & {
  title: string;
  kind: string;
  partnerIso3s: string[];
};

export const toContent = (i: PlanContentInput): StoredPlanContent => ({
  title: i.title,
  kind: i.kind,
  ownerOrgIds: i.ownerOrgIds,
  partnerIso3s: [...new Set(i.partnerIso3s)],
  from: i.from,
  to: i.to,
  reviewCycleMonths: i.reviewCycleMonths,
  partnerPriorities: i.partnerPriorities,
  goals: i.goals.map((g) => ({ ...g, code: g.code.trim() })),
  contributions: i.contributions.map((c) => ({
    orgId: c.orgId,
    ...(c.pledged ? { pledged: c.pledged } : {}),
    ...(c.personDays !== undefined ? { personDays: c.personDays } : {}),
  })),
});

/** Parties to a plan: its owners, contributors, the partners' defence ministries, and `extra`. */
export async function partyOrgIdsOf(
  uc: UseCaseCtx,
  c: StoredPlanContent,
  extra: string[],
): Promise<string[]> {
  const partnerMods: string[] = [];
  for (const iso3 of c.partnerIso3s) {
    const o = await reference.organisationByCode(uc.tx, `${iso3}-MOD`);
    if (o) partnerMods.push(o.id);
  }
  return [...new Set([...c.ownerOrgIds, ...c.contributions.map((x) => x.orgId), ...partnerMods, ...extra])];
}

/**
 * Throw 400 with field paths unless the content keeps the invariants, every goal links visible
 * objectives, every owner and contributor is a known organisation, and the author's own ministry
 * (their organisation or one of its echelons above) is an owner.
 */
export async function assertPlanContent(
  uc: UseCaseCtx,
  c: StoredPlanContent,
  authorChain: string[],
): Promise<void> {
  const objectiveIds = [...new Set(c.goals.flatMap((g) => g.objectiveIds))];
  const known = new Set((await scoped.objectivesByIds(uc.tx, uc.scope, objectiveIds)).map((o) => o.id));
  const problems: FieldProblem[] = checkPlanContent(c, known);
  const orgs = await reference.organisationsByIds(uc.tx, [
    ...c.ownerOrgIds,
    ...c.contributions.map((x) => x.orgId),
  ]);
  c.ownerOrgIds.forEach((o, i) => {
    if (!orgs.has(o)) problems.push({ path: `ownerOrgIds.${i}`, message: 'unknown organisation' });
  });
  c.contributions.forEach((x, i) => {
    if (!orgs.has(x.orgId))
      problems.push({ path: `contributions.${i}.orgId`, message: 'unknown organisation' });
  });
  if (c.ownerOrgIds.length && !c.ownerOrgIds.some((o) => authorChain.includes(o)))
    problems.push({
      path: 'ownerOrgIds',
      message: 'your ministry (your organisation or one above it) must be an owner',
    });
  if (problems.length) throw invalid(problems, 'The plan is not valid.');
}
