-- The first real import of a dataset that holds the synthetic demo incidents (licence 'synthetic',
-- generated when no ENTENTE_DEMO_DATA is set) replaces them: synthetic rows must never be counted
-- beside real ones. The app role may not delete incidents, so this narrow definer function does it,
-- and only for a dataset whose licence says synthetic; the caller (the import, in its transaction with
-- its audit event) then restores the dataset's real description.
CREATE FUNCTION entente_remove_synthetic(code text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE removed bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM incident_dataset d WHERE d.code = entente_remove_synthetic.code AND d.licence = 'synthetic') THEN
    RAISE EXCEPTION 'entente_remove_synthetic: % does not hold synthetic data', code;
  END IF;
  DELETE FROM area_month m WHERE m.source = entente_remove_synthetic.code;
  DELETE FROM incident_area ia USING incident i WHERE ia.incident_id = i.id AND i.source = entente_remove_synthetic.code;
  DELETE FROM incident i WHERE i.source = entente_remove_synthetic.code;
  GET DIAGNOSTICS removed = ROW_COUNT;
  UPDATE incident_dataset d SET row_count = 0, updated_at = now() WHERE d.code = entente_remove_synthetic.code;
  RETURN removed;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_remove_synthetic(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION entente_remove_synthetic(text) TO entente_app;
