import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, wrapPglite, type Database } from './connect.ts';
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
