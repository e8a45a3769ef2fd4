-- Row-level security for downgrade requests, the same rule as every other labelled table (0001,
-- with the hashed label lookup of 0004, as in 0008): a request carries the record's current
-- label, community, party scope and TLP, so it is visible exactly where the record is. Inserts and
-- updates (approve, reject, withdraw) are checked against the write labels. No deletes: a request
-- is history.
ALTER TABLE relabel_request ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE relabel_request FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY relabel_request_owner ON relabel_request TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY relabel_request_read ON relabel_request FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY relabel_request_insert ON relabel_request FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY relabel_request_update ON relabel_request FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON relabel_request TO entente_app;
