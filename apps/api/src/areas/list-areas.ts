/**
 * GET /incidents/areas: every area the subject may use (countries, marine regions, presets, admin-1
 * codes on search, and visible custom areas), stored on first use; audited as a list read.
 */
import type { AnalysisAreaItem } from '@entente/contracts';
import { incidents, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function listAllAreas(
  uc: UseCaseCtx,
  q: { kind?: string | undefined; q?: string | undefined },
): Promise<{ items: (AnalysisAreaItem & { code: string | null; custom: boolean })[] }> {
  await incidents.ensureAnalysisAreas(
    uc.tx,
    await incidents.builtInAreas(incidents.areaSourcesOf(uc.app.config)),
  );
  await incidents.ensureAdmin1Areas(uc.tx);
  const rows = await scoped.listAreas(uc.tx, uc.scope, q);
  const items = rows.map((a) => {
    if (a.labelId) uc.mark(a.labelId);
    return {
      key: a.key,
      kind: a.kind as AnalysisAreaItem['kind'],
      name: a.name,
      iso3: a.iso3,
      source: a.source,
      bbox: a.bbox,
      version: a.version,
      code: a.code ?? null,
      custom: a.labelId != null,
    };
  });
  uc.auditRead({
    route: 'GET /incidents/areas',
    filters: q,
    count: items.length,
    ids: items.filter((i) => i.custom).map((i) => i.key),
  });
  return { items };
}
