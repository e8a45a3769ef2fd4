CREATE TABLE "record_field" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"field" text NOT NULL,
	"label_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_field_known" CHECK (("record_field"."record_kind" = 'partner' AND "record_field"."field" = 'sensitivityNotes') OR ("record_field"."record_kind" = 'cooperation_plan' AND "record_field"."field" = 'internalNotes'))
);
--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "partner_capacity" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "cooperation_plan" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "line_of_effort" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "objective" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "engagement" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "due_item" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "relabel_request" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation" ADD COLUMN "tlp_recipients" jsonb;--> statement-breakpoint
ALTER TABLE "record_field" ADD CONSTRAINT "record_field_label_id_label_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "record_field_uq" ON "record_field" USING btree ("record_kind","record_id","field");--> statement-breakpoint
CREATE INDEX "record_field_label_idx" ON "record_field" USING btree ("label_id");--> statement-breakpoint
-- TLP recipients (ACCESS.md §2, ADR 0006). `tlp_recipients` holds what the user entered
-- ({ orgIds, clientOrgIds?, userIds? }); this trigger derives the columns the read predicate and the
-- RLS policies already test (0001/0004), so that `org ∈ tlp_org_ids OR user ∈ tlp_user_ids` is exactly
-- checkTlp() of decide(): `tlp` is the label's TLP (never trusted from the writer); red admits the
-- named users only; amber_strict the users and orgIds; amber the users, orgIds and clientOrgIds;
-- clear/green/none admit everyone the label admits. A relabel recomputes them from the new colour.
CREATE FUNCTION entente_tlp_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := coalesce(NEW.tlp_recipients, '{}'::jsonb);
  orgs uuid[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'orgIds', '[]'::jsonb))::uuid);
  clients uuid[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'clientOrgIds', '[]'::jsonb))::uuid);
  users uuid[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'userIds', '[]'::jsonb))::uuid);
BEGIN
  NEW.tlp := (SELECT l.tlp FROM label l WHERE l.id = NEW.label_id);
  NEW.tlp_user_ids := CASE WHEN NEW.tlp IN ('amber', 'amber_strict', 'red') THEN users ELSE '{}'::uuid[] END;
  NEW.tlp_org_ids := CASE NEW.tlp WHEN 'amber' THEN orgs || clients WHEN 'amber_strict' THEN orgs ELSE '{}'::uuid[] END;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['partner','partner_capacity','agreement','objective','line_of_effort','cooperation_plan','initiative','engagement'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION entente_tlp_derive()', t || '_tlp_derive', t);
    EXECUTE format('UPDATE %I SET tlp_recipients = tlp_recipients', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Field labels: a field is readable when its own label is permitted AND its record is visible to the
-- subject (the EXISTS runs under the record table's own read policy), so a field of a hidden record
-- and a field above the reader are both simply absent. Writes need a write label and a visible record.
ALTER TABLE record_field ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE record_field FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY record_field_owner ON record_field TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION entente_field_record_visible(kind text, rid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE kind
    WHEN 'partner' THEN EXISTS (SELECT 1 FROM partner p WHERE p.id = rid)
    WHEN 'cooperation_plan' THEN EXISTS (SELECT 1 FROM cooperation_plan c WHERE c.id = rid)
    ELSE false END $$;
--> statement-breakpoint
CREATE POLICY record_field_read ON record_field FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND entente_field_record_visible(record_kind, record_id));
--> statement-breakpoint
CREATE POLICY record_field_insert ON record_field FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND entente_field_record_visible(record_kind, record_id));
--> statement-breakpoint
CREATE POLICY record_field_update ON record_field FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND entente_field_record_visible(record_kind, record_id))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND entente_field_record_visible(record_kind, record_id));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON record_field TO entente_app;
--> statement-breakpoint
-- The labels of ALL fields of one record, including fields above the caller, for the high-water
-- check before a record is downgraded (ids only, never values). SECURITY DEFINER, owner-only body.
CREATE FUNCTION entente_field_label_ids(kind text, rid uuid) RETURNS TABLE (field text, label_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT f.field, f.label_id FROM record_field f WHERE f.record_kind = kind AND f.record_id = rid $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION entente_field_label_ids(text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION entente_field_label_ids(text, uuid) TO entente_app;
