-- Follow-up of the strategy (issue 15): initiatives with their milestones, reporting rounds,
-- the owners' versioned updates, and the reminders a round has sent.
CREATE TABLE "initiative_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"health" text NOT NULL,
	"progress" integer NOT NULL,
	"done" text NOT NULL,
	"next" text NOT NULL,
	"remedy" text,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewer_id" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	CONSTRAINT "initiative_updates_version_uq" UNIQUE("initiative_id","round_id","version")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"external_id" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"action_codes" text[] NOT NULL,
	"indicator_codes" text[] DEFAULT '{}' NOT NULL,
	"owner_id" uuid NOT NULL,
	"responsible" text,
	"partner_ids" uuid[] DEFAULT '{}' NOT NULL,
	"start_date" date,
	"end_date" date,
	"lifecycle" text DEFAULT 'planlagt' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"budget_ore" bigint,
	"offer_ids" uuid[] DEFAULT '{}' NOT NULL,
	"opportunity_ids" uuid[] DEFAULT '{}' NOT NULL,
	"partnership_ids" uuid[] DEFAULT '{}' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_slug_unique" UNIQUE("slug"),
	CONSTRAINT "initiatives_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"done_date" date,
	CONSTRAINT "initiative_milestones_position_uq" UNIQUE("initiative_id","position")
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"deadline" date NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"initiative_ids" uuid[] NOT NULL,
	"snapshot" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_reminders" (
	"round_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_reminders_uq" UNIQUE("round_id","initiative_id","kind")
);
--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_reminders" ADD CONSTRAINT "round_reminders_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_reminders" ADD CONSTRAINT "round_reminders_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_updates_round_idx" ON "initiative_updates" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "initiatives_owner_idx" ON "initiatives" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "initiatives_actions_idx" ON "initiatives" USING gin ("action_codes");