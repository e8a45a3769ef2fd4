/**
 * What storing an evaluation adds to a run: the labels of the incident rows it counted, the data
 * versions its panel was built from (EVALUATION.md §1.6 step 6), and the label the stored result
 * carries — the join of the subject record's label and the data's, or a higher one the user chose.
 */
import {
  DomainError,
  canonicalLabel,
  dominates,
  joinAll,
  labelId as labelIdOf,
  type Label,
} from '@entente/core';
import type { EvaluationDataVersions, EvaluationRunRequest, EvaluationRunResult } from '@entente/contracts';
import { saveLabel, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { runEvaluation } from './run-evaluation';

/** Batches whose rows are in the panel; refused and no-change batches wrote nothing. */
const FED = new Set(['committed', 'committed_with_rejections']);

export interface StoredRun {
  result: EvaluationRunResult;
  /** Labels of the incident rows the panel counted. */
  countedLabelIds: string[];
  dataVersions: EvaluationDataVersions;
}

/** Run the evaluation in `uc`'s scope and collect what a stored result records about its inputs. */
export async function runForStore(uc: UseCaseCtx, request: EvaluationRunRequest): Promise<StoredRun> {
  const counted = new Set<string>();
  // The stored run is audited as the save or re-run it belongs to, not as a stateless run.
  const inner: UseCaseCtx = {
    ...uc,
    mark: (id) => (counted.add(id), uc.mark(id)),
    auditRead: () => undefined,
  };
  const result = await runEvaluation(inner, request);
  const ds = (await scoped.listDatasetRows(uc.tx)).find((d) => d.code === request.source);
  const batches = await scoped.listImportBatches(uc.tx, uc.scope, {
    source: request.source,
    page: 1,
    pageSize: 200,
  });
  const keys = [...new Set([request.treatedArea, ...request.comparisonAreas, ...request.neighbourAreas])];
  const areas: EvaluationDataVersions['areas'] = [];
  for (const key of keys) {
    const a = await scoped.getArea(uc.tx, uc.scope, key);
    if (a) areas.push({ key: a.key, version: a.version });
  }
  return {
    result,
    countedLabelIds: [...counted],
    dataVersions: {
      dataset: {
        code: request.source,
        version: ds?.version ?? result.dataset.version,
        contentSha256: ds?.contentSha256 ?? null,
        sourceVersion: ds?.sourceVersion ?? null,
        accessedOn: ds?.accessedOn ?? null,
      },
      batches: batches.items
        .filter((b) => FED.has(b.status))
        .map((b) => ({
          id: b.id,
          status: b.status,
          datasetVersion: b.datasetVersion,
          fileSha256: b.fileSha256,
          finishedAt: b.finishedAt,
        })),
      areas,
    },
  };
}

const known = (uc: UseCaseCtx, id: string): Label => {
  const l = uc.access.label(id);
  if (!l)
    throw new DomainError('validation', 'Unknown label.', [{ path: 'labelId', message: 'unknown label' }]);
  return l;
};

/**
 * The label a stored evaluation must carry: the join of `baseLabelIds` (the subject record's or the
 * current label, and the labels of the data counted), stored if new; or `requested` when it
 * dominates that join and the user may read it.
 */
export async function evaluationLabel(
  uc: UseCaseCtx,
  baseLabelIds: string[],
  requested?: string,
): Promise<string> {
  const registry = uc.access.registry();
  const ids = [...new Set(baseLabelIds)];
  let floorId: string;
  let floor: Label;
  try {
    floor = canonicalLabel(
      joinAll(
        ids.map((id) => known(uc, id)),
        registry,
      ),
    );
    floorId = labelIdOf(floor);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError(
      'validation',
      'The record and the incident data have labels with no common label.',
      [{ path: 'labelId', message: 'no join of the record and data labels' }],
    );
  }
  if (requested && requested !== floorId) {
    const want = known(uc, requested);
    if (!uc.scope.labelIds.includes(requested))
      throw new DomainError('validation', 'Choose a label you may read.', [
        { path: 'labelId', message: 'not permitted' },
      ]);
    if (!dominates(want, floor, registry))
      throw new DomainError(
        'validation',
        'The label must be at least that of the record and the data it counts.',
        [{ path: 'labelId', message: 'does not dominate the record and data labels' }],
      );
    return requested;
  }
  if (!uc.access.label(floorId)) {
    await saveLabel(uc.tx, { id: floorId, ...floor });
    uc.access.remember(floorId, floor);
  }
  return floorId;
}
