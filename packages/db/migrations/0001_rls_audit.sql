-- Row-level security (the second line of defence, ACCESS.md §4.3), the append-only audit
-- log, and the privileges of the application role. The role `entente_app` is created by the
-- migrator before this runs; it is NOSUPERUSER NOBYPASSRLS and owns nothing.
CREATE FUNCTION entente_setting_uuids(name text) RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting(name, true), '')::uuid[] $$;
--> statement-breakpoint
CREATE FUNCTION entente_setting_uuid(name text) RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting(name, true), '')::uuid $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['partner','partner_capacity','agreement','objective','line_of_effort','cooperation_plan','initiative','engagement'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO entente_app USING (
        label_id = ANY ((SELECT entente_setting_uuids('entente.label_ids'))::uuid[])
        AND community_id = ANY ((SELECT entente_setting_uuids('entente.community_ids'))::uuid[])
        AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
        AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
             OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)))$p$, t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO entente_app WITH CHECK (
        label_id = ANY ((SELECT entente_setting_uuids('entente.write_label_ids'))::uuid[])
        AND community_id = ANY ((SELECT entente_setting_uuids('entente.community_ids'))::uuid[]))$p$, t || '_insert', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO entente_app USING (
        label_id = ANY ((SELECT entente_setting_uuids('entente.label_ids'))::uuid[])
        AND community_id = ANY ((SELECT entente_setting_uuids('entente.community_ids'))::uuid[]))
      WITH CHECK (label_id = ANY ((SELECT entente_setting_uuids('entente.write_label_ids'))::uuid[]))$p$, t || '_update', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO entente_app', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_event_owner ON audit_event TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_event_read ON audit_event FOR SELECT TO entente_app
  USING (label_id = ANY ((SELECT entente_setting_uuids('entente.label_ids'))::uuid[]));
--> statement-breakpoint
CREATE POLICY audit_event_insert ON audit_event FOR INSERT TO entente_app WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION entente_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_event is append-only (%)', TG_OP; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION entente_audit_immutable();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION entente_audit_immutable();
--> statement-breakpoint
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_event TO entente_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON audit_head TO entente_app;
--> statement-breakpoint
GRANT SELECT ON label, community, country, organisation, membership, funding_source TO entente_app;
--> statement-breakpoint
GRANT INSERT ON label, organisation, membership TO entente_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON app_user, user_community TO entente_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON session TO entente_app;
