/**
 * Save an evaluation for an engagement, initiative or objective the user may see (404 otherwise):
 * run it in the user's scope and store request, result, data versions and label in one
 * transaction with its audit event. The label defaults to the join of the record's label and the
 * labels of the incident rows counted; the user may raise it.
 */
import { forbidden, notFound } from '@entente/core';
import type { EvaluationSaveRequest, StoredEvaluation } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentStored } from './present-evaluation';
import { evaluationLabel, runForStore } from './stored-run';

export async function saveEvaluation(uc: UseCaseCtx, q: EvaluationSaveRequest): Promise<StoredEvaluation> {
  const subject = await scoped.findEvaluationSubject(uc.tx, uc.scope, q.subjectKind, q.subjectId);
  if (!subject) throw notFound(q.subjectKind);
  const run = await runForStore(uc, q.request);
  const labelId = await evaluationLabel(uc, [subject.labelId, ...run.countedLabelIds], q.labelId);
  const d = uc.access.decide(uc.subject, 'create', labelId, {
    kind: 'evaluation',
    communityId: subject.communityId,
    ownerOrgId: uc.subject.orgId,
    originatorOrgId: uc.subject.orgId,
    partyOrgIds: subject.partyOrgIds,
    ...uc.access.communityBounds(subject.communityId),
  });
  if (d.effect !== 'permit') {
    await uc.audit({
      action: 'evaluation.save',
      entity: 'evaluation',
      labelId: uc.app.homeLabelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden('You cannot store an evaluation for that record.');
  }
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [labelId]);
  const title =
    q.title ??
    `${subject.code}: ${run.result.areas.find((a) => a.role === 'treated')?.name ?? q.request.treatedArea} (${q.request.source})`;
  const row = await scoped.insertEvaluation(uc.tx, {
    subjectKind: q.subjectKind,
    subjectId: subject.id,
    title,
    request: q.request,
    result: run.result,
    inputsHash: run.result.inputsHash,
    engineVersion: run.result.engineVersion,
    profile: run.result.profile,
    datasetCode: q.request.source,
    dataVersions: run.dataVersions,
    labelId,
    communityId: subject.communityId,
    partyOrgIds: subject.partyOrgIds,
    ownerOrgId: uc.subject.orgId,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'evaluation.saved',
    entity: 'evaluation',
    entityId: row.id,
    entityVersion: row.version,
    labelId,
    decision: 'permit',
    details: {
      subjectKind: q.subjectKind,
      subjectId: subject.id,
      inputsHash: row.inputsHash,
      dataset: run.dataVersions.dataset,
    },
  });
  return presentStored(uc, row, subject);
}
