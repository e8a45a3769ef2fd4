-- The read policies compared label_id with an array produced by an InitPlan, which PostgreSQL
-- scans linearly for every row (only constant arrays get a hashed ScalarArrayOp). With hundreds
-- of permitted labels that cost seconds on 100,000 rows. `IN (SELECT unnest(...))` is planned as
-- a hashed subplan: one hash probe per row. Same rule, same fail-closed behaviour (no setting →
-- an empty set → no rows).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['partner','partner_capacity','agreement','objective','line_of_effort','cooperation_plan','initiative','engagement'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
        AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
        AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
             OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)))$p$, t || '_read', t);
    EXECUTE format('DROP POLICY %I ON %I', t || '_update', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
      WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))))$p$, t || '_update', t);
  END LOOP;
END $$;
--> statement-breakpoint
DROP POLICY audit_event_read ON audit_event;
--> statement-breakpoint
CREATE POLICY audit_event_read ON audit_event FOR SELECT TO entente_app
  USING (label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids'))));
