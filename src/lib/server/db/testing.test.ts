import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf, type Database } from './index.ts';
import { testEngines } from './testing.ts';

/** Every table's rows and every sequence's position, as text to compare. */
async function contents(database: Database): Promise<Record<string, string>> {
	const tables = rowsOf<{ name: string }>(
		await database.db.execute(
			sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('public', 'drizzle')`
		)
	);
	const found: Record<string, string> = {};
	for (const { name } of tables) {
		const [row] = rowsOf<{ rows: string | null }>(
			await database.db.execute(
				sql.raw(`select string_agg(t::text, E'\\n' order by t::text) as rows from ${name} t`)
			)
		);
		found[name] = row?.rows ?? '';
	}
	for (const row of rowsOf<{ name: string; position: string | null }>(
		await database.db.execute(
			sql`select format('%I.%I', schemaname, sequencename) as name, last_value::text as position from pg_sequences where schemaname in ('public', 'drizzle')`
		)
	))
		found[`sequence ${row.name}`] = row.position ?? 'not used';
	return found;
}

async function startedAt(database: Database): Promise<string | undefined> {
	return rowsOf<{ at: string }>(
		await database.db.execute(sql`select pg_postmaster_start_time()::text as at`)
	)[0]?.at;
}

describe.each(testEngines())('a test database on $name', (engine) => {
	it('is opened as the migrations left it, whatever the test before did to its own', async () => {
		const first = await engine.open();
		const migrated = await contents(first);
		const started = await startedAt(first);
		// The migrations fill some tables (the vocabularies' terms, the migrations' own record):
		// they must be back.
		expect(Object.values(migrated).some((rows) => rows !== '')).toBe(true);
		const filled = Object.keys(migrated).filter(
			(name) => !name.startsWith('sequence ') && migrated[name] !== ''
		);
		await first.db.transaction(async (tx) => {
			await tx.execute(sql`set local session_replication_role = replica`);
			for (const name of filled) await tx.execute(sql.raw(`delete from ${name}`));
		});
		await first.db.execute(
			sql`insert into organizations (slug, name, kind) values ('rest', 'Rest fra en test', 'school')`
		);
		for (const name of Object.keys(migrated).filter((key) => key.startsWith('sequence ')))
			await first.db.execute(sql`select nextval(${name.slice('sequence '.length)})`);
		await first.db.execute(sql`set statement_timeout = 1234`);
		await first.db.execute(sql`create temporary table rest (n int)`);
		expect(await contents(first)).not.toEqual(migrated);
		await first.close();
		// A closed database refuses queries, as it did before it could be reused.
		await expect(first.db.execute(sql`select 1`)).rejects.toThrow();

		const second = await engine.open();
		try {
			expect(await contents(second)).toEqual(migrated);
			const [setting] = rowsOf<{ statement_timeout: string }>(
				await second.db.execute(sql`show statement_timeout`)
			);
			expect(setting?.statement_timeout).toBe('0');
			const [temporary] = rowsOf<{ n: number }>(
				await second.db.execute(
					sql`select count(*)::int as n from pg_class where relname = 'rest' and relpersistence = 't'`
				)
			);
			expect(temporary?.n).toBe(0);
			if (engine.name === 'pglite') {
				// The same PGlite database, put back, not a new one: it started when the first did.
				expect(await startedAt(second)).toBe(started);
			}
		} finally {
			await second.close();
		}
	});

	it.each([
		['a new table', sql`create table extra (n int)`],
		['a new column', sql`alter table organizations add column extra text`]
	])('is never one the test before gave %s', async (_, change) => {
		const first = await engine.open();
		await first.db.execute(change);
		await first.close();
		const second = await engine.open();
		try {
			const [row] = rowsOf<{ table: boolean; column: boolean }>(
				await second.db.execute(sql`
					select to_regclass('extra') is not null as table,
						exists (select from information_schema.columns
							where table_name = 'organizations' and column_name = 'extra') as column`)
			);
			expect(row).toEqual({ table: false, column: false });
		} finally {
			await second.close();
		}
	});
});
