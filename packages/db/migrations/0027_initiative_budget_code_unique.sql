ALTER TABLE "initiative" ADD COLUMN "budget" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_community_code_uq" ON "initiative" USING btree ("community_id","code");