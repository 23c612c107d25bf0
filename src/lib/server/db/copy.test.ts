import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyInto, copyValue, rowsOf, type Database } from './index.ts';
import { testEngines } from './testing.ts';

describe.each(testEngines())('COPY into a table on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
	});
	afterEach(async () => database.close());

	it('loads text with tabs, newlines, backslashes, æøå and nulls unchanged, inside a transaction', async () => {
		const values = ['Kvinder\tog mænd', 'linje 1\nlinje 2', 'C:\\sti\\fil', 'Ærø – Ålborg', null];
		async function* chunks() {
			yield values
				.slice(0, 2)
				.map((v, i) => `${i}\t${copyValue(v)}\n`)
				.join('');
			yield values
				.slice(2)
				.map((v, i) => `${i + 2}\t${copyValue(v)}\n`)
				.join('');
		}
		const stored = await database.db.transaction(async (tx) => {
			await tx.execute(sql`create temporary table copy_test (n int, t text) on commit drop`);
			expect(await copyInto(tx, 'copy_test', ['n', 't'], chunks())).toBe(true);
			return rowsOf<{ t: string | null }>(
				await tx.execute(sql`select t from copy_test order by n`)
			);
		});
		expect(stored.map((r) => r.t)).toEqual(values);
	});
});
