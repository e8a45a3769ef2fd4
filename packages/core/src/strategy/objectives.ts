/** Strategic objective rules (DOMAIN.md §2.1): a tree, validity inside the parent, draft → active → retired. */
import type { FieldProblem } from '../shared/errors';

export const OBJECTIVE_STATUSES = ['draft', 'active', 'retired'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const OBJECTIVE_TRANSITIONS: Readonly<Record<ObjectiveStatus, readonly ObjectiveStatus[]>> = {
  draft: ['active'],
  active: ['retired'],
  retired: [],
};

export interface ObjectiveNode {
  id: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Problems placing `o` under its parent in the tree `all` (acyclic; validity inside the parent's). */
export function checkObjectivePlacement(o: ObjectiveNode, all: ObjectiveNode[]): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (o.validTo && o.validTo < o.validFrom) p.push({ path: 'validTo', message: 'ends before it starts' });
  if (!o.parentId) return p;
  const byId = new Map(all.map((x) => [x.id, x]));
  const parent = byId.get(o.parentId);
  if (!parent) return [...p, { path: 'parentId', message: 'unknown parent objective' }];
  for (let cur: ObjectiveNode | undefined = parent, hops = 0; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined, hops++) {
    if (cur.id === o.id || hops > all.length) return [...p, { path: 'parentId', message: 'would make the objective tree cyclic' }];
  }
  if (o.validFrom < parent.validFrom) p.push({ path: 'validFrom', message: `starts before its parent (${parent.validFrom})` });
  if (parent.validTo && (!o.validTo || o.validTo > parent.validTo)) p.push({ path: 'validTo', message: `must end by its parent's end (${parent.validTo})` });
  return p;
}
