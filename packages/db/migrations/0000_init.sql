CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"org_id" uuid NOT NULL,
	"nationality" text NOT NULL,
	"partner" boolean DEFAULT false NOT NULL,
	"roles" text[] NOT NULL,
	"clearances" jsonb NOT NULL,
	"totp_secret_enc" text,
	"totp_last_step" integer,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"lock_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "community" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"floor_label_id" uuid NOT NULL,
	"ceiling_label_id" uuid NOT NULL,
	"default_label_id" uuid NOT NULL,
	CONSTRAINT "community_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "label" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy" text NOT NULL,
	"level" text NOT NULL,
	"restrictive" text[] NOT NULL,
	"releasable_to" text[] NOT NULL,
	"handling" text[] NOT NULL,
	"tlp" text,
	"canonical" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"assurance" text NOT NULL,
	"mfa_pending" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_community" (
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "user_community_user_id_community_id_valid_from_pk" PRIMARY KEY("user_id","community_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "country" (
	"iso3" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"region" text NOT NULL,
	"subregion" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"un_member" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_source" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_authority" text NOT NULL,
	"expiry" date,
	CONSTRAINT "funding_source_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_iso3" text NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" text NOT NULL,
	"iso3" text,
	"parent_org_id" uuid,
	"founded_on" date,
	"source_url" text,
	CONSTRAINT "organisation_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iso3" text NOT NULL,
	"relationship_tier" text DEFAULT 'other' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"allowed_types" text[],
	"notes" text,
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
	CONSTRAINT "partner_iso3_unique" UNIQUE("iso3")
);
--> statement-breakpoint
CREATE TABLE "partner_capacity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_iso3" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"max_concurrent_engagements" integer NOT NULL,
	"max_trainees_per_month" integer,
	"blackouts" jsonb DEFAULT '[]'::jsonb NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"partner_iso3s" text[] NOT NULL,
	"signed_on" date,
	"in_force_from" date,
	"expires_on" date,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"covers_types" text[] NOT NULL,
	"status" text NOT NULL,
	"document_ref" text NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner_org_ids" uuid[] NOT NULL,
	"partner_iso3s" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"review_cycle_months" integer DEFAULT 24 NOT NULL,
	"partner_priorities" text[] NOT NULL,
	"goals" jsonb NOT NULL,
	"plan_version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"plan_id" uuid,
	"line_of_effort_ids" uuid[] NOT NULL,
	"partner_iso3s" text[] NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"significance" text NOT NULL,
	"problem_statement" text NOT NULL,
	"theory_of_change" text NOT NULL,
	"logic_model" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_of_effort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"priority" integer NOT NULL,
	"threat_focus" text[] NOT NULL,
	"region_codes" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"summary" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"initiative_id" uuid NOT NULL,
	"plan_id" uuid,
	"partner_iso3s" text[] NOT NULL,
	"objective_ids" uuid[] NOT NULL,
	"logic_node_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_org_id" uuid NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_cost" numeric(14, 2) NOT NULL,
	"actual_cost" numeric(14, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"funding_source_id" uuid,
	"outcome_summary" text,
	"proposed_by" uuid,
	"approved_by" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(code,'') || ' ' || coalesce(title,'') || ' ' || coalesce(summary,'') || ' ' || coalesce(outcome_summary,''))) STORED,
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
	CONSTRAINT "engagement_golden_thread" CHECK (cardinality("engagement"."objective_ids") >= 1),
	CONSTRAINT "engagement_dates" CHECK ("engagement"."planned_start" <= "engagement"."planned_end")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_org_id" uuid,
	"actor_kind" text NOT NULL,
	"session_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"entity_version" integer,
	"label_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"request_id" text,
	"before" jsonb,
	"after" jsonb,
	"details" jsonb,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_floor_label_id_label_id_fk" FOREIGN KEY ("floor_label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_ceiling_label_id_label_id_fk" FOREIGN KEY ("ceiling_label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_default_label_id_label_id_fk" FOREIGN KEY ("default_label_id") REFERENCES "public"."label"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_community" ADD CONSTRAINT "user_community_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_community" ADD CONSTRAINT "user_community_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_member_iso3_country_iso3_fk" FOREIGN KEY ("member_iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_iso3_country_iso3_fk" FOREIGN KEY ("iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_iso3_country_iso3_fk" FOREIGN KEY ("iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_capacity" ADD CONSTRAINT "partner_capacity_partner_iso3_country_iso3_fk" FOREIGN KEY ("partner_iso3") REFERENCES "public"."country"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_member_idx" ON "membership" USING btree ("member_iso3");--> statement-breakpoint
CREATE INDEX "membership_org_idx" ON "membership" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "organisation_iso3_idx" ON "organisation" USING btree ("iso3");--> statement-breakpoint
CREATE INDEX "partner_label_idx" ON "partner" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "agreement_partners_idx" ON "agreement" USING gin ("partner_iso3s");--> statement-breakpoint
CREATE INDEX "agreement_expires_idx" ON "agreement" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "objective_parent_idx" ON "objective" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "engagement_start_idx" ON "engagement" USING btree ("planned_start","id");--> statement-breakpoint
CREATE INDEX "engagement_label_idx" ON "engagement" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "engagement_partners_idx" ON "engagement" USING gin ("partner_iso3s");--> statement-breakpoint
CREATE INDEX "engagement_objectives_idx" ON "engagement" USING gin ("objective_ids");--> statement-breakpoint
CREATE INDEX "engagement_party_idx" ON "engagement" USING gin ("party_org_ids");--> statement-breakpoint
CREATE INDEX "engagement_search_idx" ON "engagement" USING gin ("search");--> statement-breakpoint
CREATE INDEX "engagement_type_idx" ON "engagement" USING btree ("type");