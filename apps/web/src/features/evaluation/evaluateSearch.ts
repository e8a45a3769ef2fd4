/** The Evaluate page's search: the record a run is meant for (e.g. "Evaluate this objective"), preselected in "Save to…". */
import type { EvaluationSubjectKind } from '@entente/contracts';

export type EvaluateSubject = { kind: EvaluationSubjectKind; id: string; code: string };
export type EvaluateSearch = {
  subjectKind?: EvaluationSubjectKind;
  subjectId?: string;
  subjectCode?: string;
};

const KINDS: readonly string[] = ['engagement', 'initiative', 'objective'];
const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;

export function parseEvaluateSearch(s: Record<string, unknown>): EvaluateSearch {
  const kind =
    typeof s.subjectKind === 'string' && KINDS.includes(s.subjectKind)
      ? (s.subjectKind as EvaluationSubjectKind)
      : undefined;
  const id = text(s.subjectId, 64);
  const code = text(s.subjectCode, 60);
  return kind && id ? { subjectKind: kind, subjectId: id, ...(code ? { subjectCode: code } : {}) } : {};
}

/** The preselected record, if the search names one. */
export const subjectOf = (s: EvaluateSearch): EvaluateSubject | undefined =>
  s.subjectKind && s.subjectId
    ? { kind: s.subjectKind, id: s.subjectId, code: s.subjectCode ?? '' }
    : undefined;
