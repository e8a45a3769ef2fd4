/**
 * The data-quality panel of an analysis (EVALUATION.md §4.1): the dataset and its batches, the
 * precision breakdown and exclusions of the panel, source switches in the window, coverage, flags
 * and unmapped labels — read with the subject's scope, so it describes only rows the subject counts.
 */
import type { EvaluationDataQuality, IncidentDatasetItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export interface QualityInput {
  dataset: IncidentDatasetItem;
  areaKeys: string[];
  from: string;
  to: string;
  months: string[];
  excluded: Record<string, number>;
}

const add = (o: Record<string, number>, k: string, n: number) => {
  o[k] = (o[k] ?? 0) + n;
};

export async function dataQuality(uc: UseCaseCtx, q: QualityInput): Promise<EvaluationDataQuality> {
  const d = q.dataset;
  const rows = await scoped.incidentQuality(uc.tx, uc.scope, {
    source: d.code,
    areaKeys: q.areaKeys,
    from: q.from,
    to: q.to,
  });
  const batches = await scoped.listImportBatches(uc.tx, uc.scope, { source: d.code, page: 1, pageSize: 50 });
  for (const b of batches.items) uc.mark(b.labelId);
  const precision = q.areaKeys.map((areaKey) => {
    const dateClass: Record<string, number> = {};
    const locLevel: Record<string, number> = {};
    let total = 0;
    for (const c of rows.cells.filter((x) => x.areaKey === areaKey)) {
      add(dateClass, c.dateClass, c.n);
      add(locLevel, String(c.locLevel), c.n);
      total += c.n;
    }
    return { areaKey, total, dateClass, locLevel };
  });
  const { from, to } = rows.coverage;
  return {
    dataset: {
      code: d.code,
      title: d.title,
      version: d.version,
      accessedOn: d.accessedOn,
      licence: d.licence,
      attribution: d.attribution,
    },
    batches: batches.items.map((b) => ({
      id: b.id,
      fileName: b.fileName,
      status: b.status,
      datasetVersion: b.datasetVersion,
      read: b.read,
      accepted: b.accepted,
      rejected: b.rejected,
      warned: b.warned,
      finishedAt: b.finishedAt,
    })),
    precision,
    excluded: q.excluded,
    sourceSwitches: d.caveats.flatMap((c) =>
      c.date && c.date > q.from && c.date <= q.to ? [{ date: c.date, text: c.text }] : [],
    ),
    coverage: {
      from,
      to,
      monthsOutside: from && to ? q.months.filter((m) => m < from || m > to).length : q.months.length,
    },
    flags: rows.flags.map((f) => ({ code: f.code, count: f.n })),
    unmappedTypes: rows.unmappedTypes.map((t) => ({ label: t.label, count: t.n })),
    unmappedAdmin1: rows.unmappedAdmin1.map((a) => ({ name: a.name, count: a.n })),
    exposureModelled: false,
  };
}
