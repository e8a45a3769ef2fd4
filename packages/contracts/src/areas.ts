/**
 * Custom analysis areas (EVALUATION.md §2, ADR 0006): a drawn box, a drawn polygon or an uploaded
 * GeoJSON file (WGS84). The geometry itself is checked by `@entente/geo`, whose error paths name the
 * offending value relative to this body, e.g. `geometry.coordinates[0][3]` or `box[2] (east)`.
 */
import { z } from 'zod';
import { AnalysisAreaItem, AreaKind } from './incidents';

const base = {
  name: z.string().trim().min(1, 'Give the area a name.').max(200),
  description: z.string().max(2000).default(''),
  /** Community code whose default label the area takes (default `all` or the first current one). */
  community: z.string().max(64).optional(),
};

export const CustomAreaCreate = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('box'),
    /** `[west, south, east, north]`; `west > east` crosses the antimeridian. */
    box: z.array(z.number()).length(4, 'Give [west, south, east, north].'),
  }),
  z.object({ ...base, type: z.literal('polygon'), geometry: z.unknown() }),
  z.object({
    ...base,
    type: z.literal('geojson'),
    /** A Polygon/MultiPolygon, Feature or FeatureCollection. */
    geojson: z.unknown(),
    /** `each`: one area per feature; `union`: one area of all features. */
    mode: z.enum(['each', 'union']).default('each'),
  }),
]);
export type CustomAreaCreate = z.input<typeof CustomAreaCreate>;

export const CustomAreaCreated = z.object({
  areas: z.array(
    z.object({
      key: z.string(),
      kind: AreaKind,
      name: z.string(),
      /** Current incidents now assigned to the area that the creator may see. */
      assigned: z.number().int(),
      /** Area-month cells written. */
      cells: z.number().int(),
    }),
  ),
});
export type CustomAreaCreated = z.infer<typeof CustomAreaCreated>;

export const AreaKeyParams = z.object({ key: z.string().min(3).max(120) });

export const AreaDetail = z.object({
  key: z.string(),
  kind: AreaKind,
  name: z.string(),
  source: z.string(),
  iso3: z.string().nullable(),
  code: z.string().nullable(),
  description: z.string().nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  version: z.number().int(),
  /** GeoJSON Polygon/MultiPolygon; null for admin-1 areas. */
  geometry: z.unknown(),
  /** True for drawn and uploaded areas (which can be archived). */
  custom: z.boolean(),
});
export type AreaDetail = z.infer<typeof AreaDetail>;

export const AreaArchived = z.object({ key: z.string(), archived: z.literal(true) });
export type AreaArchived = z.infer<typeof AreaArchived>;

/** GET /incidents/areas: every usable area, with the admin-1 code and whether it is a custom one. */
export const AreaCatalogue = z.object({
  items: z.array(AnalysisAreaItem.extend({ code: z.string().nullable(), custom: z.boolean() })),
});
export type AreaCatalogue = z.infer<typeof AreaCatalogue>;
