CREATE TABLE "event_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"last_read_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" jsonb,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"location_id" uuid,
	"address" text,
	"online_url" text,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"levels" text[] DEFAULT '{}' NOT NULL,
	"language" text DEFAULT 'da' NOT NULL,
	"price_ore" integer,
	"info_url" text,
	"registration_url" text,
	"registration_deadline" timestamp with time zone,
	"capacity_note" jsonb,
	"cancelled" boolean DEFAULT false NOT NULL,
	"feed_id" uuid,
	"external_key" text,
	"offer_ids" uuid[] DEFAULT '{}' NOT NULL,
	"opportunity_ids" uuid[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce("events"."title"->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce("events"."description"->>'da', '') || ' ' || coalesce("events"."address", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("events"."title"->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("events"."description"->>'en', '')), 'B')) STORED,
	CONSTRAINT "events_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "event_feeds" ADD CONSTRAINT "event_feeds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_feed_id_event_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."event_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_feeds_organization_url_idx" ON "event_feeds" USING btree ("organization_id","url");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "events_time_idx" ON "events" USING btree ("ends_at","starts_at","kind","organization_id","price_ore","levels","audiences");--> statement-breakpoint
CREATE INDEX "events_start_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_organization_idx" ON "events" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_feed_key_idx" ON "events" USING btree ("feed_id","external_key");--> statement-breakpoint
-- The kinds of event, as data (taxonomy/directory.yaml `eventKinds` replaces them when loaded).
INSERT INTO "taxonomy_terms" ("vocabulary", "code", "name", "sort") VALUES
	('event-kind', 'aabent-hus', '{"da":"Åbent hus","en":"Open house"}', 0),
	('event-kind', 'uddannelsesmesse', '{"da":"Uddannelsesmesse","en":"Education fair"}', 1),
	('event-kind', 'brobygning', '{"da":"Brobygning","en":"Bridge-building course"}', 2),
	('event-kind', 'studiepraktik', '{"da":"Studiepraktik","en":"Trial study day"}', 3),
	('event-kind', 'jobmesse', '{"da":"Jobmesse","en":"Job fair"}', 4),
	('event-kind', 'intro', '{"da":"Introduktion","en":"Introduction"}', 5),
	('event-kind', 'kultur-og-fritid', '{"da":"Kultur og fritid","en":"Culture and leisure"}', 6),
	('event-kind', 'workshop', '{"da":"Workshop","en":"Workshop"}', 7)
ON CONFLICT DO NOTHING;
