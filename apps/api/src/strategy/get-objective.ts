/**
 * One objective's page: the objective, its visible ancestors and children, its lines of effort, the
 * initiatives and plans serving it, the engagements linked to it and its stored evaluations. One
 * scoped read decides existence, so a hidden objective is a 404 exactly like a missing one.
 */
import { notFound } from '@entente/core';
import type { ObjectivePage } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { mayUpdate } from '../access/require-update';
import { presentListItem } from '../evaluation/present-evaluation';

/** May the caller edit this objective: a home-nation planner or approver whose decide() permits the update. */
export function mayEditObjective(uc: UseCaseCtx, o: scoped.ObjectiveRow): boolean {
  if (uc.subject.partner || !uc.access.can(uc.subject, 'update', 'objective')) return false;
  return mayUpdate(uc, 'objective', o);
}

export async function getObjectivePage(uc: UseCaseCtx, id: string): Promise<ObjectivePage> {
  const o = await scoped.findObjective(uc.tx, uc.scope, id);
  if (!o) throw notFound('objective');
  const outline = await scoped.objectiveOutline(uc.tx, uc.scope);
  const byId = new Map(outline.map((x) => [x.id, x]));
  const breadcrumb: scoped.ObjectiveOutline[] = [];
  for (
    let p = o.parentId ? byId.get(o.parentId) : undefined;
    p && breadcrumb.length < outline.length;
    p = p.parentId ? byId.get(p.parentId) : undefined
  )
    breadcrumb.unshift(p);
  const children = outline.filter((x) => x.parentId === o.id);
  const counts = await scoped.engagementCountsOf(uc.tx, uc.scope, [o.id, ...children.map((c) => c.id)]);
  const loes = await scoped.linesOfEffortOf(uc.tx, uc.scope, o.id);
  const initiatives = await scoped.initiativesServing(
    uc.tx,
    uc.scope,
    o.id,
    loes.map((l) => l.id),
  );
  const plans = await scoped.plansLinking(uc.tx, uc.scope, o.id);
  const engagements = await scoped.objectiveEngagements(uc.tx, uc.scope, o.id, 10);
  engagements.byStatus.forEach((s) => s.labelIds.forEach((l) => uc.mark(l)));
  const evaluations = await scoped.evaluationsOf(uc.tx, uc.scope, 'objective', o.id);
  const ref = (x: { id: string; code: string; title: string }) => ({
    id: x.id,
    code: x.code,
    title: x.title,
  });
  const page: ObjectivePage = {
    objective: {
      id: o.id,
      code: o.code,
      title: o.title,
      description: o.description,
      level: o.level,
      parentId: o.parentId && byId.has(o.parentId) ? o.parentId : null,
      priority: o.priority,
      threatFocus: o.threatFocus,
      status: o.status,
      validFrom: o.validFrom,
      validTo: o.validTo,
      portion: uc.mark(o.labelId),
      version: o.version,
      engagementCount: counts.get(o.id) ?? 0,
      linesOfEffort: loes.map(ref),
    },
    breadcrumb: breadcrumb.map((b) => {
      uc.mark(b.labelId);
      return ref(b);
    }),
    children: children.map((c) => ({
      ...ref(c),
      status: c.status,
      priority: c.priority,
      validFrom: c.validFrom,
      validTo: c.validTo,
      engagementCount: counts.get(c.id) ?? 0,
      portion: uc.mark(c.labelId),
    })),
    linesOfEffort: loes.map((l) => ({
      ...ref(l),
      description: l.description,
      status: l.status,
      portion: uc.mark(l.labelId),
    })),
    initiatives: initiatives.map((i) => ({
      ...ref(i),
      status: i.status,
      from: i.from,
      to: i.to,
      partnerIso3s: i.partnerIso3s,
      via: [
        ...(i.viaLineOfEffort ? (['line_of_effort'] as const) : []),
        ...(i.viaLogicModel ? (['logic_model'] as const) : []),
      ],
      portion: uc.mark(i.labelId),
    })),
    plans: plans.map((p) => ({
      ...ref(p),
      status: p.status,
      from: p.from,
      to: p.to,
      partnerIso3s: p.partnerIso3s,
      goals: (p.goals as { code: string; title: string; objectiveIds: string[] }[])
        .filter((g) => g.objectiveIds.includes(o.id))
        .map((g) => ({ code: g.code, title: g.title })),
      portion: uc.mark(p.labelId),
    })),
    engagements: {
      total: engagements.byStatus.reduce((n, s) => n + s.count, 0),
      byStatus: engagements.byStatus.map((s) => ({ status: s.status, count: s.count })),
      recent: engagements.recent.map((e) => ({
        ...ref(e),
        type: e.type,
        status: e.status,
        plannedStart: e.plannedStart,
        plannedEnd: e.plannedEnd,
        portion: uc.mark(e.labelId),
      })),
    },
    evaluations: evaluations.map((r) =>
      presentListItem(uc, { ...r, subjectCode: o.code, subjectTitle: o.title }),
    ),
    mayEdit: mayEditObjective(uc, o),
  };
  const ids = [
    o.id,
    ...page.children.map((c) => c.id),
    ...loes.map((l) => l.id),
    ...initiatives.map((i) => i.id),
    ...plans.map((p) => p.id),
    ...engagements.recent.map((e) => e.id),
    ...evaluations.map((e) => e.id),
  ];
  uc.auditRead({ route: 'GET /strategy/objectives/:id', filters: { id: o.id }, count: ids.length, ids });
  return page;
}
