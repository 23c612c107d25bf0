// The navigator's relevance set (bench/relevance/programmes.json) over the shipped programmes and
// institutions: nDCG@10 and recall@10 per query. Used by the bench (prints) and a unit test
// (the goal: a mean nDCG@10 of at least 0.9).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../../src/lib/server/db/index.ts';
import {
	createDemoOrganizations,
	loadInstitutions,
	loadTaxonomy,
	searchOrganizations
} from '../../src/lib/server/directory/index.ts';
import { PROGRAMME_FILES } from '../../src/lib/server/bootstrap.ts';
import { loadProgrammeFiles, searchProgrammes } from '../../src/lib/server/programmes/index.ts';

interface Query {
	q: string;
	kind: 'programme' | 'institution';
	locale?: 'da' | 'en';
	relevant: Record<string, number>;
}

/** The shipped taxonomy, institutions, demo schools and programmes, as the first start loads them. */
export async function loadNavigatorData(db: Db): Promise<void> {
	await loadTaxonomy(db, 'taxonomy/directory.yaml', 'relevance');
	await loadInstitutions(db, resolve('demo/directory/institutions.json'));
	await createDemoOrganizations(db, [
		{ key: 'g', name: 'Eksempelgymnasiet (demo)', kind: 'school' },
		{ key: 'e', name: 'Erhvervsskolen Eksempel (demo)', kind: 'school' },
		{ key: 'p', name: 'Eksempel Professionshøjskole (demo)', kind: 'school' },
		{ key: 'u', name: 'Ungdomsskolen i Eksempelby (demo)', kind: 'municipal' }
	]);
	await loadProgrammeFiles(db, {
		programmes: PROGRAMME_FILES.programmes.map((f) => resolve(f)),
		figures: PROGRAMME_FILES.figures.map((f) => resolve(f))
	});
}

const dcg = (grades: number[]) =>
	grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

export interface Scored {
	q: string;
	kind: string;
	ndcg: number;
	recall: number;
	top: string[];
}

/** Runs every query of the set and scores its first ten hits. */
export async function scoreNavigator(
	db: Db
): Promise<{ ndcg: number; recall: number; rows: Scored[] }> {
	const set = JSON.parse(readFileSync('bench/relevance/programmes.json', 'utf8')) as {
		queries: Query[];
	};
	const rows: Scored[] = [];
	for (const query of set.queries) {
		const locale = query.locale ?? 'da';
		const slugs =
			query.kind === 'programme'
				? (await searchProgrammes(db, { q: query.q }, locale, { pageSize: 10 })).items.map(
						(i) => i.slug
					)
				: (await searchOrganizations(db, query.q, { limit: 10 })).items.map((i) => i.slug);
		const grades = slugs.map((s) => query.relevant[s] ?? 0);
		const all = Object.values(query.relevant).sort((a, b) => b - a);
		const ndcg = dcg(grades) / dcg(all.slice(0, 10));
		const recall = grades.filter((g) => g > 0).length / Math.min(10, all.length);
		rows.push({
			q: `${query.q}${locale === 'en' ? ' (en)' : ''}`,
			kind: query.kind,
			ndcg,
			recall,
			top: slugs.slice(0, 3)
		});
	}
	const mean = (f: (r: Scored) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
	return { ndcg: mean((r) => r.ndcg), recall: mean((r) => r.recall), rows };
}
