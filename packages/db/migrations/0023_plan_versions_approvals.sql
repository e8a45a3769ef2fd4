CREATE TABLE "plan_approval" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
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
CREATE TABLE "plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"content" jsonb NOT NULL,
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
CREATE UNIQUE INDEX "plan_approval_once" ON "plan_approval" USING btree ("plan_id","plan_version","org_id");--> statement-breakpoint
CREATE INDEX "plan_approval_plan_idx" ON "plan_approval" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_version_once" ON "plan_version" USING btree ("plan_id","plan_version");--> statement-breakpoint
-- Row-level security for plan versions and approvals, the rule of every labelled table (0001, with
-- the hashed label lookup of 0004, as in 0014 and 0022): label + community + party scope + TLP
-- (derived by the 0017 trigger from the label and the recipients copied from the plan). Both carry
-- their plan's label, so they are visible exactly where the plan is. Inserts and updates are checked
-- against the write labels. An approval is history: the application role may insert and read it,
-- never change or delete it. A version row is edited in place only until an owner approves it.
ALTER TABLE plan_version ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_version FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_version_owner ON plan_version TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY plan_version_read ON plan_version FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY plan_version_insert ON plan_version FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY plan_version_update ON plan_version FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
CREATE TRIGGER plan_version_tlp_derive BEFORE INSERT OR UPDATE ON plan_version FOR EACH ROW EXECUTE FUNCTION entente_tlp_derive();
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON plan_version TO entente_app;
--> statement-breakpoint
ALTER TABLE plan_approval ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_approval FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_approval_owner ON plan_approval TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY plan_approval_read ON plan_approval FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY plan_approval_insert ON plan_approval FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE TRIGGER plan_approval_tlp_derive BEFORE INSERT OR UPDATE ON plan_approval FOR EACH ROW EXECUTE FUNCTION entente_tlp_derive();
--> statement-breakpoint
GRANT SELECT, INSERT ON plan_approval TO entente_app;
