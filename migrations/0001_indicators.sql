CREATE TABLE "indicator_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"actor" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"removed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_import_mappings" (
	"indicator_code" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_observations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_observations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"period_sort" integer NOT NULL,
	"geo" text NOT NULL,
	"breakdown_key" text DEFAULT '' NOT NULL,
	"breakdowns" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"value" double precision,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"batch_id" uuid NOT NULL,
	CONSTRAINT "indicator_observations_key_uq" UNIQUE("indicator_code","period","geo","breakdown_key")
);
--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD COLUMN "meta" jsonb DEFAULT '{"unit":"percent","sdgTargets":[],"breaks":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_batch_id_indicator_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."indicator_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_import_batches_code_idx" ON "indicator_import_batches" USING btree ("indicator_code","imported_at");--> statement-breakpoint
CREATE INDEX "indicator_observations_series_idx" ON "indicator_observations" USING btree ("indicator_code","geo","breakdown_key","period_sort");