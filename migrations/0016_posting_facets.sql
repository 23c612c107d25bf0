DROP INDEX "opportunities_open_idx";--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "facet_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "opportunities" SET "facet_key" = "type" || '|' || array_to_string("fields", ',') || '|' || array_to_string("levels", ',');--> statement-breakpoint
CREATE INDEX "opportunities_open_idx" ON "opportunities" USING btree ("expires_at","facet_key","english_friendly","hours_per_week","deadline","postal_code","latitude","longitude","remote","created_at","id");