CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"folded" text GENERATED ALWAYS AS (translate(word, 'æøåéèêëáàäöüó', 'aoaeeeeaaaouo')) STORED
);
--> statement-breakpoint
CREATE INDEX "search_words_folded_idx" ON "search_words" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
-- The vocabulary of the offers already stored.
INSERT INTO "search_words" ("word")
SELECT DISTINCT w FROM "offers",
	regexp_split_to_table(lower(coalesce("name"->>'da', '') || ' ' || coalesce("name"->>'en', '')), '[^[:alnum:]æøåéèêëáàäöüó]+') AS w
WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
ON CONFLICT DO NOTHING;
