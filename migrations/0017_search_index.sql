CREATE TABLE "search_changes" (
	"offer_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_index_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"vocabulary_version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_changes_version_idx" ON "search_changes" USING btree ("version");--> statement-breakpoint
INSERT INTO "search_index_state" ("id", "version", "vocabulary_version") VALUES (true, 1, 1);
--> statement-breakpoint
-- Offer search keeps an index in each app instance; these triggers tell every instance which
-- offers to read again. One row of search_index_state is the version: a writer holds it until
-- commit, so a reader that sees version N sees every change numbered N or lower.
CREATE FUNCTION "search_note_changes"(changed uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	next_version bigint;
BEGIN
	IF coalesce(cardinality(changed), 0) = 0 THEN
		RETURN;
	END IF;
	UPDATE search_index_state SET version = version + 1 RETURNING version INTO next_version;
	INSERT INTO search_changes (offer_id, version)
	SELECT DISTINCT id, next_version FROM unnest(changed) AS id WHERE id IS NOT NULL
	ON CONFLICT (offer_id) DO UPDATE SET version = excluded.version;
END $$;
--> statement-breakpoint
CREATE FUNCTION "search_offers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM search_note_changes(array(SELECT id FROM changed));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "search_offer_parts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM search_note_changes(array(SELECT offer_id FROM changed));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "search_locations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM search_note_changes(array(
		SELECT ol.offer_id FROM changed c JOIN offer_locations ol ON ol.location_id = c.id));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "search_organizations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM search_note_changes(array(
		SELECT o.id FROM changed c JOIN offers o ON o.organization_id = c.id));
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Words for typo correction: no offer to read again, but cached corrections are stale.
CREATE FUNCTION "search_words_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_index_state SET version = version + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Categories, synonyms and postcodes: each instance reads the vocabularies again.
CREATE FUNCTION "search_vocabulary_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_index_state SET version = version + 1, vocabulary_version = version + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "offers_search_insert" AFTER INSERT ON "offers" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER "offers_search_update" AFTER UPDATE ON "offers" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER "offers_search_delete" AFTER DELETE ON "offers" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER "offer_locations_search_insert" AFTER INSERT ON "offer_locations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "offer_locations_search_update" AFTER UPDATE ON "offer_locations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "offer_locations_search_delete" AFTER DELETE ON "offer_locations" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "schedules_search_insert" AFTER INSERT ON "schedules" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "schedules_search_update" AFTER UPDATE ON "schedules" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "schedules_search_delete" AFTER DELETE ON "schedules" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_offer_parts_changed();
--> statement-breakpoint
CREATE TRIGGER "locations_search_update" AFTER UPDATE ON "locations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_locations_changed();
--> statement-breakpoint
CREATE TRIGGER "organizations_search_update" AFTER UPDATE ON "organizations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_organizations_changed();
--> statement-breakpoint
CREATE TRIGGER "search_words_search_insert" AFTER INSERT ON "search_words" FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed();
--> statement-breakpoint
CREATE TRIGGER "taxonomy_terms_search_change" AFTER INSERT OR UPDATE OR DELETE ON "taxonomy_terms" FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_changed();
--> statement-breakpoint
CREATE TRIGGER "search_synonyms_search_change" AFTER INSERT OR UPDATE OR DELETE ON "search_synonyms" FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_changed();
--> statement-breakpoint
CREATE TRIGGER "postal_areas_search_change" AFTER INSERT OR UPDATE OR DELETE ON "postal_areas" FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_changed();
