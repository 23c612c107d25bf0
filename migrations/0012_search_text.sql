DROP INDEX "offers_search_da_idx";--> statement-breakpoint
DROP INDEX "offers_search_en_idx";--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce("offers"."name"->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce("offers"."description"->>'da', '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("offers"."name"->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("offers"."description"->>'en', '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "offers_search_text_idx" ON "offers" USING gin ("search_text");--> statement-breakpoint
ALTER TABLE "offers" DROP COLUMN "search_da";--> statement-breakpoint
ALTER TABLE "offers" DROP COLUMN "search_en";