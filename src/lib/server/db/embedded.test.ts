import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { CREATING_MARK, openDatabase, preparePgdata, type Database } from './connect.ts';
import { copyInto } from './copy.ts';
import { DataDirectoryInUseError } from './lock.ts';
import { migrationStatus, rowsOf, runMigrations } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'udb-embedded-'));
// A temporary directory of this file's own (os.tmpdir() reads TMPDIR), so the socket
// directories counted below are this file's, not those of tests running beside it.
const savedTmp = process.env.TMPDIR;
const ownTmp = mkdtempSync(join(tmpdir(), 'udb-embedded-tmp-'));
process.env.TMPDIR = ownTmp;
afterAll(() => {
	if (savedTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = savedTmp;
	rmSync(dir, { recursive: true, force: true });
	rmSync(ownTmp, { recursive: true, force: true });
});

/** Socket directories of embedded databases this file has open. */
const socketDirs = () => readdirSync(ownTmp).filter((name) => name.startsWith('uddannelsesby-db-'));

/**
 * The embedded database as the server opens it: PGlite in a worker thread, reached through a
 * Unix socket (issue 21, finding 5: a long statement held the server's own thread).
 */
describe('the embedded database in its own thread', () => {
	let database: Database;

	it('opens a data directory, migrates it, and is marked embedded', async () => {
		const before = socketDirs().length;
		database = await openDatabase({ kind: 'pglite', dataDir: dir }, 'the test');
		expect(database.embedded).toBe(true);
		expect(socketDirs().length).toBe(before + 1);
		await runMigrations(database);
		expect((await migrationStatus(database)).current).toBe(true);
		await expect(openDatabase({ kind: 'pglite', dataDir: dir }, 'a second')).rejects.toThrow(
			DataDirectoryInUseError
		);
	});

	it('keeps the server thread free while a long statement runs', async () => {
		let slowestGap = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			slowestGap = Math.max(slowestGap, now - last);
			last = now;
		}, 10);
		const started = performance.now();
		const rows = rowsOf<{ n: string }>(
			await database.db.execute(
				sql`select count(*)::text as n from generate_series(1, 3000000) a, generate_series(1, 2) b`
			)
		);
		const took = performance.now() - started;
		clearInterval(ticker);
		expect(rows[0]!.n).toBe('6000000');
		// The statement is long; the timer still fires throughout (in this thread a statement
		// of this length stopped it for its whole duration).
		expect(took).toBeGreaterThan(300);
		expect(slowestGap).toBeLessThan(took / 2);
	});

	it('loads rows with copyInto (no COPY through the socket) and commits or rolls back whole', async () => {
		await database.db.execute(
			sql`create table probe (id int primary key, note text, tags text[], data jsonb, at timestamptz)`
		);
		const rows = [
			[1, 'æøå\ttab\nlinje C:\\sti', '{a,b}', '{"x": 1}', '2026-12-03T10:00:00Z'],
			[2, null, '{}', 'null', null]
		];
		await database.db.transaction(async (tx) => {
			await copyInto(
				tx,
				'probe',
				['id', 'note', 'tags', 'data', 'at'],
				[rows.slice(0, 1), rows.slice(1)]
			);
		});
		await expect(
			database.db.transaction(async (tx) => {
				await tx.execute(sql`insert into probe (id) values (3)`);
				await copyInto(tx, 'probe', ['id'], [[[1]]]);
			})
		).rejects.toThrow();
		const stored = rowsOf<{
			id: number;
			note: string | null;
			tags: string[];
			data: unknown;
			at: string | null;
		}>(
			await database.db.execute(
				sql`select id, note, tags, data, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at from probe order by id`
			)
		);
		expect(stored).toEqual([
			{
				id: 1,
				note: 'æøå\ttab\nlinje C:\\sti',
				tags: ['a', 'b'],
				data: { x: 1 },
				at: '2026-12-03 10:00'
			},
			{ id: 2, note: null, tags: [], data: null, at: null }
		]);
	});

	it('closes cleanly: the socket directory is gone, the lock free, the data kept', async () => {
		const socketDir = socketDirs();
		await database.close();
		expect(socketDirs().length).toBe(socketDir.length - 1);
		const again = await openDatabase({ kind: 'pglite', dataDir: dir }, 'the test again');
		try {
			const rows = rowsOf<{ id: number }>(
				await again.db.execute(sql`select id from probe order by id`)
			);
			expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
			expect(existsSync(join(dir, 'pgdata'))).toBe(true);
		} finally {
			await again.close();
		}
	});

	it("opens after a kill -9 left PostgreSQL's lock file empty, the data kept", async () => {
		// A process killed between PostgreSQL creating postmaster.pid and writing to it (as it
		// starts) leaves it empty; PostgreSQL itself then refuses to start.
		writeFileSync(join(dir, 'pgdata', 'postmaster.pid'), '');
		const again = await openDatabase({ kind: 'pglite', dataDir: dir }, 'the test after a kill');
		try {
			const rows = rowsOf<{ n: number }>(
				await again.db.execute(sql`select count(*)::int as n from probe`)
			);
			expect(rows).toEqual([{ n: 2 }]);
		} finally {
			await again.close();
		}
	});

	it('makes the files afresh when a first start was stopped while it made them', async () => {
		const stopped = mkdtempSync(join(tmpdir(), 'udb-embedded-stopped-'));
		try {
			// As a process killed part-way through making them left them: the mark, and files
			// PostgreSQL cannot start on (pg_hba.conf not yet written).
			cpSync(join(dir, 'pgdata'), join(stopped, 'pgdata'), { recursive: true });
			rmSync(join(stopped, 'pgdata', 'pg_hba.conf'));
			writeFileSync(join(stopped, CREATING_MARK), '');
			const database = await openDatabase({ kind: 'pglite', dataDir: stopped }, 'the test');
			try {
				expect(existsSync(join(stopped, CREATING_MARK))).toBe(false);
				expect(existsSync(join(stopped, 'pgdata', 'pg_hba.conf'))).toBe(true);
				// Made afresh: nothing of the copied database is left.
				const rows = rowsOf<{ n: number }>(
					await database.db.execute(
						sql`select count(*)::int as n from pg_tables where tablename = 'probe'`
					)
				);
				expect(rows).toEqual([{ n: 0 }]);
			} finally {
				await database.close();
			}
		} finally {
			rmSync(stopped, { recursive: true, force: true });
		}
	});

	it('marks the files while they are made, and keeps made ones', () => {
		const data = mkdtempSync(join(tmpdir(), 'udb-embedded-prepare-'));
		try {
			const pgdata = join(data, 'pgdata');
			// A first start: the mark stands until PGlite has started.
			const first = preparePgdata(data);
			expect(first.path).toBe(pgdata);
			expect(existsSync(join(data, CREATING_MARK))).toBe(true);
			expect(readdirSync(pgdata)).toEqual([]);
			writeFileSync(join(pgdata, 'PG_VERSION'), '18\n');
			first.started();
			expect(existsSync(join(data, CREATING_MARK))).toBe(false);
			// Made: kept, but for PostgreSQL's stale lock file.
			writeFileSync(join(pgdata, 'postmaster.pid'), '');
			preparePgdata(data).started();
			expect(readdirSync(pgdata)).toEqual(['PG_VERSION']);
			expect(existsSync(join(data, CREATING_MARK))).toBe(false);
			// Files without PG_VERSION (an earlier version stopped while it made them, no mark):
			// made afresh.
			rmSync(join(pgdata, 'PG_VERSION'));
			writeFileSync(join(pgdata, 'pg_hba.conf'), '');
			preparePgdata(data).started();
			expect(readdirSync(pgdata)).toEqual([]);
			writeFileSync(join(pgdata, 'PG_VERSION'), '18\n');
			// Stopped while made (the mark stands): made afresh.
			writeFileSync(join(data, CREATING_MARK), '');
			preparePgdata(data);
			expect(readdirSync(pgdata)).toEqual([]);
			expect(existsSync(join(data, CREATING_MARK))).toBe(true);
		} finally {
			rmSync(data, { recursive: true, force: true });
		}
	});

	it("says why, in PostgreSQL's words, when the data directory cannot be opened", async () => {
		const broken = mkdtempSync(join(tmpdir(), 'udb-embedded-broken-'));
		try {
			const before = socketDirs().length;
			// A data directory made by a PostgreSQL this one cannot read.
			cpSync(join(dir, 'pgdata'), join(broken, 'pgdata'), { recursive: true });
			writeFileSync(join(broken, 'pgdata', 'PG_VERSION'), '99\n');
			const failure = openDatabase({ kind: 'pglite', dataDir: broken }, 'the test');
			await expect(failure).rejects.toThrow(
				/Could not open the embedded database in .*: .*FATAL: database files are incompatible with server DETAIL: .*version 99/
			);
			// Nothing left open: no socket directory, and the lock free for the next try.
			expect(socketDirs().length).toBe(before);
			await expect(openDatabase({ kind: 'pglite', dataDir: broken })).rejects.toThrow(/version 99/);
		} finally {
			rmSync(broken, { recursive: true, force: true });
		}
	});
});
