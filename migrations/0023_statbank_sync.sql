-- StatBank sync (issue 18): per indicator, the table fetched, its vintage and the last attempt.
CREATE TABLE "indicator_statbank_syncs" (
	"indicator_code" text PRIMARY KEY NOT NULL,
	"source_table" text NOT NULL,
	"request" jsonb NOT NULL,
	"vintage" timestamp with time zone,
	"batch_id" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"succeeded_at" timestamp with time zone,
	"error" jsonb
);
