CREATE TYPE "public"."indicator_direction" AS ENUM('decrease', 'increase');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guideposts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"number" integer NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb NOT NULL,
	"ambitions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	CONSTRAINT "guideposts_strategy_slug_uq" UNIQUE("strategy_id","slug")
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"content" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "strategy_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"guidepost_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	CONSTRAINT "strategy_indicators_strategy_code_uq" UNIQUE("strategy_id","code")
);
--> statement-breakpoint
ALTER TABLE "guideposts" ADD CONSTRAINT "guideposts_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_guidepost_id_guideposts_id_fk" FOREIGN KEY ("guidepost_id") REFERENCES "public"."guideposts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_one_active_idx" ON "strategies" USING btree ("is_active") WHERE "strategies"."is_active";--> statement-breakpoint
CREATE INDEX "strategy_indicators_guidepost_idx" ON "strategy_indicators" USING btree ("guidepost_id");