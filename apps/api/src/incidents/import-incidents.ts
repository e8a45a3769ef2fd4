/**
 * Import one incident file (EVALUATION.md §1.6): decide(create, incident) for the community's default
 * label, then run the streaming pipeline of `@entente/db` in the use case's transaction and append
 * the audit event in the same transaction. A refused file still records its batch and problems.
 */
import type { IncidentImportQuery, IncidentImportReport } from '@entente/contracts';
import { incidents } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { communityDefaultLabel } from './community-label';
import { afterIncidentImport } from '../evaluation/rerun-queue';
import { afterImportForMonitors } from '../monitors/monitor-queue';

export interface IncidentFileMeta {
  fileName: string;
  bytesTotal?: number | null;
}

/** Resolve the community (by code, default `all` or the first current one) and its default label; decide create. */
export const importLabel = (uc: UseCaseCtx, communityCode: string | undefined) =>
  communityDefaultLabel(uc, communityCode, {
    action: 'incident.import',
    entity: 'incident',
    doing: 'import incidents',
  });

/** Stream `bytes` through the import pipeline; returns the report of the contract. */
export async function importIncidentFile(
  uc: UseCaseCtx,
  bytes: AsyncIterable<Uint8Array>,
  meta: IncidentFileMeta,
  q: Partial<IncidentImportQuery>,
  onProgress?: (p: incidents.ImportProgress) => void,
  signal?: AbortSignal,
): Promise<IncidentImportReport> {
  const { communityId, labelId } = await importLabel(uc, q.community);
  const r = await incidents.importIncidents(uc.tx, bytes, {
    fileName: meta.fileName,
    bytesTotal: meta.bytesTotal ?? null,
    expectedSource: !q.source || q.source === 'auto' || q.source === 'user' ? null : q.source,
    labelId,
    communityId,
    userId: uc.subject.id,
    areaSources: incidents.areaSourcesOf(uc.app.config),
    ...(q.datasetVersion ? { datasetVersion: q.datasetVersion } : {}),
    ...(q.acceptRejections ? { acceptRejections: true } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
  await uc.audit({
    action: r.ok ? 'incident.imported' : 'incident.import_refused',
    entity: 'import_batch',
    ...(r.batchId ? { entityId: r.batchId } : {}),
    labelId,
    decision: 'permit',
    details: {
      outcome: r.outcome,
      source: r.source,
      fileSha256: r.fileSha256,
      bytes: r.bytes,
      counts: r.counts,
      datasetVersion: r.datasetVersion,
    },
  });
  uc.mark(labelId);
  const { timings: _t, ...report } = r;
  await afterIncidentImport(uc, report);
  await afterImportForMonitors(uc, report);
  return report;
}
