/**
 * Initiative logic models (DOMAIN.md §2.1 `LogicModelNode`): nodes input → activity → output →
 * outcome → impact, linked upward. The nodes form a DAG whose edges point one level up only; every
 * outcome and impact node links to at least one objective. Results are modelled minimally inside
 * the node as indicators with an optional baseline (the Result/Indicator entities of §2.4 do not
 * exist yet). Pure.
 */
import type { FieldProblem } from '../shared/errors';

export const LOGIC_NODE_KINDS = ['input', 'activity', 'output', 'outcome', 'impact'] as const;
export type LogicNodeKind = (typeof LOGIC_NODE_KINDS)[number];

/** The kinds that carry results (and so indicators): output, outcome and impact (§2.4 `Result.type`). */
export const RESULT_KINDS: readonly LogicNodeKind[] = ['output', 'outcome', 'impact'];

export interface IndicatorBaseline {
  date: string;
  value: string;
  source: string;
}

export interface NodeIndicator {
  code?: string | undefined;
  title: string;
  unit?: string | undefined;
  baseline?: IndicatorBaseline | null | undefined;
}

export interface LogicModelNode {
  id: string;
  kind: LogicNodeKind;
  statement: string;
  parentIds: string[];
  objectiveIds: string[];
  indicators?: NodeIndicator[] | undefined;
}

const level = (k: LogicNodeKind) => LOGIC_NODE_KINDS.indexOf(k);

/**
 * Problems with a logic model, each with a field path under `logicModel`. `objectiveIds`, when
 * given, are the objectives the caller may link to (unknown or hidden ones are refused alike).
 */
export function checkLogicModel(
  nodes: readonly LogicModelNode[],
  objectiveIds?: ReadonlySet<string>,
): FieldProblem[] {
  const p: FieldProblem[] = [];
  const byId = new Map<string, LogicModelNode>();
  nodes.forEach((n, i) => {
    const at = `logicModel.${i}`;
    if (!n.id.trim()) p.push({ path: `${at}.id`, message: 'required' });
    else if (byId.has(n.id)) p.push({ path: `${at}.id`, message: `duplicate node id ${n.id}` });
    else byId.set(n.id, n);
    if (!n.statement.trim()) p.push({ path: `${at}.statement`, message: 'state what this node is' });
  });
  nodes.forEach((n, i) => {
    const at = `logicModel.${i}`;
    if (n.kind === 'impact' && n.parentIds.length > 0)
      p.push({
        path: `${at}.parentIds`,
        message: 'an impact is the top of the model and links to nothing above it',
      });
    for (const pid of new Set(n.parentIds)) {
      const parent = byId.get(pid);
      if (pid === n.id) p.push({ path: `${at}.parentIds`, message: 'a node cannot link to itself' });
      else if (!parent) p.push({ path: `${at}.parentIds`, message: `unknown node ${pid}` });
      else if (n.kind !== 'impact' && level(parent.kind) !== level(n.kind) + 1)
        p.push({
          path: `${at}.parentIds`,
          message: `${n.kind} links upward to ${LOGIC_NODE_KINDS[level(n.kind) + 1]} nodes only, not to ${parent.kind} '${parent.statement}'`,
        });
    }
    if ((n.kind === 'outcome' || n.kind === 'impact') && n.objectiveIds.length === 0)
      p.push({ path: `${at}.objectiveIds`, message: `every ${n.kind} links to at least one objective` });
    if (objectiveIds)
      for (const o of n.objectiveIds)
        if (!objectiveIds.has(o)) p.push({ path: `${at}.objectiveIds`, message: `unknown objective ${o}` });
    if ((n.indicators?.length ?? 0) > 0 && !RESULT_KINDS.includes(n.kind))
      p.push({
        path: `${at}.indicators`,
        message: 'only output, outcome and impact results have indicators',
      });
  });
  const cycle = findCycle(nodes);
  if (cycle !== null)
    p.push({ path: `logicModel.${cycle}`, message: 'the links form a cycle; they must point upward only' });
  return p;
}

/** The index of a node whose upward links run into a cycle, or null when the links form a DAG. */
export function findCycle(nodes: readonly LogicModelNode[]): number | null {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 'open') return true;
    if (s === 'done') return false;
    state.set(id, 'open');
    const n = nodes[index.get(id) ?? -1];
    for (const pid of n?.parentIds ?? []) if (index.has(pid) && visit(pid)) return true;
    state.set(id, 'done');
    return false;
  };
  for (const n of nodes) if (visit(n.id)) return index.get(n.id) ?? 0;
  return null;
}
