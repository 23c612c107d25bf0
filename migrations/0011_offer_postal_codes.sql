ALTER TABLE "offers" ADD COLUMN "postal_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "offers_postal_codes_idx" ON "offers" USING gin ("postal_codes");--> statement-breakpoint
-- The postcodes of places stored before this column existed.
UPDATE "offers" o SET "postal_codes" = coalesce((
	SELECT array_agg(DISTINCT l."postal_code" ORDER BY l."postal_code")
	FROM "offer_locations" ol JOIN "locations" l ON l."id" = ol."location_id"
	WHERE ol."offer_id" = o."id"), '{}');
