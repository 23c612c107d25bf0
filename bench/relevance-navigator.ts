// Search quality of the education navigator: the relevance set in bench/relevance/programmes.json
// over the shipped programmes and institutions on in-memory PGlite; prints nDCG@10 and recall@10
// per query and overall (goal: mean nDCG@10 ≥ 0.9). Asserts nothing; the unit test does.
import { openDatabase, runMigrations } from '../src/lib/server/db/index.ts';
import { loadNavigatorData, scoreNavigator } from './relevance/programmes.ts';

const database = await openDatabase({ kind: 'memory' });
await runMigrations(database);
await loadNavigatorData(database.db);
const { ndcg, recall, rows } = await scoreNavigator(database.db);
await database.close();
console.log(`\nNavigator relevance (${rows.length} queries, top 10):`);
for (const r of rows.sort((a, b) => a.ndcg - b.ndcg).slice(0, 12))
	console.log(
		`  nDCG ${r.ndcg.toFixed(2)}  recall ${r.recall.toFixed(2)}  ${r.kind.padEnd(11)} ${r.q.padEnd(28)} → ${r.top.join(' | ')}`
	);
console.log(`  … (the rest score 1.00)`);
console.log(`Mean nDCG@10 ${ndcg.toFixed(3)}, mean recall@10 ${recall.toFixed(3)}`);
