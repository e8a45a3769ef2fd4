CREATE TABLE "relabel_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"from_label_id" uuid NOT NULL,
	"to_label_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
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
	CONSTRAINT "relabel_request_status" CHECK ("relabel_request"."status" IN ('pending','approved','rejected','withdrawn')),
	CONSTRAINT "relabel_request_decided" CHECK ("relabel_request"."status" = 'pending' OR ("relabel_request"."decided_by" IS NOT NULL AND "relabel_request"."decided_at" IS NOT NULL)),
	CONSTRAINT "relabel_request_two_person" CHECK ("relabel_request"."status" <> 'approved' OR "relabel_request"."decided_by" <> "relabel_request"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "relabel_request" ADD CONSTRAINT "relabel_request_from_label_id_label_id_fk" FOREIGN KEY ("from_label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relabel_request" ADD CONSTRAINT "relabel_request_to_label_id_label_id_fk" FOREIGN KEY ("to_label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relabel_request" ADD CONSTRAINT "relabel_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relabel_request" ADD CONSTRAINT "relabel_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "relabel_request_one_pending_uq" ON "relabel_request" USING btree ("entity","entity_id") WHERE "relabel_request"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "relabel_request_entity_idx" ON "relabel_request" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "relabel_request_label_idx" ON "relabel_request" USING btree ("label_id");