CREATE TABLE "engagement_rollup" (
	"bucket" integer NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"n" bigint NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "engagement_rollup_bucket_label_id_community_id_dim_key_pk" PRIMARY KEY("bucket","label_id","community_id","dim","key")
);
--> statement-breakpoint
-- What one engagement contributes to the dashboard roll-up: one row per (year bucket, dimension,
-- key). Bucket 0 holds every engagement; bucket Y those whose planned window overlaps year Y (the
-- dashboard's year filter). Objectives, partners and regions count once per engagement (an
-- element counts where it first occurs: no per-row DISTINCT, which costs a hash table per row). No SET
-- clause, so that the planner inlines it; its callers are SECURITY DEFINER with a fixed search_path.
-- `regions` maps ISO3 → region (built once per statement from `country`: a lookup per row cost more
-- than the rest of the roll-up).
CREATE FUNCTION entente_engagement_rollup_rows(e_type text, e_objective_ids uuid[], e_partner_iso3s text[], e_start date, e_end date, e_cost numeric, regions jsonb)
  RETURNS TABLE (bucket int, dim text, key text, cost numeric)
  LANGUAGE sql STABLE AS $$
  SELECT b.bucket, d.dim, d.key, d.cost
  FROM (SELECT 0 AS bucket UNION ALL SELECT generate_series(extract(year FROM e_start)::int, extract(year FROM e_end)::int)) b
  CROSS JOIN (
    SELECT 'total' AS dim, '' AS key, e_cost AS cost
    UNION ALL SELECT 'type', e_type, e_cost
    UNION ALL SELECT 'year', extract(year FROM e_start)::int::text, e_cost
    UNION ALL SELECT 'objective', o.k::text, 0 FROM unnest(e_objective_ids) WITH ORDINALITY o(k, i) WHERE o.k <> ALL (e_objective_ids[1:o.i - 1])
    UNION ALL SELECT 'partner', p.k, 0 FROM unnest(e_partner_iso3s) WITH ORDINALITY p(k, i) WHERE p.k <> ALL (e_partner_iso3s[1:p.i - 1])
    UNION ALL SELECT 'region', r.k, 0
      FROM (SELECT ARRAY(SELECT coalesce(regions->>u.iso3, 'Unknown') FROM unnest(e_partner_iso3s) u(iso3)) AS a) g
      CROSS JOIN LATERAL unnest(g.a) WITH ORDINALITY r(k, i) WHERE r.k <> ALL (g.a[1:r.i - 1])
  ) d
$$;
--> statement-breakpoint
-- Applies one statement's changes: -1 per old row, +1 per new row (transition tables), after
-- removing the rows an UPDATE left unchanged in every counted column (a status transition changes
-- nothing here). Only rows any holder of their label and community may see are counted (TLP
-- absent, CLEAR or GREEN); the dashboard reads TLP:AMBER/RED rows from the table. Keys are upserted
-- in order so that concurrent writers lock them in the same order.
CREATE FUNCTION entente_engagement_rollup_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  cols text := 'label_id, community_id, tlp, type, objective_ids, partner_iso3s, planned_start, planned_end, planned_cost';
  src text;
BEGIN
  src := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', cols)
    ELSE format('SELECT -1 AS sign, * FROM (SELECT %1$s FROM old_rows EXCEPT ALL SELECT %1$s FROM new_rows) o
                 UNION ALL SELECT 1, * FROM (SELECT %1$s FROM new_rows EXCEPT ALL SELECT %1$s FROM old_rows) n', cols)
  END;
  EXECUTE format($q$
    INSERT INTO engagement_rollup AS r (bucket, label_id, community_id, dim, key, n, cost)
    SELECT x.bucket, d.label_id, d.community_id, x.dim, x.key, sum(d.sign), sum(d.sign * x.cost)
    FROM (%s) d CROSS JOIN (SELECT jsonb_object_agg(iso3, region) AS m FROM country) reg
    CROSS JOIN LATERAL entente_engagement_rollup_rows(d.type, d.objective_ids, d.partner_iso3s, d.planned_start, d.planned_end, d.planned_cost, reg.m) x
    WHERE d.tlp IS NULL OR d.tlp IN ('clear','green')
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d.sign) <> 0 OR sum(d.sign * x.cost) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (bucket, label_id, community_id, dim, key) DO UPDATE SET n = r.n + excluded.n, cost = r.cost + excluded.cost$q$, src);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION entente_engagement_rollup_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  TRUNCATE engagement_rollup;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rebuilds the roll-up from the table (after this migration; or by an operator if the states'
-- regions in `country` change, which the roll-up reads at write time).
CREATE FUNCTION entente_engagement_rollup_rebuild() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public SET work_mem = '64MB' AS $$
  DELETE FROM engagement_rollup;
  INSERT INTO engagement_rollup (bucket, label_id, community_id, dim, key, n, cost)
  SELECT x.bucket, e.label_id, e.community_id, x.dim, x.key, count(*), sum(x.cost)
  FROM engagement e CROSS JOIN (SELECT jsonb_object_agg(iso3, region) AS m FROM country) reg
  CROSS JOIN LATERAL entente_engagement_rollup_rows(e.type, e.objective_ids, e.partner_iso3s, e.planned_start, e.planned_end, e.planned_cost, reg.m) x
  WHERE e.tlp IS NULL OR e.tlp IN ('clear','green')
  GROUP BY 1, 2, 3, 4, 5;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_engagement_rollup_rows(text, uuid[], text[], date, date, numeric, jsonb), entente_engagement_rollup_apply(),
  entente_engagement_rollup_truncate(), entente_engagement_rollup_rebuild() FROM PUBLIC;
--> statement-breakpoint
-- The dashboard applies the same expansion to the few TLP:AMBER/RED rows it reads from the table.
GRANT EXECUTE ON FUNCTION entente_engagement_rollup_rows(text, uuid[], text[], date, date, numeric, jsonb) TO entente_app;
--> statement-breakpoint
CREATE TRIGGER engagement_rollup_insert AFTER INSERT ON engagement REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_engagement_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER engagement_rollup_update AFTER UPDATE ON engagement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_engagement_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER engagement_rollup_delete AFTER DELETE ON engagement REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_engagement_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER engagement_rollup_truncate AFTER TRUNCATE ON engagement
  FOR EACH STATEMENT EXECUTE FUNCTION entente_engagement_rollup_truncate();
--> statement-breakpoint
SELECT entente_engagement_rollup_rebuild();
--> statement-breakpoint
-- The app reads the roll-up only (the triggers write it as the owner). The read policy repeats the
-- scoped read's label and community test, and gives partner-scoped sessions nothing: party scope
-- cannot be applied to pre-aggregated rows, so their dashboard reads the table.
ALTER TABLE engagement_rollup ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON engagement_rollup TO entente_app;
--> statement-breakpoint
CREATE POLICY engagement_rollup_read ON engagement_rollup FOR SELECT TO entente_app USING (
  (SELECT current_setting('entente.partner', true)) = 'false'
  AND label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
  AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
-- The TLP:AMBER/RED engagements the dashboard adds to the roll-up: few, found by this index.
CREATE INDEX engagement_tlp_restricted_idx ON engagement (planned_start) WHERE NOT (tlp IS NULL OR tlp IN ('clear','green'));
