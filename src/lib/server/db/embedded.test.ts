import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './connect.ts';
import { copyInto } from './copy.ts';
import { DataDirectoryInUseError } from './lock.ts';
import { migrationStatus, rowsOf, runMigrations } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'udb-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Socket directories of embedded databases this machine has open. */
const socketDirs = () =>
	readdirSync(tmpdir()).filter((name) => name.startsWith('uddannelsesby-db-'));

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

	it('refuses COPY FROM STDIN politely, so imports insert instead, and commits or rolls back whole', async () => {
		await database.db.execute(sql`create table probe (id int primary key, note text)`);
		await database.db.transaction(async (tx) => {
			expect(await copyInto(tx, 'probe', ['id', 'note'], (async function* () {})())).toBe(false);
			await tx.execute(sql`insert into probe values (1, 'æøå')`);
		});
		await expect(
			database.db.transaction(async (tx) => {
				await tx.execute(sql`insert into probe values (2, 'kept?')`);
				await tx.execute(sql`insert into probe values (1, 'a repeated key')`);
			})
		).rejects.toThrow();
		const rows = rowsOf<{ id: number; note: string }>(
			await database.db.execute(sql`select id, note from probe order by id`)
		);
		expect(rows).toEqual([{ id: 1, note: 'æøå' }]);
	});

	it('closes cleanly: the socket directory is gone, the lock free, the data kept', async () => {
		const socketDir = socketDirs();
		await database.close();
		expect(socketDirs().length).toBe(socketDir.length - 1);
		const again = await openDatabase({ kind: 'pglite', dataDir: dir }, 'the test again');
		try {
			const rows = rowsOf<{ note: string }>(await again.db.execute(sql`select note from probe`));
			expect(rows).toEqual([{ note: 'æøå' }]);
			expect(existsSync(join(dir, 'pgdata'))).toBe(true);
		} finally {
			await again.close();
		}
	});
});
