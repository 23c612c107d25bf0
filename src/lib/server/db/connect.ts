import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { timeQueries } from './query-time.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { ClientWithoutCopy } from './copy.ts';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';

/** A Drizzle handle on either engine; a transaction handle has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
	| {
			kind: 'postgres';
			url: string;
			/** Connections this instance keeps open at most (DATABASE_POOL_SIZE; default 10). */
			poolSize?: number;
	  }
	| { kind: 'pglite'; dataDir: string }
	| { kind: 'memory' };

/**
 * How the process reaches the database: PGlite in this thread (in memory: tests, benches), or
 * node-postgres, to a PostgreSQL server or to the embedded database's own thread.
 */
export type Engine =
	| { kind: 'pglite'; db: PgliteDatabase; client: PGlite }
	| { kind: 'postgres'; db: NodePgDatabase; pool: pg.Pool };

export interface Database {
	readonly db: Db;
	readonly engine: Engine;
	/**
	 * PGlite, whatever the engine: one session, so one transaction at a time. A long one (an
	 * import) holds up every other query until it ends.
	 */
	readonly embedded: boolean;
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

/** In DATA_DIR while the embedded database's files are being made (see openDatabase). */
export const CREATING_MARK = 'pgdata.creating';

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
	if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize);
	if (target.kind === 'memory')
		return openPglite(new PGlite({ extensions: { pg_trgm } }), 'in-memory PGlite', undefined);

	const dataDir = resolve(target.dataDir);
	const lock = acquireDirectoryLock(dataDir, holder);
	try {
		const pgdata = preparePgdata(dataDir);
		const database = await openEmbedded(pgdata.path, `PGlite in ${dataDir}`, lock);
		pgdata.started();
		return database;
	} catch (error) {
		lock.release();
		throw new DatabaseConnectionError(
			`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`,
			{ cause: error }
		);
	}
}

/**
 * Readies `DATA_DIR/pgdata` for PGlite; the caller holds the directory's lock and calls
 * `started()` once PGlite has started on it.
 *
 * PGlite makes the database's files (PostgreSQL's initdb) straight in `pgdata`, and a process
 * stopped part-way (a Ctrl-C during the first start) left files PostgreSQL could never start on
 * ("could not load pg_hba.conf"). So a mark stands while they are made; where it stands, or
 * where nothing was made yet, they hold no data and are made afresh. Once PGlite has started,
 * the files are complete and PostgreSQL's own recovery covers whatever follows.
 */
export function preparePgdata(dataDir: string): { path: string; started(): void } {
	const path = join(dataDir, 'pgdata');
	const mark = join(dataDir, CREATING_MARK);
	// readdirSync, not existsSync: a directory this process may not read is an error, never a
	// reason to make it afresh.
	const made = existsSync(path) && readdirSync(path).includes('PG_VERSION');
	if (made && !existsSync(mark)) {
		// PostgreSQL's own lock file. With the directory's lock held no other process can be
		// using the data, so one left here is stale: and one a `kill -9` left empty (killed
		// between creating it and writing to it, as PostgreSQL starts) makes PostgreSQL refuse
		// to start ("lock file is empty") until someone deletes it by hand.
		rmSync(join(path, 'postmaster.pid'), { force: true });
		return { path, started: () => undefined };
	}
	writeFileSync(mark, `${new Date().toISOString()}\n`);
	rmSync(path, { recursive: true, force: true });
	mkdirSync(path);
	return { path, started: () => rmSync(mark, { force: true }) };
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
	const engine: Engine = { kind: 'pglite', db: drizzlePglite({ client }), client };
	return database(engine, true, description, async () => {
		try {
			await client.close();
		} finally {
			lock?.release();
		}
	});
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
	// Requests are many short queries. PostgreSQL's parallel workers cost more to start than
	// they save at this size and take cores from other requests (measured: the job search's
	// p95 over 50,000 postings went from 51 to 34 ms), so sessions do without them. More
	// connections than the server has cores to run them only queue inside the server: about two
	// per core of the database server is a good size (docs/deployment.md), 10 the default.
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize,
		connectionTimeoutMillis: 10_000,
		options: '-c max_parallel_workers_per_gather=0'
	});
	// An idle client that loses its connection must not crash the process.
	pool.on('error', () => undefined);
	timeQueries(pool);
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
	const engine: Engine = { kind: 'postgres', db: drizzlePostgres({ client: pool }), pool };
	return database(engine, false, `PostgreSQL at ${redactUrl(url)}`, () => pool.end());
}

