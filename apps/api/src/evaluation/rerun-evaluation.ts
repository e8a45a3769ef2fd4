/**
 * Re-run a stored evaluation. Every re-run — asked for, on opening a stale one, or after an import —
 * runs in the scope of the user who created it (built the way a request builds it), in its own
 * transaction with its audit event, so the stored result always counts what that user may see.
 * A run with an unchanged `inputsHash` only touches `last_run_at`; a user who no longer exists or
 * lost access leaves the evaluation `failed` with the reason.
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import { EvaluationRunRequest } from '@entente/contracts';
import { appendAudit, scoped } from '@entente/db';
import type { AppContext, UseCaseCtx } from '../context';
import { runAsUser, subjectForUser } from '../background/as-user';
import { evaluationLabel, runForStore } from './stored-run';

export type RerunOutcome = 'changed' | 'unchanged' | 'skipped' | 'failed' | 'missing';

export interface RerunOptions {
  /** 409 unless the evaluation is still at this version. */
  expectedVersion?: number;
  /** Leave a `current` evaluation alone (a queued or lazy re-run another one already did). */
  onlyIfStale?: boolean;
}

const decideUpdate = (uc: UseCaseCtx, row: scoped.EvaluationRow, labelId: string) =>
  uc.access.decide(uc.subject, 'update', labelId, {
    kind: 'evaluation',
    communityId: row.communityId,
    ownerOrgId: row.ownerOrgId,
    originatorOrgId: row.ownerOrgId,
    partyOrgIds: row.partyOrgIds,
    ...uc.access.communityBounds(row.communityId),
  });

/** The re-run itself, in the creator's transaction. */
async function rerunInScope(uc: UseCaseCtx, id: string, o: RerunOptions): Promise<RerunOutcome> {
  const row = await scoped.findEvaluation(uc.tx, uc.scope, id, true);
  if (!row) throw notFound('evaluation (its creator can no longer see it)');
  if (o.expectedVersion !== undefined && row.version !== o.expectedVersion)
    throw new DomainError(
      'stale_version',
      'The evaluation changed since you opened it; reload it and try again.',
    );
  if (o.onlyIfStale && row.status !== 'stale') return 'skipped';
  const subject = await scoped.findEvaluationSubject(
    uc.tx,
    uc.scope,
    row.subjectKind as scoped.EvaluationSubjectKind,
    row.subjectId,
  );
  if (!subject) throw forbidden(`Its creator can no longer see the ${row.subjectKind}.`);
  const run = await runForStore(uc, EvaluationRunRequest.parse(row.request));
  const unchanged = run.result.inputsHash === row.inputsHash;
  // The stored label stays unless the data counted now carry a label it does not dominate.
  const labelId = unchanged ? row.labelId : await evaluationLabel(uc, [row.labelId, ...run.countedLabelIds]);
  if (decideUpdate(uc, row, labelId).effect !== 'permit')
    throw forbidden('Its creator may no longer update it.');
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [labelId]);
  const after = await scoped.updateEvaluationRun(uc.tx, uc.scope, id, {
    ...(unchanged
      ? {}
      : {
          result: run.result,
          inputsHash: run.result.inputsHash,
          engineVersion: run.result.engineVersion,
          profile: run.result.profile,
          dataVersions: run.dataVersions,
          labelId,
        }),
    status: 'current',
    statusReason: null,
    by: uc.subject.id,
  });
  if (!after) throw notFound('evaluation');
  await uc.audit({
    action: 'evaluation.rerun',
    entity: 'evaluation',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    details: { changed: !unchanged, inputsHash: after.inputsHash, dataset: run.dataVersions.dataset },
  });
  return unchanged ? 'unchanged' : 'changed';
}

/** Leave the evaluation `failed` with the reason, with its audit event, in one owner transaction. */
async function fail(
  app: AppContext,
  id: string,
  reason: string,
  actor: { id: string; orgId: string } | null,
) {
  await app.owner.db.transaction(async (tx) => {
    const row = await scoped.failEvaluation(tx, id, reason);
    if (row)
      await appendAudit(tx, {
        action: 'evaluation.rerun_failed',
        entity: 'evaluation',
        entityId: id,
        entityVersion: row.version,
        labelId: row.labelId,
        decision: 'permit',
        reason,
        actorKind: 'system',
        actorId: actor?.id ?? null,
        actorOrgId: actor?.orgId ?? null,
        requestId: null,
        sessionId: null,
      });
  });
}

/**
 * Re-run evaluation `id` as its creator. Failures other than a version conflict leave it `failed`
 * with the reason and return 'failed'; a conflict throws `stale_version`.
 */
export async function rerunStored(app: AppContext, id: string, o: RerunOptions = {}): Promise<RerunOutcome> {
  const owner = await scoped.evaluationCreator(app.owner.db, id);
  if (!owner) return 'missing';
  const subject = owner.createdBy ? await subjectForUser(app, owner.createdBy) : null;
  if (!subject) {
    await fail(app, id, 'The user who created it no longer exists or is disabled.', null);
    return 'failed';
  }
  try {
    return await runAsUser(app, subject, (uc) => rerunInScope(uc, id, o));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'stale_version') throw e;
    const reason = e instanceof DomainError ? e.message : 'The re-run failed.';
    if (!(e instanceof DomainError)) app.log.error({ err: e, evaluationId: id }, 'evaluation re-run failed');
    await fail(app, id, reason, { id: subject.id, orgId: subject.orgId });
    return 'failed';
  }
}

/** `POST /evaluations/:id/rerun`: a user who may see and update the evaluation asks for a re-run. */
export async function requestRerun(uc: UseCaseCtx, id: string, version: number): Promise<void> {
  const row = await scoped.findEvaluation(uc.tx, uc.scope, id);
  if (!row) throw notFound('evaluation');
  if (row.version !== version)
    throw new DomainError(
      'stale_version',
      'The evaluation changed since you opened it; reload it and try again.',
    );
  if (decideUpdate(uc, row, row.labelId).effect !== 'permit') {
    await uc.audit({
      action: 'evaluation.rerun',
      entity: 'evaluation',
      entityId: id,
      labelId: row.labelId,
      decision: 'deny',
      reason: 'not permitted',
    });
    throw forbidden('You cannot re-run this evaluation.');
  }
  await uc.audit({
    action: 'evaluation.rerun_requested',
    entity: 'evaluation',
    entityId: id,
    entityVersion: row.version,
    labelId: row.labelId,
    decision: 'permit',
  });
}
