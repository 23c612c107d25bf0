CREATE TABLE "posting_changes" (
	"opportunity_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_index_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"areas_version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "posting_changes_version_idx" ON "posting_changes" USING btree ("version");--> statement-breakpoint
INSERT INTO "posting_index_state" ("id", "version", "areas_version") VALUES (true, 1, 1);
--> statement-breakpoint
-- Job search keeps an index in each app instance, as offer search does (0017); these triggers
-- tell every instance which postings to read again.
CREATE FUNCTION "posting_note_changes"(changed uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	next_version bigint;
BEGIN
	IF coalesce(cardinality(changed), 0) = 0 THEN
		RETURN;
	END IF;
	UPDATE posting_index_state SET version = version + 1 RETURNING version INTO next_version;
	INSERT INTO posting_changes (opportunity_id, version)
	SELECT DISTINCT id, next_version FROM unnest(changed) AS id WHERE id IS NOT NULL
	ON CONFLICT (opportunity_id) DO UPDATE SET version = excluded.version;
END $$;
--> statement-breakpoint
CREATE FUNCTION "posting_opportunities_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM posting_note_changes(array(SELECT id FROM changed));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "posting_organizations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM posting_note_changes(array(
		SELECT o.id FROM changed c JOIN opportunities o ON o.organization_id = c.id));
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Postcodes: each instance reads every posting again (their centres place workplaces).
CREATE FUNCTION "posting_areas_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE posting_index_state SET version = version + 1, areas_version = version + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "opportunities_posting_insert" AFTER INSERT ON "opportunities" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION posting_opportunities_changed();
--> statement-breakpoint
CREATE TRIGGER "opportunities_posting_update" AFTER UPDATE ON "opportunities" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION posting_opportunities_changed();
--> statement-breakpoint
CREATE TRIGGER "opportunities_posting_delete" AFTER DELETE ON "opportunities" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION posting_opportunities_changed();
--> statement-breakpoint
CREATE TRIGGER "organizations_posting_update" AFTER UPDATE ON "organizations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION posting_organizations_changed();
--> statement-breakpoint
CREATE TRIGGER "postal_areas_posting_change" AFTER INSERT OR UPDATE OR DELETE ON "postal_areas" FOR EACH STATEMENT EXECUTE FUNCTION posting_areas_changed();
