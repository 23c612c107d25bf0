CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"latitude" text,
	"longitude" text,
	"accessibility" jsonb
);
--> statement-breakpoint
CREATE TABLE "offer_locations" (
	"offer_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	CONSTRAINT "offer_locations_offer_id_location_id_pk" PRIMARY KEY("offer_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"url" text,
	"email" text,
	"phone" text,
	"languages" text[] DEFAULT '{da}' NOT NULL,
	"is_free" boolean DEFAULT true NOT NULL,
	"price_ore" integer,
	"minimum_age" integer,
	"maximum_age" integer,
	"eligibility" jsonb,
	"guidepost" text,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"audiences" text[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_da" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce("offers"."name"->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce("offers"."description"->>'da', '')), 'B')) STORED,
	"search_en" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("offers"."name"->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("offers"."description"->>'en', '')), 'B')) STORED,
	"search_folded" text GENERATED ALWAYS AS (replace(replace(replace(lower(coalesce("offers"."name"->>'da', '') || ' ' || coalesce("offers"."name"->>'en', '')), 'aa', 'å'), 'ae', 'æ'), 'oe', 'ø')) STORED,
	CONSTRAINT "offers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"byday" text NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"description" jsonb
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"term" text PRIMARY KEY NOT NULL,
	"expansions" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"vocabulary" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "taxonomy_terms_vocabulary_code_pk" PRIMARY KEY("vocabulary","code")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "description" jsonb;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_locations" ADD CONSTRAINT "offer_locations_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_locations" ADD CONSTRAINT "offer_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_search_da_idx" ON "offers" USING gin ("search_da");--> statement-breakpoint
CREATE INDEX "offers_search_en_idx" ON "offers" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "offers_search_folded_idx" ON "offers" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offers_categories_idx" ON "offers" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "offers_organization_idx" ON "offers" USING btree ("organization_id");