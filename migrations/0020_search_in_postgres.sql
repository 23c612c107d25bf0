-- Search runs in PostgreSQL alone (issue 14): the in-memory indexes are gone, and with them the
-- triggers and tables that told each instance what changed (migrations 0017 and 0018).
DROP TRIGGER IF EXISTS "offers_search_insert" ON "offers";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offers_search_update" ON "offers";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offers_search_delete" ON "offers";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offer_locations_search_insert" ON "offer_locations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offer_locations_search_update" ON "offer_locations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offer_locations_search_delete" ON "offer_locations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "schedules_search_insert" ON "schedules";--> statement-breakpoint
DROP TRIGGER IF EXISTS "schedules_search_update" ON "schedules";--> statement-breakpoint
DROP TRIGGER IF EXISTS "schedules_search_delete" ON "schedules";--> statement-breakpoint
DROP TRIGGER IF EXISTS "locations_search_update" ON "locations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "organizations_search_update" ON "organizations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "search_words_search_insert" ON "search_words";--> statement-breakpoint
DROP TRIGGER IF EXISTS "taxonomy_terms_search_change" ON "taxonomy_terms";--> statement-breakpoint
DROP TRIGGER IF EXISTS "search_synonyms_search_change" ON "search_synonyms";--> statement-breakpoint
DROP TRIGGER IF EXISTS "postal_areas_search_change" ON "postal_areas";--> statement-breakpoint
DROP TRIGGER IF EXISTS "opportunities_posting_insert" ON "opportunities";--> statement-breakpoint
DROP TRIGGER IF EXISTS "opportunities_posting_update" ON "opportunities";--> statement-breakpoint
DROP TRIGGER IF EXISTS "opportunities_posting_delete" ON "opportunities";--> statement-breakpoint
DROP TRIGGER IF EXISTS "organizations_posting_update" ON "organizations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "postal_areas_posting_change" ON "postal_areas";--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_offers_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_offer_parts_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_locations_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_organizations_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_words_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_vocabulary_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "search_note_changes"(uuid[]);--> statement-breakpoint
DROP FUNCTION IF EXISTS "posting_opportunities_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "posting_organizations_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "posting_areas_changed"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "posting_note_changes"(uuid[]);--> statement-breakpoint
DROP TABLE "search_changes" CASCADE;--> statement-breakpoint
DROP TABLE "search_index_state" CASCADE;--> statement-breakpoint
DROP TABLE "posting_changes" CASCADE;--> statement-breakpoint
DROP TABLE "posting_index_state" CASCADE;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "sort_da" text GENERATED ALWAYS AS (translate(replace(lower(coalesce("offers"."name"->>'da', '')), 'aa', 'å'), 'æäøöåéèêëáàâíìîïóòôúùûüñç', '{{||}eeeeaaaiiiiooouuuunc')) STORED;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "sort_en" text GENERATED ALWAYS AS (translate(lower(coalesce("offers"."name"->>'en', "offers"."name"->>'da', '')), 'äöåéèêëáàâíìîïóòôúùûüñç', 'aoaeeeeaaaiiiiooouuuunc')) STORED;--> statement-breakpoint
-- Job titles join the vocabulary that typos are corrected against.
INSERT INTO "search_words" ("word")
SELECT DISTINCT w FROM "opportunities",
	regexp_split_to_table(lower(coalesce("title"->>'da', '') || ' ' || coalesce("title"->>'en', '')), '[^[:alnum:]æøåéèêëáàäöüó]+') AS w
WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
ON CONFLICT DO NOTHING;
