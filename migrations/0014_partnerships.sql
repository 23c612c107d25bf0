CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"partner_ids" uuid[] DEFAULT '{}' NOT NULL,
	"kinds" text[] NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"programmes" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnerships_organization_idx" ON "partnerships" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "partnerships_partners_idx" ON "partnerships" USING gin ("partner_ids");