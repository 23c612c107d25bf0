import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyInto, rowsOf, type Database } from './index.ts';
import { testEngines } from './testing.ts';

describe.each(testEngines())('COPY into a table on $name', (engine) => {
	let database: Database;
	beforeEach(async () => {
		database = await engine.open();
	});
	afterEach(async () => database.close());

	it('loads text with tabs, newlines, backslashes, æøå and nulls unchanged, inside a transaction', async () => {
		const values = ['Kvinder\tog mænd', 'linje 1\nlinje 2', 'C:\\sti\\fil', 'Ærø – Ålborg', null];
		async function* batches() {
			yield values.slice(0, 2).map((v, i) => [i, v]);
			yield values.slice(2).map((v, i) => [i + 2, v]);
		}
		const stored = await database.db.transaction(async (tx) => {
			await tx.execute(sql`create temporary table copy_test (n int, t text) on commit drop`);
			await copyInto(tx, 'copy_test', ['n', 't'], batches());
			return rowsOf<{ t: string | null }>(
				await tx.execute(sql`select t from copy_test order by n`)
			);
		});
		expect(stored.map((r) => r.t)).toEqual(values);
	});
});
