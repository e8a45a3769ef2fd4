/** Strategy reads: the objective tree with lines of effort, plans, initiatives, one initiative's logic model. */
import { notFound } from '@entente/core';
import type { Initiative, LogicNode, ObjectiveItem } from '@entente/contracts';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentInitiative, presentPlan } from './present';

/** Objectives (a tree by parentId), each with its lines of effort and visible engagement count. */
export async function listObjectives(uc: UseCaseCtx): Promise<ObjectiveItem[]> {
  const [objs, loes] = [await scoped.listObjectives(uc.tx, uc.scope), await scoped.listLinesOfEffort(uc.tx, uc.scope)];
  const visibleIds = new Set(objs.map((o) => o.id));
  const items = objs.map((o) => ({
    id: o.id, code: o.code, title: o.title, description: o.description, level: o.level, parentId: o.parentId && visibleIds.has(o.parentId) ? o.parentId : null,
    priority: o.priority, threatFocus: o.threatFocus, status: o.status, validFrom: o.validFrom, validTo: o.validTo, portion: uc.mark(o.labelId), version: o.version,
    engagementCount: o.engagementCount, linesOfEffort: loes.filter((l) => l.objectiveId === o.id).map((l) => ({ id: l.id, code: l.code, title: l.title })),
  }));
  uc.auditRead({ route: 'GET /strategy/objectives', filters: {}, count: items.length, ids: objs.map((o) => o.id) });
  return items;
}

/** Cooperation plans with owner codes. `audit: false` when the caller audits the whole response itself. */
export async function listPlans(uc: UseCaseCtx, partnerIso3?: string, opts: { audit?: boolean } = {}) {
  const plans = await scoped.listPlans(uc.tx, uc.scope, partnerIso3);
  const orgs = await reference.organisationsByIds(uc.tx, plans.flatMap((p) => p.ownerOrgIds));
  const codes = new Map([...orgs].map(([id, o]) => [id, o.code]));
  const items = plans.map((p) => presentPlan(uc, p, codes));
  if (opts.audit !== false) uc.auditRead({ route: 'GET /strategy/plans', filters: { partner: partnerIso3 }, count: items.length, ids: plans.map((p) => p.id) });
  return items;
}

export async function listInitiatives(uc: UseCaseCtx, partnerIso3?: string, opts: { audit?: boolean } = {}) {
  const rows = await scoped.listInitiatives(uc.tx, uc.scope, partnerIso3);
  const items = rows.map((i) => presentInitiative(uc, i));
  if (opts.audit !== false) uc.auditRead({ route: 'GET /strategy/initiatives', filters: { partner: partnerIso3 }, count: items.length, ids: rows.map((i) => i.id) });
  return items;
}

/** One initiative with its logic model; objective links to hidden objectives are dropped. */
export async function getInitiative(uc: UseCaseCtx, id: string): Promise<Initiative> {
  const i = await scoped.findInitiative(uc.tx, uc.scope, id);
  if (!i) throw notFound('initiative');
  const nodes = i.logicModel as LogicNode[];
  const objs = new Set((await scoped.objectivesByIds(uc.tx, uc.scope, nodes.flatMap((n) => n.objectiveIds))).map((o) => o.id));
  return {
    ...presentInitiative(uc, i),
    problemStatement: i.problemStatement,
    theoryOfChange: i.theoryOfChange,
    logicModel: nodes.map((n) => ({ ...n, objectiveIds: n.objectiveIds.filter((o) => objs.has(o)) })),
    engagementCount: i.engagementCount,
  };
}
