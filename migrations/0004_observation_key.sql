ALTER TABLE "indicator_observations" DROP CONSTRAINT "indicator_observations_key_uq";--> statement-breakpoint
ALTER TABLE "indicator_observations" DROP CONSTRAINT "indicator_observations_batch_id_indicator_import_batches_id_fk";--> statement-breakpoint
DROP INDEX "indicator_observations_series_idx";--> statement-breakpoint
ALTER TABLE "indicator_observations" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_indicator_code_geo_breakdown_key_period_pk" PRIMARY KEY("indicator_code","geo","breakdown_key","period");
