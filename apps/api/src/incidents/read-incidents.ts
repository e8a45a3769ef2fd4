/**
 * Reads of the incident store (EVALUATION.md §1–§3, §8): datasets with their source line, batches,
 * the scoped list (refused for datasets whose rows may not leave Entente), area-month series and areas.
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import type {
  AnalysisAreaItem,
  ImportBatchItem,
  IncidentDatasetItem,
  IncidentItem,
  IncidentListQuery,
  IncidentPage,
  IncidentSeries,
  IncidentSeriesQuery,
} from '@entente/contracts';
import { incidents, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

type Source = IncidentDatasetItem['code'];

const REPORTING_NOTE = 'Counts are reported incidents, not all incidents.';

/** Dataset metadata: the stored row when the dataset was imported, else its definition. */
async function datasetsByCode(uc: UseCaseCtx) {
  const rows = new Map((await scoped.listDatasetRows(uc.tx)).map((r) => [r.code, r]));
  return incidents.DATASETS.map((d) => {
    const r = rows.get(d.code);
    return {
      code: d.code as Source,
      title: r?.title ?? d.title,
      publisher: r?.publisher ?? d.publisher,
      version: r?.version ?? 0,
      sourceVersion: r?.sourceVersion ?? null,
      licence: r?.licence ?? d.licence,
      attribution: r?.attribution ?? d.attribution,
      rowsRedistributable: r?.rowsRedistributable ?? d.rowsRedistributable,
      shareAlike: r?.shareAlike ?? d.shareAlike,
      accessedOn: r?.accessedOn ?? null,
      contentSha256: r?.contentSha256 ?? null,
      codeSystem: r?.codeSystem ?? d.codeSystem,
      caveats: r?.caveats ?? d.caveats,
      lastImportAt: r && r.version > 0 ? r.updatedAt : null,
    };
  });
}

export async function listDatasets(uc: UseCaseCtx): Promise<{ items: IncidentDatasetItem[] }> {
  const counts = await scoped.incidentCountsBySource(uc.tx, uc.scope);
  const items = (await datasetsByCode(uc)).map((d) => ({ ...d, rowCount: counts.get(d.code) ?? 0 }));
  return { items };
}

export async function listBatches(
  uc: UseCaseCtx,
  q: { source?: Source | undefined; page: number; pageSize: number },
): Promise<{ items: ImportBatchItem[]; total: number; page: number; pageSize: number; hasMore: boolean }> {
  const r = await scoped.listImportBatches(uc.tx, uc.scope, q);
  const items = r.items.map((b) => {
    uc.mark(b.labelId);
    return {
      id: b.id,
      source: b.source as Source | null,
      format: b.format,
      fileName: b.fileName,
      fileSha256: b.fileSha256,
      bytes: b.bytes,
      status: b.status as ImportBatchItem['status'],
      counts: {
        read: b.read,
        accepted: b.accepted,
        inserted: b.inserted,
        superseded: b.superseded,
        unchanged: b.unchanged,
        withdrawn: b.withdrawn,
        rejected: b.rejected,
        warned: b.warned,
      },
      mappingVersion: b.mappingVersion,
      datasetVersion: b.datasetVersion,
      userId: b.userId,
      startedAt: b.startedAt,
      finishedAt: b.finishedAt,
    };
  });
  return {
    items,
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < r.total,
  };
}

/** Every stored problem of one visible batch; 404 for a missing or hidden batch alike. */
export async function listBatchRejections(uc: UseCaseCtx, batchId: string) {
  const items = await scoped.listImportRejections(uc.tx, uc.scope, batchId);
  if (!items) throw notFound('import batch');
  return { items };
}

async function dataset(uc: UseCaseCtx, source: Source) {
  const d = (await datasetsByCode(uc)).find((x) => x.code === source);
  if (!d) throw notFound('dataset');
  return d;
}

/** EVALUATION.md §8: rows of non-redistributable datasets never leave Entente. */
export async function listIncidents(uc: UseCaseCtx, q: IncidentListQuery): Promise<IncidentPage> {
  const d = await dataset(uc, q.source);
  if (!d.rowsRedistributable)
    throw forbidden(
      `${d.title} rows may not leave Entente (${d.licence}): its terms allow aggregates only. Use the series endpoint instead.`,
    );
  const r = await scoped.listIncidents(
    uc.tx,
    uc.scope,
    { source: q.source, types: q.type, country: q.country, area: q.area, from: q.from, to: q.to },
    { page: q.page, pageSize: q.pageSize },
  );
  const items: IncidentItem[] = r.items.map(({ labelId, ...x }) => ({
    ...x,
    source: x.source as Source,
    portion: uc.mark(labelId),
  }));
  uc.auditRead({ route: 'GET /incidents', filters: q, count: items.length, ids: items.map((i) => i.id) });
  return {
    items,
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < r.total,
    attribution: d.attribution,
    licence: d.licence,
  };
}

/** Monthly counts over the subject's visible labels, with the §1.3 precision exclusions and the §8 source line. */
export async function incidentSeries(uc: UseCaseCtx, q: IncidentSeriesQuery): Promise<IncidentSeries> {
  const area = await scoped.getArea(uc.tx, uc.scope, q.area);
  if (!area) throw notFound('area');
  if (q.from && q.to && q.from > q.to)
    throw new DomainError('validation', 'The period is empty.', [
      { path: 'to', message: 'must not be before from' },
    ]);
  const d = await dataset(uc, q.source);
  const s = await scoped.incidentSeries(uc.tx, uc.scope, {
    area: area.key,
    source: q.source,
    maxLocLevel: area.kind === 'country' ? 5 : 3,
    types: q.types,
    from: q.from,
    to: q.to,
    acceptMonthPrecision: q.acceptMonthPrecision,
    acceptProvinceLevel: q.acceptProvinceLevel,
  });
  for (const l of s.labelIds) uc.mark(l);
  const exposure =
    area.kind === 'marine'
      ? ' Rate per area-month, not per transit: fewer attacks can mean re-routed traffic.'
      : '';
  return {
    area: { key: area.key, kind: area.kind as IncidentSeries['area']['kind'], name: area.name },
    source: q.source,
    interval: 'month',
    from: q.from ?? null,
    to: q.to ?? null,
    points: s.points,
    total: s.points.reduce((a, p) => a + p.count, 0),
    excluded: s.excluded,
    dataset: {
      code: d.code,
      version: d.version,
      licence: d.licence,
      attribution: d.attribution,
      caveats: d.caveats,
    },
    note: `${REPORTING_NOTE}${exposure}`,
  };
}

export async function listAreas(
  uc: UseCaseCtx,
  q: { kind?: string | undefined; q?: string | undefined },
): Promise<{ items: AnalysisAreaItem[] }> {
  // Built-in countries and marine regions are stored on first use (EVALUATION.md §2).
  await incidents.ensureAnalysisAreas(
    uc.tx,
    await incidents.builtInAreas(incidents.areaSourcesOf(uc.app.config)),
  );
  const rows = await scoped.listAreas(uc.tx, uc.scope, q);
  return { items: rows.map((a) => ({ ...a, kind: a.kind as AnalysisAreaItem['kind'] })) };
}
