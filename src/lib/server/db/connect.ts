import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';

/** A Drizzle handle on either engine; a transaction handle has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
	{ kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } | { kind: 'memory' };

export type Engine =
	| { kind: 'pglite'; db: PgliteDatabase; client: PGlite }
	| { kind: 'postgres'; db: NodePgDatabase; pool: pg.Pool };

export interface Database {
	readonly db: Db;
	readonly engine: Engine;
	/** Where the data lives, without any password, for logs and messages. */
	readonly description: string;
	close(): Promise<void>;
}

export class DatabaseConnectionError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'DatabaseConnectionError';
	}
}

/** Removes the password from a connection URL so it can be logged. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres://(unparseable URL)';
	}
}

/**
 * Opens the database. For an embedded data directory it first takes the directory lock
 * (`holder` names this process in the message another process sees).
 */
export async function openDatabase(
	target: DatabaseTarget,
	holder = 'uddannelsesby'
): Promise<Database> {
	if (target.kind === 'postgres') return openPostgres(target.url);
	if (target.kind === 'memory')
		return openPglite(new PGlite({ extensions: { pg_trgm } }), 'in-memory PGlite', undefined);

	const dataDir = resolve(target.dataDir);
	const lock = acquireDirectoryLock(dataDir, holder);
	try {
		mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
		// pg_trgm: typo-tolerant search in the directory (the same extension as on PostgreSQL).
		const client = new PGlite(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
		return await openPglite(client, `PGlite in ${dataDir}`, lock);
	} catch (error) {
		lock.release();
		throw new DatabaseConnectionError(
			`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`,
			{ cause: error }
		);
	}
}

/** Wraps an already created PGlite client (tests clone a migrated template). */
export function wrapPglite(client: PGlite, description: string): Promise<Database> {
	return openPglite(client, description, undefined);
}

async function openPglite(
	client: PGlite,
	description: string,
	lock: DirectoryLock | undefined
): Promise<Database> {
	await client.waitReady;
	const db = drizzlePglite({ client });
	let closed = false;
	return {
		db: db as unknown as Db,
		engine: { kind: 'pglite', db, client },
		description,
		async close() {
			if (closed) return;
			closed = true;
			try {
				await client.close();
			} finally {
				lock?.release();
			}
		}
	};
}

async function openPostgres(url: string): Promise<Database> {
	// Requests are many short queries. PostgreSQL's parallel workers cost more to start than
	// they save at this size and take cores from other requests (measured: the job search's
	// p95 over 50,000 postings went from 51 to 34 ms), so sessions do without them.
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		connectionTimeoutMillis: 10_000,
		options: '-c max_parallel_workers_per_gather=0'
	});
	// An idle client that loses its connection must not crash the process.
	pool.on('error', () => undefined);
	try {
		const client = await pool.connect();
		client.release();
	} catch (error) {
		await pool.end().catch(() => undefined);
		throw new DatabaseConnectionError(
			`Could not connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
			{ cause: error }
		);
	}
	const db = drizzlePostgres({ client: pool });
	let closed = false;
	return {
		db: db as unknown as Db,
		engine: { kind: 'postgres', db, pool },
		description: `PostgreSQL at ${redactUrl(url)}`,
		async close() {
			if (closed) return;
			closed = true;
			await pool.end();
		}
	};
}
