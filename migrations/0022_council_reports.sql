-- Council reports (issue 15): each build of a closed round's report, its frozen data and files.
CREATE TABLE "council_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"docx" "bytea" NOT NULL,
	"pdf" "bytea" NOT NULL,
	"built_by" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "council_reports_version_uq" UNIQUE("round_id","version")
);
--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;