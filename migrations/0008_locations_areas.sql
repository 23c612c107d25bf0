CREATE TABLE "postal_areas" (
	"postal_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "locations" ALTER COLUMN "latitude" SET DATA TYPE double precision USING "latitude"::double precision;--> statement-breakpoint
ALTER TABLE "locations" ALTER COLUMN "longitude" SET DATA TYPE double precision USING "longitude"::double precision;--> statement-breakpoint
CREATE INDEX "offer_locations_location_idx" ON "offer_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "schedules_offer_idx" ON "schedules" USING btree ("offer_id");