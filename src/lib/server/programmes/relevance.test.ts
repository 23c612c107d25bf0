import { describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../db/index.ts';
import { loadNavigatorData, scoreNavigator } from '../../../../bench/relevance/programmes.ts';

describe('navigator relevance', () => {
	it('ranks the relevance set at a mean nDCG@10 of at least 0.9, every query finding something right', async () => {
		const database = await openDatabase({ kind: 'memory' });
		try {
			await runMigrations(database);
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
