ALTER TABLE "two_factors" ADD COLUMN "last_used_step" bigint;--> statement-breakpoint
-- Reset and invitation links already kept in the outbox lose their tokens (43 characters of
-- base64url): the outbox page and backups must not let anyone use another person's link.
UPDATE "mail_outbox" SET "body" = regexp_replace("body", '(/invitation/|nulstil-adgangskode\?token=)([A-Za-z0-9_-]{4})[A-Za-z0-9_%-]{8,}', '\1\2…[fjernet / removed]', 'g') WHERE "body" ~ '(/invitation/|nulstil-adgangskode\?token=)[A-Za-z0-9_-]{12,}';
--> statement-breakpoint
-- PGlite runs no autovacuum: give the planner statistics for data imported before imports
-- refreshed them themselves.
ANALYZE "indicator_observations";
