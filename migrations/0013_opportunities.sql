CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"education" text,
	"specialisation" text,
	"address" text,
	"postal_code" text,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"remote" boolean DEFAULT false NOT NULL,
	"hours_per_week" integer,
	"pay" text NOT NULL,
	"hourly_pay_ore" integer,
	"start_date" date,
	"deadline" date,
	"expires_at" timestamp with time zone NOT NULL,
	"apply_url" text,
	"apply_email" text,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"levels" text[] DEFAULT '{}' NOT NULL,
	"english_friendly" boolean DEFAULT false NOT NULL,
	"minimum_age" integer,
	"contact_name" text,
	"contact_email" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce("opportunities"."title"->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce("opportunities"."description"->>'da', '') || ' ' || coalesce("opportunities"."education", '') || ' ' || coalesce("opportunities"."specialisation", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("opportunities"."title"->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("opportunities"."description"->>'en', '')), 'B')) STORED,
	CONSTRAINT "opportunities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "opportunities_open_idx" ON "opportunities" USING btree ("expires_at","deadline");--> statement-breakpoint
CREATE INDEX "opportunities_organization_idx" ON "opportunities" USING btree ("organization_id");