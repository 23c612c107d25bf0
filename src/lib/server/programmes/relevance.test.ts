import { describe, expect, it } from 'vitest';
import { testEngines } from '../db/testing.ts';
import { loadNavigatorData, scoreNavigator } from '../../../../bench/relevance/programmes.ts';

describe('navigator relevance', () => {
	it('ranks the relevance set at a mean nDCG@10 of at least 0.9, every query finding something right', async () => {
		// Ranking is the same on both engines: the embedded one, migrated, is enough.
		const database = await testEngines()[0]!.open();
		try {
			await loadNavigatorData(database.db);
			const { ndcg, rows } = await scoreNavigator(database.db);
			expect(rows.length).toBeGreaterThanOrEqual(40);
			const misses = rows.filter((r) => r.recall === 0).map((r) => `${r.q} → ${r.top.join(', ')}`);
			expect(misses).toEqual([]);
			expect(ndcg).toBeGreaterThanOrEqual(0.9);
		} finally {
			await database.close();
		}
	}, 120_000);
});
