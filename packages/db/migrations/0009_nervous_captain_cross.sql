CREATE TABLE "analysis_area" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"iso3" text,
	"code" text,
	"source" text NOT NULL,
	"geometry" jsonb,
	"west" double precision,
	"south" double precision,
	"east" double precision,
	"north" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"hash" text NOT NULL,
	"label_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_month" (
	"area_key" text NOT NULL,
	"month" date NOT NULL,
	"source" text NOT NULL,
	"source_series" text DEFAULT '' NOT NULL,
	"event_type" text NOT NULL,
	"event_subtype" text NOT NULL,
	"date_class" text NOT NULL,
	"loc_level" smallint NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"fatalities_best" bigint DEFAULT 0 NOT NULL,
	"fatalities_low" bigint DEFAULT 0 NOT NULL,
	"fatalities_high" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "area_month_area_key_source_month_source_series_event_type_event_subtype_date_class_loc_level_label_id_community_id_pk" PRIMARY KEY("area_key","source","month","source_series","event_type","event_subtype","date_class","loc_level","label_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text,
	"format" text,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"bytes" bigint NOT NULL,
	"scope" jsonb,
	"status" text NOT NULL,
	"read" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"superseded" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"warned" integer DEFAULT 0 NOT NULL,
	"mapping_version" integer NOT NULL,
	"dataset_version" integer,
	"source_version" text,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rejection" (
	"batch_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"seq" integer NOT NULL,
	"line" integer,
	"feature_index" integer,
	"code" text NOT NULL,
	"field" text,
	"message" text NOT NULL,
	"raw_excerpt" text NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "import_rejection_batch_id_seq_pk" PRIMARY KEY("batch_id","seq")
);
--> statement-breakpoint
CREATE TABLE "incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_event_id" text NOT NULL,
	"source_series" text,
	"date_start" date NOT NULL,
	"date_end" date NOT NULL,
	"date_precision" text NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"loc_level" smallint NOT NULL,
	"country_iso3" text,
	"admin1_code" text,
	"admin1_name" text,
	"event_type" text NOT NULL,
	"event_subtype" text NOT NULL,
	"source_type" text,
	"source_subtype" text,
	"fatalities_best" integer,
	"fatalities_low" integer,
	"fatalities_high" integer,
	"actors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raw" jsonb NOT NULL,
	"content_hash" "bytea" NOT NULL,
	"mapping_version" integer NOT NULL,
	"licence" text NOT NULL,
	"import_batch_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"quality_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" integer NOT NULL,
	"valid_to" integer
);
--> statement-breakpoint
CREATE TABLE "incident_area" (
	"incident_id" uuid NOT NULL,
	"area_key" text NOT NULL,
	"area_version" integer NOT NULL,
	"method" text NOT NULL,
	"distance_km" real,
	CONSTRAINT "incident_area_incident_id_area_key_pk" PRIMARY KEY("incident_id","area_key")
);
--> statement-breakpoint
CREATE TABLE "incident_dataset" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"source_version" text,
	"licence" text NOT NULL,
	"attribution" text NOT NULL,
	"rows_redistributable" boolean NOT NULL,
	"share_alike" boolean DEFAULT false NOT NULL,
	"accessed_on" date,
	"content_sha256" text,
	"code_system" text,
	"row_count" integer DEFAULT 0 NOT NULL,
	"caveats" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_source_incident_dataset_code_fk" FOREIGN KEY ("source") REFERENCES "public"."incident_dataset"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejection" ADD CONSTRAINT "import_rejection_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_source_incident_dataset_code_fk" FOREIGN KEY ("source") REFERENCES "public"."incident_dataset"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_import_batch_id_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_area" ADD CONSTRAINT "incident_area_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_area" ADD CONSTRAINT "incident_area_area_key_analysis_area_key_fk" FOREIGN KEY ("area_key") REFERENCES "public"."analysis_area"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_area_kind_idx" ON "analysis_area" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "import_batch_source_idx" ON "import_batch" USING btree ("source","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_current_key_uq" ON "incident" USING btree ("source","community_id","source_event_id") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "incident_key_idx" ON "incident" USING btree ("source","source_event_id");--> statement-breakpoint
CREATE INDEX "incident_date_idx" ON "incident" USING btree ("source","date_start");--> statement-breakpoint
CREATE INDEX "incident_country_idx" ON "incident" USING btree ("country_iso3","date_start");--> statement-breakpoint
CREATE INDEX "incident_batch_idx" ON "incident" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "incident_area_area_idx" ON "incident_area" USING btree ("area_key");