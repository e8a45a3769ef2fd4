CREATE TABLE "evaluation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"request" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	"engine_version" text NOT NULL,
	"profile" text NOT NULL,
	"dataset_code" text NOT NULL,
	"data_versions" jsonb NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"status_reason" text,
	"last_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"party_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tlp" text,
	"tlp_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tlp_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_subject_kind" CHECK ("evaluation"."subject_kind" IN ('engagement','initiative','objective')),
	CONSTRAINT "evaluation_status" CHECK ("evaluation"."status" IN ('current','stale','failed'))
);
--> statement-breakpoint
CREATE INDEX "evaluation_subject_idx" ON "evaluation" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "evaluation_dataset_idx" ON "evaluation" USING btree ("dataset_code");--> statement-breakpoint
CREATE INDEX "evaluation_label_idx" ON "evaluation" USING btree ("label_id");--> statement-breakpoint
-- Row-level security for stored evaluations, the same rule as every other labelled table (0001,
-- with the hashed label lookup of 0004, as in 0014). An evaluation carries its subject record's
-- community and party scope and a label that dominates the data it counted. Inserts and updates
-- (re-runs) are checked against the write labels. No deletes from the application role.
ALTER TABLE evaluation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE evaluation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY evaluation_owner ON evaluation TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY evaluation_read ON evaluation FOR SELECT TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids')))
    AND ((SELECT current_setting('entente.partner', true)) = 'false' OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (party_org_ids))
    AND (tlp IS NULL OR tlp IN ('clear','green') OR (SELECT entente_setting_uuid('entente.org_id')) = ANY (tlp_org_ids)
         OR (SELECT entente_setting_uuid('entente.user_id')) = ANY (tlp_user_ids)));
--> statement-breakpoint
CREATE POLICY evaluation_insert ON evaluation FOR INSERT TO entente_app WITH CHECK (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))));
--> statement-breakpoint
CREATE POLICY evaluation_update ON evaluation FOR UPDATE TO entente_app USING (
    label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
    AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
  WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids'))));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON evaluation TO entente_app;
