-- Row-level security for the incident store (ACCESS.md §4.3, EVALUATION.md §1–§3). Incidents,
-- batches, rejections and the area-month panel are labelled by label + community; they have no
-- party scope and no TLP, so the policies repeat only those two parts of the predicate. Missing
-- settings give empty sets: no rows (fail closed). Rows are immutable except for closing
-- `incident.valid_to` (column-level UPDATE grant); panel cells are upserted per batch.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident','import_batch','import_rejection','area_month'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO entente_app WITH CHECK (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_insert', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['incident','area_month'] LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
      WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_update', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY area_month_delete ON area_month FOR DELETE TO entente_app USING (
  label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
  AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
GRANT SELECT, INSERT ON incident, import_batch, import_rejection, incident_area TO entente_app;
--> statement-breakpoint
GRANT UPDATE (valid_to) ON incident TO entente_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON area_month TO entente_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON incident_dataset, analysis_area TO entente_app;
