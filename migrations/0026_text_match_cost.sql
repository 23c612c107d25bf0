-- The planner costs `tsvector @@ tsquery` (ts_match_vq) like one comparison of two numbers, so
-- for a query of several prefix words it prefers reading every row to the GIN index even where
-- matching each row costs far more: at 5,000 programmes "sosu" took 3.3 ms by reading every
-- row and 0.5 ms by the index. Raising the function's cost in this database makes the planner
-- weigh that honestly; it changes no result. It needs the owner of the catalog (a superuser, as
-- with PGlite and a server we run ourselves); without that right the migration says so and goes
-- on, and search is correct, only slower on large tables (docs/deployment.md).
DO $$
BEGIN
	ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'ts_match_vq keeps its default cost (no right to change it): full-text search may read every row on large tables';
END
$$;
