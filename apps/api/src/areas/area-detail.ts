/**
 * GET /incidents/areas/:key: one area with its geometry (custom areas from their labelled row); a hidden
 * custom area is a 404, exactly like a missing one.
 */
import { notFound } from '@entente/core';
import type { AreaDetail } from '@entente/contracts';
import { incidents, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function areaDetail(uc: UseCaseCtx, key: string): Promise<AreaDetail> {
  if (key.startsWith('admin1:')) await incidents.ensureAdmin1Areas(uc.tx);
  const a = await scoped.getArea(uc.tx, uc.scope, key);
  if (!a) throw notFound('area');
  const geometry = await scoped.getAreaGeometry(uc.tx, uc.scope, key);
  if (a.labelId) uc.mark(a.labelId);
  return {
    key: a.key,
    kind: a.kind as AreaDetail['kind'],
    name: a.name,
    source: a.source,
    iso3: a.iso3,
    code: a.code ?? null,
    description: a.description ?? null,
    bbox: a.bbox,
    version: a.version,
    geometry,
    custom: a.labelId != null,
  };
}
