CREATE TABLE "media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
ALTER TABLE "submissions" DROP CONSTRAINT "submissions_offer_id_offers_id_fk";
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "logo_media_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "entity_id" uuid;--> statement-breakpoint
CREATE INDEX "submissions_entity_idx" ON "submissions" USING btree ("entity_id");--> statement-breakpoint
-- Keep which offer each earlier submission created or changed.
UPDATE "submissions" SET "entity_id" = "offer_id";--> statement-breakpoint
ALTER TABLE "submissions" DROP COLUMN "offer_id";