/**
 * POST /incidents/areas: build the areas of a drawn box, a drawn polygon or an uploaded GeoJSON file
 * (`@entente/geo` validates; every problem comes back with its JSON path and nothing is stored), store
 * them labelled (ADR 0006) and assign every current incident to each, with one audit event per area in
 * the same transaction (EVALUATION.md §2: "assigned once, at import or when an area is added").
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '@entente/core';
import type { CustomAreaCreate, CustomAreaCreated } from '@entente/contracts';
import { incidents } from '@entente/db';
import { buildCustomAreas, GeoValidationError, type CustomAreaShape } from '@entente/geo';
import type { z } from 'zod';
import type { UseCaseCtx } from '../context';
import { areaLabel } from './area-label';

type Body = z.output<typeof CustomAreaCreate>;

function shapeOf(b: Body): CustomAreaShape {
  if (b.type === 'box') return { type: 'box', box: b.box };
  if (b.type === 'polygon') return { type: 'polygon', geometry: b.geometry };
  return { type: 'geojson', geojson: b.geojson, mode: b.mode };
}

/** At most this many areas from one upload (each is a full re-assignment). */
const MAX_AREAS = 50;

export async function createAreas(uc: UseCaseCtx, body: Body): Promise<CustomAreaCreated> {
  const { communityId, labelId } = await areaLabel(uc, body.community);
  let built;
  try {
    built = buildCustomAreas(
      shapeOf(body),
      body.name,
      (kind) => `${kind === 'box' ? 'bbox' : 'poly'}:${randomUUID()}`,
    );
  } catch (e) {
    if (!(e instanceof GeoValidationError)) throw e;
    throw new DomainError(
      'validation',
      `The area is not valid: ${e.message}`,
      e.issues.map((i) => ({ path: i.path, message: `${i.message} (${i.code})` })),
    );
  }
  if (built.length > MAX_AREAS)
    throw new DomainError(
      'validation',
      `The file has ${built.length} features; upload at most ${MAX_AREAS} or choose "one area".`,
      [{ path: 'geojson.features', message: `more than ${MAX_AREAS} features` }],
    );
  const out: CustomAreaCreated['areas'] = [];
  for (const area of built) {
    const r = await incidents.createCustomArea(uc.tx, uc.scope, {
      area,
      description: body.description,
      labelId,
      communityId,
      createdBy: uc.subject.id,
    });
    await uc.audit({
      action: 'area.created',
      entity: 'analysis_area',
      entityId: area.key,
      labelId,
      decision: 'permit',
      details: {
        kind: area.kind,
        source: area.source,
        hash: area.hash,
        memberships: r.memberships,
        cells: r.cells,
        timings: r.timings,
      },
    });
    uc.mark(labelId);
    out.push({ key: area.key, kind: area.kind, name: area.name, assigned: r.visible, cells: r.cells });
  }
  return { areas: out };
}
