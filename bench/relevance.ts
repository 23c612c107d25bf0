// Search quality: runs the committed relevance set (bench/relevance/queries.json) against the
// shipped demo directory on in-memory PGlite and prints recall@10 and nDCG@10 per query and
// overall. The goal in the directory issue is a mean nDCG@10 of at least 0.85. Asserts nothing.
import { readFileSync } from 'node:fs';
import { openDatabase, runMigrations } from '../src/lib/server/db/index.ts';
import {
	loadDemoDirectory,
	loadTaxonomy,
	searchOffers
} from '../src/lib/server/directory/index.ts';
import { rowsOf } from '../src/lib/server/db/index.ts';
import { sql } from 'drizzle-orm';

interface Query {
	q: string;
	locale?: 'da' | 'en';
	relevant: Record<string, number>;
}

const set = JSON.parse(readFileSync('bench/relevance/queries.json', 'utf8')) as {
	queries: Query[];
};
const database = await openDatabase({ kind: 'memory' });
await runMigrations(database);
await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'bench');
await loadDemoDirectory(database.db, 'demo/directory/offers.json');
const danishName = new Map(
	rowsOf<{ id: string; name: string }>(
		await database.db.execute(sql`select id, name->>'da' as name from offers`)
	).map((r) => [r.id, r.name])
);

/** The grade of an offer for a query: the grade of the longest kind its Danish name starts with. */
function grade(query: Query, id: string): number {
	const name = danishName.get(id) ?? '';
	let best = 0;
	let longest = -1;
	for (const [kind, g] of Object.entries(query.relevant))
		if (name.startsWith(kind) && kind.length > longest) {
			best = g;
			longest = kind.length;
		}
	return best;
}

const dcg = (grades: number[]) =>
	grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

let ndcgSum = 0;
let recallSum = 0;
const rows: { q: string; ndcg: number; recall: number; top: string }[] = [];
for (const query of set.queries) {
	const results = await searchOffers(database.db, { q: query.q }, query.locale ?? 'da');
	const top = results.items.slice(0, 10);
	const grades = top.map((i) => grade(query, i.id));
	const all = [...danishName.keys()].map((id) => grade(query, id)).filter((g) => g > 0);
	const ideal = dcg(all.sort((a, b) => b - a).slice(0, 10));
	const ndcg = ideal === 0 ? 0 : dcg(grades) / ideal;
	const recall = grades.filter((g) => g > 0).length / Math.min(10, all.length);
	ndcgSum += ndcg;
	recallSum += recall;
	rows.push({
		q: `${query.q}${query.locale === 'en' ? ' (en)' : ''}`,
		ndcg,
		recall,
		top: top
			.slice(0, 3)
			.map((i) => i.title)
			.join(' | ')
	});
}
await database.close();

const n = set.queries.length;
console.log(`\nSearch relevance over the demo directory (${n} queries, top 10):`);
for (const r of rows.sort((a, b) => a.ndcg - b.ndcg))
	console.log(
		`  nDCG ${r.ndcg.toFixed(2)}  recall ${r.recall.toFixed(2)}  ${r.q.padEnd(28)} → ${r.top}`
	);
console.log(
	`\nMean nDCG@10: ${(ndcgSum / n).toFixed(3)} (goal ≥ 0.85); mean recall@10: ${(recallSum / n).toFixed(3)}`
);
