CREATE TABLE "due_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_on" date,
	"submitted_by" uuid,
	"waived_reason" text,
	"waived_by" uuid,
	"waived_at" timestamp with time zone,
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
	CONSTRAINT "due_item_status" CHECK ("due_item"."status" IN ('pending','submitted_on_time','submitted_late','waived')),
	CONSTRAINT "due_item_waived_reason" CHECK ("due_item"."status" <> 'waived' OR ("due_item"."waived_reason" IS NOT NULL AND "due_item"."waived_by" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "due_item_subject_uq" ON "due_item" USING btree ("kind","subject_id","due_on");--> statement-breakpoint
CREATE INDEX "due_item_owner_due_idx" ON "due_item" USING btree ("owner_org_id","due_on");--> statement-breakpoint
CREATE INDEX "due_item_subject_idx" ON "due_item" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "due_item_label_idx" ON "due_item" USING btree ("label_id");