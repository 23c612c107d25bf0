CREATE TABLE "programme_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"applicants" integer,
	"admitted" integer,
	"cutoff" numeric(3, 1),
	"all_admitted" boolean DEFAULT false NOT NULL,
	"standby" numeric(3, 1),
	"unemployment" numeric(4, 1),
	"dropout" numeric(4, 1),
	"suppressed" text[] DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"level" text NOT NULL,
	"level_rank" integer DEFAULT 0 NOT NULL,
	"speciality" text,
	"field" text,
	"places" text[] DEFAULT '{}' NOT NULL,
	"duration_months" integer,
	"ects" integer,
	"language" text DEFAULT 'da' NOT NULL,
	"start_months" integer[] DEFAULT '{}' NOT NULL,
	"apply_via" text NOT NULL,
	"deadlines" jsonb DEFAULT '[]' NOT NULL,
	"requirements_text" jsonb,
	"requirements" jsonb DEFAULT '{"known":false,"routes":[]}' NOT NULL,
	"su" boolean,
	"url" text,
	"ug_url" text,
	"kot_number" text,
	"source" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce("programmes"."title"->>'da', '') || ' ' || coalesce("programmes"."speciality", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("programmes"."title"->>'en', '')), 'A') || setweight(to_tsvector('danish'::regconfig, "programmes"."keywords"), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce("programmes"."summary"->>'da', '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce("programmes"."summary"->>'en', '')), 'C')) STORED,
	CONSTRAINT "programmes_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "programme_figures" ADD CONSTRAINT "programme_figures_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_figures_year_idx" ON "programme_figures" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "programmes_search_idx" ON "programmes" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "programmes_organization_idx" ON "programmes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "programmes_order_idx" ON "programmes" USING btree ("level_rank",("title"->>'da'),"id");--> statement-breakpoint
CREATE INDEX "programmes_facets_idx" ON "programmes" USING btree ("level","field","organization_id","language","duration_months","su");