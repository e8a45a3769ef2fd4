/** Stored evaluation rows on the wire. */
import type {
  EstimateWire,
  EvaluationDataVersions,
  EvaluationRunRequest,
  EvaluationRunResult,
  StoredEvaluation,
  StoredEvaluationListItem,
} from '@entente/contracts';
import type { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

type Row = scoped.EvaluationRow;

const common = (uc: UseCaseCtx, r: Row) => ({
  id: r.id,
  subjectKind: r.subjectKind as StoredEvaluation['subjectKind'],
  subjectId: r.subjectId,
  title: r.title,
  status: r.status as StoredEvaluation['status'],
  statusReason: r.statusReason,
  inputsHash: r.inputsHash,
  engineVersion: r.engineVersion,
  profile: r.profile,
  labelId: r.labelId,
  portion: uc.mark(r.labelId),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  lastRunAt: r.lastRunAt,
  version: r.version,
});

/** The headline: the best-graded estimate that is not blocked and has a number. */
export function headlineOf(result: EvaluationRunResult): EstimateWire | null {
  const ok = result.estimates.filter(
    (e) => e.estimate !== null && !e.warnings.some((w) => w.severity === 'block'),
  );
  return ok.reduce<EstimateWire | null>((a, e) => (!a || e.design.level > a.design.level ? e : a), null);
}

export function presentListItem(
  uc: UseCaseCtx,
  r: Row & { subjectCode: string; subjectTitle: string },
): StoredEvaluationListItem {
  const h = headlineOf(r.result as EvaluationRunResult);
  return {
    ...common(uc, r),
    subjectCode: r.subjectCode,
    subjectTitle: r.subjectTitle,
    headline: h
      ? {
          method: h.method,
          estimate: h.estimate,
          ci95: h.ci95,
          designLevel: h.design.level,
          designLabel: h.design.label,
        }
      : null,
    datasetVersion: (r.dataVersions as EvaluationDataVersions).dataset.version,
  };
}

export function presentStored(
  uc: UseCaseCtx,
  r: Row,
  subject: { code: string; title: string },
): StoredEvaluation {
  return {
    ...common(uc, r),
    subjectCode: subject.code,
    subjectTitle: subject.title,
    request: r.request as EvaluationRunRequest,
    result: r.result as EvaluationRunResult,
    dataVersions: r.dataVersions as EvaluationDataVersions,
  };
}
