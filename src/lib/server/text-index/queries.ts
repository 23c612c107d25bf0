import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { parseTsQuery, UnsupportedTsQuery, type TsQueryNode } from './tsquery.ts';

/** `to_tsquery('danish', …)` and `to_tsquery('english', …)` of one text; null when empty. */
export type TsQueryPair = [TsQueryNode | null, TsQueryNode | null];

/**
 * The two trees of a query text for an index, read from the database once per version (kept in
 * the index's `cache`, cleared when the index changes). Null when the index cannot match and
 * rank them as the database does: a phrase, negation or weight; or one language's query empty
 * (only its stop words) and the other's an AND at its top, which ts_rank ranks by word
 * distance, and the index does not keep positions.
 */
export async function indexQueries(
	db: Db,
	cache: Map<string, unknown>,
	text: string
): Promise<TsQueryPair | null> {
	const key = `q:${text}`;
	if (!cache.has(key)) {
		const [row] = rowsOf<{ da: string; en: string }>(
			await db.execute(
				sql`select to_tsquery('danish', ${text})::text as da, to_tsquery('english', ${text})::text as en`
			)
		);
		let pair: TsQueryPair | null;
		try {
			pair = [parseTsQuery(row!.da), parseTsQuery(row!.en)];
			if ((pair[0] === null) !== (pair[1] === null) && (pair[0] ?? pair[1])!.op === 'and')
				pair = null;
		} catch (error) {
			if (!(error instanceof UnsupportedTsQuery)) throw error;
			pair = null;
		}
		// Bounded: a stream of distinct queries must not grow the process without end.
		if (cache.size >= 5000) cache.clear();
		cache.set(key, pair);
	}
	return cache.get(key) as TsQueryPair | null;
}
