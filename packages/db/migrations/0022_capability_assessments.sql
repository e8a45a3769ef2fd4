CREATE TABLE "capability_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_iso3" text NOT NULL,
	"subject_org_id" uuid NOT NULL,
	"capability_area" text NOT NULL,
	"method" text NOT NULL,
	"conducted_on" date NOT NULL,
	"findings" text NOT NULL,
	"gaps" text[] NOT NULL,
	"ratings" jsonb NOT NULL,
	"absorptive_capacity" jsonb NOT NULL,
	"risks" text[] NOT NULL,
	"evidence" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"assessor_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
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
ALTER TABLE "initiative" ADD COLUMN "capability_areas" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "covers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "supports_partner_forces" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "absorptive_capacity" jsonb;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "risk_assessment" jsonb;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "sustainment_plan" jsonb;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "evaluation_plan" jsonb;--> statement-breakpoint
ALTER TABLE "initiative" ADD COLUMN "capability_assessment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "capability_assessment" ADD CONSTRAINT "capability_assessment_partner_iso3_country_iso3_fk" FOREIGN KEY ("partner_iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capability_assessment_partner_idx" ON "capability_assessment" USING btree ("partner_iso3","capability_area");--> statement-breakpoint
CREATE INDEX "capability_assessment_label_idx" ON "capability_assessment" USING btree ("label_id");--> statement-breakpoint
-- Row-level security for capability assessments, the rule of every labelled table (0001, with the
-- hashed label lookup of 0004, as in 0016): label + community + party scope (partner roles see only
-- assessments their organisation is party to) + TLP (derived by the 0017 trigger). Inserts and
-- updates are checked against the write labels; the application role never deletes one (it is
-- superseded instead).
ALTER TABLE capability_assessment ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE capability_assessment FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY capability_assessment_owner ON capability_assessment TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY capability_assessment_read ON capability_assessment FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY capability_assessment_insert ON capability_assessment FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY capability_assessment_update ON capability_assessment FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
CREATE TRIGGER capability_assessment_tlp_derive BEFORE INSERT OR UPDATE ON capability_assessment FOR EACH ROW EXECUTE FUNCTION entente_tlp_derive();
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON capability_assessment TO entente_app;
