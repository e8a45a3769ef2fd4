-- Signed checkpoints and the staging table for audited list reads (ACCESS.md §7, ADR 0005).
-- audit_checkpoint is append-only like audit_event. audit_read_stage takes INSERTs from
-- entente_app without any lock; only the flusher (owner connection, with the transaction-local
-- setting entente.audit_flush = 'on') may DELETE rows, in the transaction that chains them.
CREATE FUNCTION entente_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION entente_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION entente_append_only();
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_checkpoint TO entente_app;
--> statement-breakpoint
CREATE FUNCTION entente_read_stage_guard() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
  IF TG_OP = 'DELETE' AND current_user <> 'entente_app' AND current_setting('entente.audit_flush', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_read_stage is append-only (%)', TG_OP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_read_stage_no_change BEFORE UPDATE OR DELETE ON audit_read_stage FOR EACH ROW EXECUTE FUNCTION entente_read_stage_guard();
--> statement-breakpoint
CREATE TRIGGER audit_read_stage_no_truncate BEFORE TRUNCATE ON audit_read_stage FOR EACH STATEMENT EXECUTE FUNCTION entente_append_only();
--> statement-breakpoint
GRANT INSERT ON audit_read_stage TO entente_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_read_stage_id_seq TO entente_app;
