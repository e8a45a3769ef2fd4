CREATE TABLE "custom_area" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"box" jsonb,
	"hash" text NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid
);
--> statement-breakpoint
CREATE INDEX "custom_area_label_idx" ON "custom_area" USING btree ("label_id","community_id");--> statement-breakpoint
-- Custom analysis areas (EVALUATION.md §2, ADR 0006). Their name, description and geometry are
-- labelled like incidents (label + community, no party scope, no TLP). No deletes: archiving sets
-- archived_at (column grant) and removes the area's memberships and panel cells through
-- entente_area_unassign().
ALTER TABLE custom_area ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE custom_area FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY custom_area_owner ON custom_area TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY custom_area_read ON custom_area FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY custom_area_insert ON custom_area FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY custom_area_update ON custom_area FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
GRANT SELECT, INSERT ON custom_area TO entente_app;
--> statement-breakpoint
GRANT UPDATE (archived_at, archived_by) ON custom_area TO entente_app;
--> statement-breakpoint
-- Assignment covers every incident and every area, whatever the subject may see (the cache is shared;
-- each cell keeps its incident's label, so reads stay scoped). These functions are the only way the
-- application role reaches rows outside its scope, and each does one narrow thing.
-- 1. The active custom areas with their geometry, for the import's area index (names are not returned).
CREATE FUNCTION entente_custom_areas() RETURNS TABLE (key text, kind text, source text, geometry jsonb, box jsonb, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.key, c.kind, c.source, c.geometry, c.box, c.hash FROM custom_area c
  WHERE c.archived_at IS NULL ORDER BY c.created_at, c.key
$$;
--> statement-breakpoint
-- 2. Current incidents inside the bounding box of an active custom area (the SQL prefilter); the exact
--    point-in-polygon test runs in the application with the import's own code.
CREATE FUNCTION entente_area_candidates(area text) RETURNS TABLE (id uuid, lon float8, lat float8)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, i.lon, i.lat
  FROM analysis_area a JOIN custom_area c ON c.key = a.key AND c.archived_at IS NULL
  JOIN incident i ON i.valid_to IS NULL AND i.lat BETWEEN a.south AND a.north
   AND (CASE WHEN a.west <= a.east THEN i.lon BETWEEN a.west AND a.east ELSE i.lon >= a.west OR i.lon <= a.east END)
  WHERE a.key = area
$$;
--> statement-breakpoint
-- 3. Rebuild the panel cells of one custom or admin-1 area from its memberships (current rows only, the
--    same cell rules as the import's merge). Idempotent.
CREATE FUNCTION entente_area_panel(area text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE cells bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM custom_area c WHERE c.key = area AND c.archived_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM analysis_area a WHERE a.key = area AND a.kind = 'admin1') THEN
    RAISE EXCEPTION 'entente_area_panel: % is not an active custom or admin-1 area', area;
  END IF;
  DELETE FROM area_month WHERE area_key = area;
  INSERT INTO area_month (area_key, month, source, source_series, event_type, event_subtype, date_class, loc_level,
    label_id, community_id, n, fatalities_best, fatalities_low, fatalities_high)
  SELECT ia.area_key, date_trunc('month', i.date_start)::date, i.source, coalesce(i.source_series, ''), i.event_type,
    i.event_subtype,
    CASE WHEN i.date_precision IN ('day', 'week') THEN 'fine'
         WHEN i.date_precision = 'month' AND date_trunc('month', i.date_start) = date_trunc('month', i.date_end) THEN 'month'
         ELSE 'coarse' END,
    i.loc_level, i.label_id, i.community_id, count(*), sum(coalesce(i.fatalities_best, 0)),
    sum(coalesce(i.fatalities_low, 0)), sum(coalesce(i.fatalities_high, 0))
  FROM incident_area ia JOIN incident i ON i.id = ia.incident_id
  WHERE ia.area_key = area AND i.valid_to IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
  GET DIAGNOSTICS cells = ROW_COUNT;
  RETURN cells;
END $$;
--> statement-breakpoint
-- 4. Remove the memberships and panel cells of an archived custom area.
CREATE FUNCTION entente_area_unassign(area text, OUT memberships bigint, OUT cells bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM custom_area c WHERE c.key = area AND c.archived_at IS NOT NULL) THEN
    RAISE EXCEPTION 'entente_area_unassign: % is not an archived custom area', area;
  END IF;
  DELETE FROM area_month WHERE area_key = area;
  GET DIAGNOSTICS cells = ROW_COUNT;
  DELETE FROM incident_area WHERE area_key = area;
  GET DIAGNOSTICS memberships = ROW_COUNT;
END $$;
--> statement-breakpoint
-- 5. Admin-1 memberships of current rows imported before the admin-1 areas existed (code membership).
CREATE FUNCTION entente_assign_admin1() RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE added bigint; k text;
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS admin1_added (area_key text) ON COMMIT DROP;
  WITH ins AS (
    INSERT INTO incident_area (incident_id, area_key, area_version, method, distance_km)
    SELECT i.id, a.key, a.version, 'code', NULL
    FROM incident i JOIN analysis_area a ON a.key = 'admin1:' || i.admin1_code AND a.kind = 'admin1'
    WHERE i.valid_to IS NULL AND i.admin1_code IS NOT NULL
    ON CONFLICT DO NOTHING RETURNING area_key)
  INSERT INTO admin1_added SELECT area_key FROM ins;
  SELECT count(*) INTO added FROM admin1_added;
  FOR k IN SELECT DISTINCT area_key FROM admin1_added LOOP PERFORM entente_area_panel(k); END LOOP;
  DELETE FROM admin1_added;
  RETURN added;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_custom_areas(), entente_area_candidates(text), entente_area_panel(text),
  entente_area_unassign(text), entente_assign_admin1() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION entente_custom_areas(), entente_area_candidates(text), entente_area_panel(text),
  entente_area_unassign(text), entente_assign_admin1() TO entente_app;
