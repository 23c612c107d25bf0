import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database, Db } from './connect.ts';

/** The committed SQL migrations; the server and the CLI run from the project directory. */
export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
}

// Any fixed number works: it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 851_2023_2026;

/** Applies pending migrations. On PostgreSQL an advisory lock keeps several instances from racing. */
export async function runMigrations(
	database: Database,
	folder = migrationsFolder()
): Promise<void> {
	const engine = database.engine;
	if (engine.kind === 'pglite') {
		await migratePglite(engine.db, { migrationsFolder: folder });
		return;
	}
	// One process per embedded data directory (it is locked), and its pool has one connection.
	if (database.embedded) {
		await migratePostgres(engine.db, { migrationsFolder: folder });
		return;
	}
	const client = await engine.pool.connect();
	try {
		await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
		await migratePostgres(engine.db, { migrationsFolder: folder });
	} finally {
		await client
			.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
			.catch(() => undefined);
		client.release();
	}
}

/**
 * Applies the first `count` migrations in `folder` (all by default) inside the caller's
 * transaction, to a database with no schema of ours, and records them as Drizzle's migrator
 * does (the same table, hashes and times), so later starts see them as applied. Drizzle's own
 * migrator opens a transaction of its own; a restore needs the schema and the data in one, so
 * that a restore that fails leaves the database as it was.
 */
export async function migrateWithin(
	tx: Db,
	count = Infinity,
	folder = migrationsFolder()
): Promise<void> {
	await tx.execute(sql`drop schema if exists drizzle cascade`);
	await tx.execute(sql`create schema drizzle`);
	await tx.execute(
		sql`create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`
	);
	for (const migration of readMigrationFiles({ migrationsFolder: folder }).slice(0, count)) {
		for (const statement of migration.sql) await tx.execute(sql.raw(statement));
		await tx.execute(
			sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`
		);
	}
}

export interface MigrationStatus {
	expected: number;
	applied: number;
	current: boolean;
	/** The migrations in the folder the database has not had, oldest first (their tags). */
	pending: string[];
	/** The newest migration the database has had (its tag), if it has had any. */
	level: string | null;
}

/** Compares the migrations in the folder with those recorded in the database. */
export async function migrationStatus(
	database: Database,
	folder = migrationsFolder()
): Promise<MigrationStatus> {
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
		entries: { when: number; tag: string }[];
	};
	const expected = journal.entries.length;
	const latest = Math.max(0, ...journal.entries.map((e) => e.when));
	const exists = await database.db.execute<{ present: boolean }>(
		sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`
	);
	if (!rowsOf<{ present: boolean }>(exists)[0]?.present)
		return {
			expected,
			applied: 0,
			current: expected === 0,
			pending: journal.entries.map((e) => e.tag),
			level: null
		};
	const result = await database.db.execute<{ applied: number; latest: string | null }>(
		sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`
	);
	const row = rowsOf<{ applied: number; latest: string | null }>(result)[0];
	const applied = Number(row?.applied ?? 0);
	// Drizzle applies every migration newer than the newest it recorded, as the migrator does.
	const newest = Number(row?.latest ?? 0);
	return {
		expected,
		applied,
		current: applied >= expected && newest >= latest,
		pending: journal.entries.filter((e) => e.when > newest).map((e) => e.tag),
		level: journal.entries.filter((e) => e.when <= newest).at(-1)?.tag ?? null
	};
}

/** node-postgres and PGlite both return `{ rows }` from execute. */
export function rowsOf<T>(result: unknown): T[] {
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}
