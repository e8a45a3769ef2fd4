/** The form's error summary: what went wrong and links to each field with a problem (the messages sit by the fields). */
import type { Ref } from 'react';
import { fieldLabel } from '../../lib/engagementTypes';

const LABELS: FieldLabels = {
  code: ['Code', 'eng-code'],
  title: ['Title', 'eng-title'],
  type: ['Type', 'eng-type'],
  summary: ['Summary', 'eng-summary'],
  initiativeId: ['Initiative', 'eng-initiative'],
  objectiveIds: ['Objectives', 'eng-objectives'],
  partnerIso3s: ['Partners', 'eng-partners'],
  leadOrgId: ['Lead organisation', 'eng-lead-org'],
  plannedStart: ['Planned start', 'eng-planned-start'],
  plannedEnd: ['Planned end', 'eng-planned-end'],
  actualStart: ['Actual start', 'eng-actual-start'],
  actualEnd: ['Actual end', 'eng-actual-end'],
  plannedCost: ['Planned cost', 'eng-planned-cost'],
  actualCost: ['Actual cost', 'eng-actual-cost'],
  currency: ['Currency', 'eng-currency'],
  fundingSourceId: ['Funding source', 'eng-funding'],
  communityId: ['Community', 'eng-community'],
  outcomeSummary: ['Outcome achieved', 'eng-outcome'],
  label: ['Classification label', 'eng-level'],
  'label.level': ['Classification level', 'eng-level'],
  'label.releasableTo': ['Releasable to', 'eng-releasable'],
  'label.restrictive': ['Compartments', 'eng-compartments'],
  'label.handling': ['Caveats', 'eng-caveats'],
};

/** Form order, so the summary lists problems top to bottom. */
const ORDER = [
  'code',
  'type',
  'title',
  'summary',
  'initiativeId',
  'objectiveIds',
  'partnerIso3s',
  'leadOrgId',
  'participants',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'locations',
  'plannedCost',
  'currency',
  'actualCost',
  'fundingSourceId',
  'payload',
  'communityId',
  'label',
  'outcomeSummary',
];

/** Field path → [label, element id] of a form, for the links of its summary. */
export type FieldLabels = Readonly<Record<string, readonly [label: string, id: string]>>;

/** The label and element id of a field path, for links in the summary. */
export function fieldOf(path: string, labels: FieldLabels = LABELS): { label: string; id: string } {
  const exact = labels[path];
  if (exact) return { label: exact[0], id: exact[1] };
  const parts = path.split('.');
  const [head, index, leaf] = parts;
  if (labels === LABELS && (head === 'locations' || head === 'participants') && index !== undefined) {
    const n = Number(index) + 1;
    const prefix = head === 'locations' ? 'loc' : 'part';
    return {
      label: `${head === 'locations' ? 'Location' : 'Participant'} ${n}${leaf ? `: ${fieldLabel(leaf)}` : ''}`,
      id: `eng-${prefix}-${index}-${leaf ?? ''}`,
    };
  }
  if (labels === LABELS && head === 'payload' && index)
    return { label: fieldLabel(index), id: `eng-payload-${index}` };
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = labels[parts.slice(0, i).join('.')];
    if (parent) return { label: parent[0], id: parent[1] };
  }
  return { label: fieldLabel(path), id: '' };
}

type Props = {
  ref?: Ref<HTMLDivElement>;
  errors: readonly [string, string][];
  formError: string | null;
  conflict: string | null;
  onReload?: (() => void) | undefined;
  /** Another form's fields (default: the engagement form's). */
  labels?: FieldLabels;
  /** Top-to-bottom order of the other form's fields (default: the engagement form's). */
  order?: readonly string[];
};

export function ErrorSummary({
  ref,
  errors,
  formError,
  conflict,
  onReload,
  labels = LABELS,
  order: fieldOrder = ORDER,
}: Props) {
  const order = (path: string) => {
    const i = fieldOrder.findIndex((k) => path === k || path.startsWith(`${k}.`));
    return i < 0 ? fieldOrder.length : i;
  };
  const sorted = [...errors].sort((a, b) => order(a[0]) - order(b[0]));
  const fields = [
    ...new Map(sorted.map(([path]) => [fieldOf(path, labels).label, fieldOf(path, labels)])).values(),
  ];
  const show = conflict || formError || fields.length > 0;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={show ? 'error-summary' : 'error-summary error-summary--empty'}
      aria-live="assertive"
    >
      {conflict ? (
        <div role="alert" className="conflict">
          <p>{conflict}</p>
          {onReload ? (
            <button type="button" className="btn" onClick={onReload}>
              Reload their version (discards your edits)
            </button>
          ) : null}
        </div>
      ) : null}
      {formError ? <p role="alert">{formError}</p> : null}
      {fields.length > 0 ? (
        <>
          <p>
            <strong>
              {fields.length === 1 ? 'One field needs' : `${fields.length} fields need`} your attention before
              saving:
            </strong>
          </p>
          <ul>
            {fields.map((f) => (
              <li key={f.label}>
                <a
                  href={f.id ? `#${f.id}` : '#'}
                  onClick={(e) => {
                    e.preventDefault();
                    if (f.id) document.getElementById(f.id)?.focus();
                  }}
                >
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
