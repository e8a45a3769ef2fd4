CREATE TABLE "monitor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"area_key" text NOT NULL,
	"source" text NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"series_from" date,
	"rho" double precision DEFAULT 2 NOT NULL,
	"target_arl" integer DEFAULT 100 NOT NULL,
	"bocpd_threshold" double precision DEFAULT 0.5 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "monitor_rho" CHECK ("monitor"."rho" >= 1.5 AND "monitor"."rho" <= 3),
	CONSTRAINT "monitor_arl" CHECK ("monitor"."target_arl" >= 60 AND "monitor"."target_arl" <= 120),
	CONSTRAINT "monitor_bocpd" CHECK ("monitor"."bocpd_threshold" > 0 AND "monitor"."bocpd_threshold" < 1)
);
--> statement-breakpoint
CREATE TABLE "monitor_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"monitor_id" uuid NOT NULL,
	"month" date NOT NULL,
	"detector" text NOT NULL,
	"statistic" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"expected" double precision,
	"observed" integer NOT NULL,
	"episode_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"note" text,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_alert_detector" CHECK ("monitor_alert"."detector" IN ('shewhart','cusum','bocpd')),
	CONSTRAINT "monitor_alert_status" CHECK ("monitor_alert"."status" IN ('open','acknowledged')),
	CONSTRAINT "monitor_alert_ack" CHECK ("monitor_alert"."status" = 'open' OR ("monitor_alert"."acknowledged_by" IS NOT NULL AND "monitor_alert"."acknowledged_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "monitor_state" (
	"monitor_id" uuid PRIMARY KEY NOT NULL,
	"monitor_version" integer NOT NULL,
	"last_month" date,
	"arl" double precision,
	"arl_se" double precision,
	"h" double precision,
	"insufficient_baseline" boolean DEFAULT false NOT NULL,
	"counted_label_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"result" jsonb NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor" ADD CONSTRAINT "monitor_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_alert" ADD CONSTRAINT "monitor_alert_monitor_id_monitor_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_alert" ADD CONSTRAINT "monitor_alert_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_state" ADD CONSTRAINT "monitor_state_monitor_id_monitor_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_source_idx" ON "monitor" USING btree ("source");--> statement-breakpoint
CREATE INDEX "monitor_label_idx" ON "monitor" USING btree ("label_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_alert_uq" ON "monitor_alert" USING btree ("monitor_id","month","detector");--> statement-breakpoint
CREATE INDEX "monitor_alert_status_idx" ON "monitor_alert" USING btree ("status","monitor_id");--> statement-breakpoint
-- Row-level security for watch areas (EVALUATION.md §4.8), the incident store's rule (0010):
-- monitors, their alerts and their last evaluation are labelled by label + community (no party
-- scope, no TLP). Missing settings give empty sets: no rows (fail closed). Inserts and updates are
-- checked against the write labels; nothing is deleted (a monitor is disabled, an alert acknowledged).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['monitor','monitor_alert','monitor_state'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR INSERT TO entente_app WITH CHECK (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_insert', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR UPDATE TO entente_app USING (
        label_id IN (SELECT unnest(entente_setting_uuids('entente.label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))
      WITH CHECK (label_id IN (SELECT unnest(entente_setting_uuids('entente.write_label_ids')))
        AND community_id IN (SELECT unnest(entente_setting_uuids('entente.community_ids'))))$p$, t || '_update', t);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON monitor, monitor_alert, monitor_state TO entente_app;
