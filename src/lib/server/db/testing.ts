import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, wrapPglite, type Database } from './connect.ts';
import { LOCK_FILE } from './lock.ts';
import { runMigrations } from './migrate.ts';

/**
 * The engines integration tests run on: in-memory PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set. In CI a missing PostgreSQL is an error, never a silent skip.
 */
export interface TestEngine {
	name: 'pglite' | 'postgres';
	/** A fresh, migrated, empty database; close() throws it away. */
	open(): Promise<Database>;
}

export function testEngines(): TestEngine[] {
	const engines: TestEngine[] = [{ name: 'pglite', open: openMemory }];
	const url = process.env.TEST_DATABASE_URL;
	if (url) engines.push({ name: 'postgres', open: () => openScratchPostgres(url) });
	else if (process.env.CI === 'true') {
		throw new Error(
			'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI.'
		);
	}
	return engines;
}

// Creating a PGlite database takes seconds (initdb); cloning a migrated one takes a fraction.
let template: Promise<Database> | undefined;

async function openMemory(): Promise<Database> {
	template ??= openDatabase({ kind: 'memory' }).then(async (database) => {
		await runMigrations(database);
		return database;
	});
	const base = await template;
	if (base.engine.kind !== 'pglite') throw new Error('template must be PGlite');
	const client = (await base.engine.client.clone()) as PGlite;
	return wrapPglite(client, 'in-memory PGlite (test clone)');
}

// An embedded data directory costs seconds to create (PGlite's initdb, then every migration);
// a copy of one made once per test process costs a tenth of a second.
let dataDirTemplate: Promise<string> | undefined;

/**
 * A new data directory (as DATA_DIR names it) holding an embedded database with every migration
 * applied and no data: a copy of one made once per test process. Its lock file is not copied.
 * The caller removes the directory. For a test of what happens to an empty directory (first
 * start, migrations), make one with mkdtemp instead.
 */
export async function migratedDataDir(prefix = 'udb-test-'): Promise<string> {
	dataDirTemplate ??= (async () => {
		// Under Vitest in the run's scratch folder, which its global set-up removes at the end.
		const shared = process.env.UDB_TEST_SCRATCH;
		const template = mkdtempSync(join(shared ?? tmpdir(), 'udb-template-'));
		if (!shared) process.once('exit', () => rmSync(template, { recursive: true, force: true }));
		const database = await openDatabase({ kind: 'pglite', dataDir: template }, 'the tests');
		try {
			await runMigrations(database);
		} finally {
			await database.close();
		}
		return template;
	})();
	const template = await dataDirTemplate;
	const dataDir = mkdtempSync(join(tmpdir(), prefix));
	cpSync(template, dataDir, {
		recursive: true,
		filter: (source) => basename(source) !== LOCK_FILE
	});
	return dataDir;
}

/** Creates a throw-away database on the server so test files can run in parallel. */
export async function createScratchDatabase(
	adminUrl: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `udb_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			try {
				await client.query(`drop database if exists ${name} with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}

async function openScratchPostgres(adminUrl: string): Promise<Database> {
	const scratch = await createScratchDatabase(adminUrl);
	const database = await openDatabase({ kind: 'postgres', url: scratch.url });
	await runMigrations(database);
	return {
		...database,
		description: database.description,
		async close() {
			await database.close();
			await scratch.drop();
		}
	};
}
