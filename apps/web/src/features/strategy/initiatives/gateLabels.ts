/**
 * Human names for the field paths of the initiative's approval gates and field errors (e.g.
 * `logicModel.2.indicators` → "Logic model · outcome 'Board operations sustained' · indicators"),
 * and the element of the edit form that holds each field, so the checklist can take the user there.
 * The server keeps sending paths (the API and its tests pin them); the names are made here.
 */
import { humanise } from '../../../lib/engagementTypes';
import { fieldOf } from '../../engagements/ErrorSummary';
import { INITIATIVE_FIELDS, nodeFieldId } from './initiativeModel';

/** What the labels read from the initiative: its logic model and its capability areas. */
export type LabelSource = {
  logicModel: readonly { kind: string; statement: string }[];
  capabilityAreas: readonly string[];
};

const LEAVES: Readonly<Record<string, string>> = {
  indicators: 'indicators',
  statement: 'statement',
  parentIds: 'leads to',
  objectiveIds: 'objectives',
  decision: 'decision',
  maxTraineesPerMonth: 'most trainees a month',
  ownerOrgId: 'owner',
  handoverDate: 'handover date',
  annualCost: 'annual cost',
  dueBy: 'due by',
  kind: 'kind',
};

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** The human label of `path` and the id of the form element to focus for it ('' when none). */
export function gateFieldOf(path: string, i: LabelSource): { label: string; id: string } {
  const [head, second, leaf] = path.split('.');
  if (head === 'logicModel' && second !== undefined && /^\d+$/.test(second)) {
    const k = Number(second);
    const node = i.logicModel[k];
    const what = node
      ? `${node.kind}${node.statement.trim() ? ` '${clip(node.statement.trim())}'` : ` ${k + 1}`}`
      : `node ${k + 1}`;
    const tail = leaf ? ` · ${LEAVES[leaf] ?? humanise(leaf).toLowerCase()}` : '';
    return {
      label: `Logic model · ${what}${tail}`,
      id: leaf ? nodeFieldId(k, leaf) : nodeFieldId(k, 'statement'),
    };
  }
  if (head === 'capabilityAreas' && second !== undefined && /^\d+$/.test(second)) {
    const area = i.capabilityAreas[Number(second)];
    return {
      label: `Capability areas · ${area ? humanise(area).toLowerCase() : `area ${Number(second) + 1}`}`,
      id: 'ini-areas',
    };
  }
  const base = fieldOf(path, INITIATIVE_FIELDS);
  const exact = INITIATIVE_FIELDS[path];
  if (exact || !second) return base;
  const last = path.split('.').at(-1) ?? '';
  const tail =
    LEAVES[last] ?? (/^\d+$/.test(last) ? `item ${Number(last) + 1}` : humanise(last).toLowerCase());
  // `absorptiveCapacity.statement` is the capacity itself: no " · statement".
  return path === 'absorptiveCapacity.statement' ? base : { label: `${base.label} · ${tail}`, id: base.id };
}
