-- B1 (ADR 0008): the per-row foreign-key checks of `incident` (source, import_batch_id) cost a third
-- of the bulk INSERT of an import. Every row of one INSERT carries the same two values (constants of
-- the merge's INSERT … SELECT), so the import checks them once per batch in its transaction (the
-- dataset row locked FOR UPDATE, the batch inserted by the same transaction). The referenced side
-- keeps the foreign keys' protection through the guard triggers below: a dataset or batch that
-- incidents refer to cannot be deleted, truncated or re-keyed.
ALTER TABLE "incident" DROP CONSTRAINT "incident_source_incident_dataset_code_fk";
--> statement-breakpoint
ALTER TABLE "incident" DROP CONSTRAINT "incident_import_batch_id_import_batch_id_fk";
--> statement-breakpoint
-- Unused by any read (current rows are found through incident_current_key_uq); one B-tree less per inserted row.
DROP INDEX "incident_key_idx";
--> statement-breakpoint
CREATE FUNCTION entente_incident_ref_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    -- TRUNCATE of a referenced table: refused while any incident exists.
    IF EXISTS (SELECT 1 FROM incident) THEN
      RAISE EXCEPTION 'cannot truncate %: incidents refer to it', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'import_batch' THEN
    IF EXISTS (SELECT 1 FROM incident i WHERE i.import_batch_id = OLD.id) THEN
      RAISE EXCEPTION 'import batch % is referenced by incidents', OLD.id USING ERRCODE = 'foreign_key_violation';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM incident i WHERE i.source = OLD.code) THEN
    RAISE EXCEPTION 'dataset % is referenced by incidents', OLD.code USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_incident_ref_guard() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER import_batch_incident_ref_delete BEFORE DELETE ON import_batch
  FOR EACH ROW EXECUTE FUNCTION entente_incident_ref_guard();
--> statement-breakpoint
CREATE TRIGGER import_batch_incident_ref_rekey BEFORE UPDATE OF id ON import_batch
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION entente_incident_ref_guard();
--> statement-breakpoint
CREATE TRIGGER import_batch_incident_ref_truncate BEFORE TRUNCATE ON import_batch
  FOR EACH STATEMENT EXECUTE FUNCTION entente_incident_ref_guard();
--> statement-breakpoint
CREATE TRIGGER incident_dataset_incident_ref_delete BEFORE DELETE ON incident_dataset
  FOR EACH ROW EXECUTE FUNCTION entente_incident_ref_guard();
--> statement-breakpoint
CREATE TRIGGER incident_dataset_incident_ref_rekey BEFORE UPDATE OF code ON incident_dataset
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION entente_incident_ref_guard();
--> statement-breakpoint
CREATE TRIGGER incident_dataset_incident_ref_truncate BEFORE TRUNCATE ON incident_dataset
  FOR EACH STATEMENT EXECUTE FUNCTION entente_incident_ref_guard();
