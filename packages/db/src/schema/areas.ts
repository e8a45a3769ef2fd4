/**
 * Custom analysis areas (EVALUATION.md §2, ADR 0006): drawn polygons and boxes and uploaded GeoJSON.
 * Their name, description and geometry may be sensitive (a drawn box can reveal a planned operating
 * area), so they live here, labelled by label + community under RLS like incidents. `analysis_area`
 * keeps a neutral row (key, kind, hash, version, label_id) so the import can join memberships to it
 * without seeing the sensitive parts; the import reads the geometry through a SECURITY DEFINER
 * function (migration `custom_areas`), never through the subject's scope.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const customArea = pgTable(
  'custom_area',
  {
    /** `poly:<uuid>` or `bbox:<uuid>`; the same key as in `analysis_area`. */
    key: text('key').primaryKey(),
    /** `polygon` or `box`. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** `drawn`, `imported` or `user` (box). */
    source: text('source').notNull(),
    /** Normalised GeoJSON Polygon/MultiPolygon (split at the antimeridian). */
    geometry: jsonb('geometry').notNull(),
    /** `[west, south, east, north]` as given, for boxes only (`west > east` crosses the antimeridian). */
    box: jsonb('box'),
    hash: text('hash').notNull(),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    /** Archived areas keep their row (evaluations may name them) but lose their assignments. */
    archivedAt: at('archived_at'),
    archivedBy: uuid('archived_by'),
  },
  (t) => [index('custom_area_label_idx').on(t.labelId, t.communityId)],
);
