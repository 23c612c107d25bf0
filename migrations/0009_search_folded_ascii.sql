ALTER TABLE "offers" drop column "search_folded";--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "search_folded" text GENERATED ALWAYS AS (replace(replace(replace(lower(coalesce("offers"."name"->>'da', '') || ' ' || coalesce("offers"."name"->>'en', '')), 'aa', 'å'), 'ae', 'æ'), 'oe', 'ø') || ' | ' || translate(lower(coalesce("offers"."name"->>'da', '') || ' ' || coalesce("offers"."name"->>'en', '')), 'æøåéèêëáàäöüó', 'aoaeeeeaaaouo')) STORED;--> statement-breakpoint
-- Dropping the column dropped its trigram index; make it again.
CREATE INDEX "offers_search_folded_idx" ON "offers" USING gin ("search_folded" gin_trgm_ops);