/** A Database over an engine; `close` runs once however often it is called. */
function database(
	engine: Engine,
	embedded: boolean,
	description: string,
	close: () => Promise<void>
): Database {
	let closed: Promise<void> | undefined;
	return {
		db: engine.db as unknown as Db,
		engine,
		embedded,
		description,
		close: () => (closed ??= close())
	};
}

/**
 * The worker's file. In the built server this module is bundled elsewhere, so the file is found
 * in the source tree, which the server runs from (as it does `migrations/`).
 */
function workerFile(): URL {
	const beside = new URL('./pglite-worker.js', import.meta.url);
	if (beside.protocol === 'file:' && existsSync(beside)) return beside;
	return pathToFileURL(resolve('src/lib/server/db/pglite-worker.js'));
}

type WorkerMessage = { ready: true } | { failed: string } | { closed: true };

/**
 * Opens a PGlite data directory in a worker thread (pglite-worker.js) and connects to it with
 * node-postgres over a Unix socket in a fresh directory only this user may open. The pool has
 * one connection, as PGlite has one session: a transaction holds it, and other queries wait
 * for it, as they did when PGlite ran in this thread, but the server's own thread stays free.
 */
async function openEmbedded(
	pgdata: string,
	description: string,
	lock: DirectoryLock
): Promise<Database> {
	const socketDir = mkdtempSync(join(tmpdir(), 'uddannelsesby-db-'));
	const worker = new Worker(workerFile(), {
		workerData: { dataDir: pgdata, socketPath: join(socketDir, '.s.PGSQL.5432') },
		// The thread's own JavaScript holds only the protocol's buffers, one answer at a time
		// (PGlite's memory is WebAssembly's, outside this limit). A small heap is collected
		// often, so a million-row download does not leave hundreds of MB of old buffers.
		resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }
	});
	let closing = false;
	const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
	const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
	try {
		await new Promise<void>((resolve, reject) => {
			worker.once('message', (message: WorkerMessage) =>
				'ready' in message
					? resolve()
					: reject(new Error('failed' in message ? message.failed : 'no answer'))
			);
			worker.once('error', reject);
			void exited.then((code) => reject(new Error(`the database thread stopped (${code})`)));
		});
	} catch (error) {
		await worker.terminate();
		removeSocketDir();
		throw error;
	}
	// Without its database the server can do nothing right: if the thread dies (out of memory,
	// a fault in PGlite), the process stops, so a supervisor starts it again.
	void exited.then((code) => {
		if (closing) return;
		setImmediate(() => {
			throw new DatabaseConnectionError(`The embedded database's thread stopped (exit ${code}).`);
		});
	});
	const pool = new pg.Pool({
		host: socketDir,
		port: 5432,
		user: 'postgres',
		database: 'postgres',
		max: 1,
		idleTimeoutMillis: 0,
		Client: ClientWithoutCopy
	});
	pool.on('error', () => undefined);
	timeQueries(pool);
	const engine: Engine = { kind: 'postgres', db: drizzlePostgres({ client: pool }), pool };
	return database(engine, true, description, async () => {
		closing = true;
		try {
			await pool.end();
			worker.postMessage({ close: true });
			const stopped = await Promise.race([
				exited.then(() => true),
				new Promise<WorkerMessage>((resolve) => worker.once('message', resolve)).then(() => true),
				new Promise<false>((resolve) => setTimeout(resolve, 30_000, false).unref())
			]);
			if (!stopped) await worker.terminate();
		} finally {
			removeSocketDir();
			lock.release();
		}
	});
}
