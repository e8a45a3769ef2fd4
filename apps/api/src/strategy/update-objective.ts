/**
 * Edit an objective's title, description, priority, threat focus, validity and parent at the version
 * the user saw (409 when someone changed it first). The tree stays acyclic and every validity nests
 * inside its parent's, for the objective and for its children (422 naming the field). decide() judges
 * the write on the objective's label; one transaction with its audit event.
 */
import {
  DomainError,
  checkObjectivePlacement,
  forbidden,
  invalid,
  notFound,
  type FieldProblem,
} from '@entente/core';
import type { ObjectivePage, ObjectiveUpdate } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireUpdate } from '../access/require-update';
import { getObjectivePage } from './get-objective';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this objective. Reload to see their changes.');

export async function updateObjective(
  uc: UseCaseCtx,
  id: string,
  u: ObjectiveUpdate,
): Promise<ObjectivePage> {
  const before = await scoped.findObjective(uc.tx, uc.scope, id, true);
  if (!before) throw notFound('objective');
  if (uc.subject.partner || !uc.access.can(uc.subject, 'update', 'objective'))
    throw forbidden('Your role cannot change objectives.');
  await requireUpdate(
    uc,
    'objective',
    before,
    { action: 'objective.update', entity: 'objective', entityId: id },
    'You cannot change this objective.',
  );
  if (before.version !== u.expectedVersion) throw stale();
  if (before.status === 'retired')
    throw new DomainError('invalid_transition', 'A retired objective cannot be edited.');
  const e = u.objective;
  const patch: scoped.ObjectivePatch = {
    title: e.title,
    description: e.description,
    priority: e.priority,
    threatFocus: e.threatFocus,
    parentId: e.parentId ?? null,
    validFrom: e.validFrom,
    validTo: e.validTo ?? null,
  };
  const outline = await scoped.objectiveOutline(uc.tx, uc.scope);
  // A parent the user cannot see was not shown to them (the page shows a top-level objective): an edit
  // that leaves the parent empty keeps it, never unlinks silently. Its period cannot be checked here.
  const hiddenParent =
    before.parentId && !outline.some((x) => x.id === before.parentId) ? before.parentId : null;
  if (hiddenParent && !patch.parentId) patch.parentId = hiddenParent;
  const placed = { ...before, ...patch, parentId: patch.parentId === hiddenParent ? null : patch.parentId };
  const problems = placementProblems(placed, outline);
  // The end-before-start problem is bad input (400), as on create; the tree rules are 422.
  const own = problems.filter((p) => p.message === 'ends before it starts');
  if (own.length) throw invalid(own);
  if (problems.length)
    throw new DomainError('guard_failed', 'The objective does not fit the objective tree.', problems);
  const after = await scoped.updateObjective(uc.tx, uc.scope, id, u.expectedVersion, patch, uc.subject.id);
  if (!after) throw stale();
  const pick = (o: scoped.ObjectiveRow) => ({
    title: o.title,
    description: o.description,
    priority: o.priority,
    threatFocus: o.threatFocus,
    parentId: o.parentId,
    validFrom: o.validFrom,
    validTo: o.validTo,
  });
  await uc.audit({
    action: 'objective.updated',
    entity: 'objective',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: pick(before),
    after: pick(after),
  });
  return getObjectivePage(uc, id);
}

type Node = scoped.ObjectiveOutline;

/**
 * The objective under its (new) parent, and each visible child under the edited objective. A new
 * parent whose chain runs through an objective the user cannot see cannot be proven acyclic: refused.
 */
function placementProblems(o: Node, outline: Node[]): FieldProblem[] {
  const all = [...outline.filter((x) => x.id !== o.id), o];
  // (`o.parentId` is null when its stored parent is hidden: only its own period and its children are checked.)
  const byId = new Map(all.map((x) => [x.id, x]));
  const problems = checkObjectivePlacement(o, all);
  if (o.parentId && !problems.some((p) => p.path === 'parentId')) {
    for (let cur = byId.get(o.parentId), hops = 0; cur?.parentId; cur = byId.get(cur.parentId), hops++) {
      if (!byId.has(cur.parentId) || hops > all.length) {
        problems.push({
          path: 'parentId',
          message: 'the chosen parent sits under an objective you cannot see; choose another parent',
        });
        break;
      }
    }
  }
  for (const child of all.filter((x) => x.parentId === o.id)) {
    for (const p of checkObjectivePlacement(child, all)) {
      if (p.path === 'validFrom')
        problems.push({
          path: 'validFrom',
          message: `child ${child.code} starts ${child.validFrom}, before this objective`,
        });
      if (p.path === 'validTo' && p.message !== 'ends before it starts')
        problems.push({
          path: 'validTo',
          message: `child ${child.code} runs ${child.validTo ? `to ${child.validTo}` : 'without an end'}, beyond this objective`,
        });
    }
  }
  return problems;
}
