-- Due items and downgrade requests are visible exactly where their record is (0008, 0014), so they
-- must also carry its TLP columns (derived by 0017): copied from the record on every write of the
-- item, and pushed to the items whenever the record's TLP columns change (recipients or relabel).
-- Without this a due item of a TLP:AMBER agreement would be listed to non-recipients.
CREATE FUNCTION entente_tlp_of(kind text, rid uuid, OUT o_tlp text, OUT o_org_ids uuid[], OUT o_user_ids uuid[])
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF kind = 'engagement' THEN
    SELECT e.tlp, e.tlp_org_ids, e.tlp_user_ids INTO o_tlp, o_org_ids, o_user_ids FROM engagement e WHERE e.id = rid;
  ELSIF kind = 'agreement' THEN
    SELECT a.tlp, a.tlp_org_ids, a.tlp_user_ids INTO o_tlp, o_org_ids, o_user_ids FROM agreement a WHERE a.id = rid;
  END IF;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_tlp_of(text, uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION entente_due_item_tlp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r record;
BEGIN
  IF NEW.subject_kind IN ('engagement', 'agreement') THEN
    SELECT * INTO r FROM entente_tlp_of(NEW.subject_kind, NEW.subject_id);
    NEW.tlp := r.o_tlp;
    NEW.tlp_org_ids := coalesce(r.o_org_ids, '{}'::uuid[]);
    NEW.tlp_user_ids := coalesce(r.o_user_ids, '{}'::uuid[]);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION entente_relabel_request_tlp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r record;
BEGIN
  IF NEW.entity IN ('engagement', 'agreement') THEN
    SELECT * INTO r FROM entente_tlp_of(NEW.entity, NEW.entity_id);
    NEW.tlp := r.o_tlp;
    NEW.tlp_org_ids := coalesce(r.o_org_ids, '{}'::uuid[]);
    NEW.tlp_user_ids := coalesce(r.o_user_ids, '{}'::uuid[]);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER due_item_tlp_inherit BEFORE INSERT OR UPDATE ON due_item FOR EACH ROW EXECUTE FUNCTION entente_due_item_tlp();
--> statement-breakpoint
CREATE TRIGGER relabel_request_tlp_inherit BEFORE INSERT OR UPDATE ON relabel_request FOR EACH ROW EXECUTE FUNCTION entente_relabel_request_tlp();
--> statement-breakpoint
CREATE FUNCTION entente_tlp_propagate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF (NEW.tlp, NEW.tlp_org_ids, NEW.tlp_user_ids) IS DISTINCT FROM (OLD.tlp, OLD.tlp_org_ids, OLD.tlp_user_ids) THEN
    UPDATE due_item SET tlp = NEW.tlp WHERE subject_kind = TG_TABLE_NAME AND subject_id = NEW.id;
    UPDATE relabel_request SET tlp = NEW.tlp WHERE entity = TG_TABLE_NAME AND entity_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER engagement_tlp_propagate AFTER UPDATE ON engagement FOR EACH ROW EXECUTE FUNCTION entente_tlp_propagate();
--> statement-breakpoint
CREATE TRIGGER agreement_tlp_propagate AFTER UPDATE ON agreement FOR EACH ROW EXECUTE FUNCTION entente_tlp_propagate();
--> statement-breakpoint
UPDATE due_item SET tlp = tlp;
--> statement-breakpoint
UPDATE relabel_request SET tlp = tlp;
