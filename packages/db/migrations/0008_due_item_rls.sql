-- Row-level security for due items, the same rule as every other labelled table (0001, with the
-- hashed label lookup of 0004): read and update only inside the subject's permitted labels and
-- communities, and, for partner subjects, only items their organisation is party to (a due item's
-- party is the organisation that owes it). Inserts are checked against the write labels.
ALTER TABLE due_item ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE due_item FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY due_item_owner ON due_item TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY due_item_read ON due_item FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY due_item_insert ON due_item FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY due_item_update ON due_item FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON due_item TO entente_app;
