-- incident_area is a derived cache written only by the import merge: no per-row FK checks on the bulk path.
ALTER TABLE "incident_area" DROP CONSTRAINT "incident_area_incident_id_incident_id_fk";
--> statement-breakpoint
ALTER TABLE "incident_area" DROP CONSTRAINT "incident_area_area_key_analysis_area_key_fk";
