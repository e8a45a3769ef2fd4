CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_iso3" text NOT NULL,
	"name" text NOT NULL,
	"rank" text,
	"position" text NOT NULL,
	"org_id" uuid NOT NULL,
	"nationality" char(3) NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"focal_point" boolean DEFAULT false NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"party_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tlp" text,
	"tlp_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tlp_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tlp_recipients" jsonb,
	"owner_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_field" DROP CONSTRAINT "record_field_known";--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_partner_iso3_country_iso3_fk" FOREIGN KEY ("partner_iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_partner_idx" ON "person" USING btree ("partner_iso3");--> statement-breakpoint
CREATE INDEX "person_label_idx" ON "person" USING btree ("label_id");--> statement-breakpoint
ALTER TABLE "record_field" ADD CONSTRAINT "record_field_known" CHECK (("record_field"."record_kind" = 'partner' AND "record_field"."field" = 'sensitivityNotes') OR ("record_field"."record_kind" = 'cooperation_plan' AND "record_field"."field" = 'internalNotes') OR ("record_field"."record_kind" = 'person' AND "record_field"."field" = 'contact'));--> statement-breakpoint
-- Row-level security for people, the rule of every labelled table (as 0022): label + community +
-- party scope (a partner liaison sees only people its organisation is party to) + TLP (derived by
-- the 0017 trigger). Inserts and updates are checked against the write labels; the application
-- role never deletes a person.
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_owner ON person TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_read ON person FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY person_insert ON person FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY person_update ON person FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
CREATE TRIGGER person_tlp_derive BEFORE INSERT OR UPDATE ON person FOR EACH ROW EXECUTE FUNCTION entente_tlp_derive();
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON person TO entente_app;
--> statement-breakpoint
-- Person.contact is a field label (ACCESS.md §2): a contact is readable only when its own label is
-- permitted AND the person is visible (the EXISTS runs under person's read policy, as for 0017).
CREATE OR REPLACE FUNCTION entente_field_record_visible(kind text, rid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE kind
    WHEN 'partner' THEN EXISTS (SELECT 1 FROM partner p WHERE p.id = rid)
    WHEN 'cooperation_plan' THEN EXISTS (SELECT 1 FROM cooperation_plan c WHERE c.id = rid)
    WHEN 'person' THEN EXISTS (SELECT 1 FROM person x WHERE x.id = rid)
    ELSE false END $$;
