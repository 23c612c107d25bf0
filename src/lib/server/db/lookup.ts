import { inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connect.ts';

/**
 * The rows of a table whose `key` is one of `keys`, as a map from each row's `key` to its
 * `value` (two columns of the same table): one query, however many keys.
 */
export async function lookup<K extends AnyPgColumn, V extends AnyPgColumn>(
	db: Db,
	key: K,
	value: V,
	keys: K['_']['data'][]
): Promise<Map<K['_']['data'], V['_']['data']>> {
	if (keys.length === 0) return new Map();
	const rows = await db
		.select({ key, value })
		.from(key.table as PgTable)
		.where(inArray(key, keys));
	return new Map(rows.map((r) => [r.key, r.value]));
}
