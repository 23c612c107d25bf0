import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';

/** What a reader can ask for at /tilbud and /api/v1/offers; every field is optional. */
export const offerQuery = z.object({
	q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
	category: z
		.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a category code'))
		.max(20)
		.default([]),
	audience: z
		.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'not an audience code'))
		.max(20)
		.default([]),
	lang: z
		.array(z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter ISO code'))
		.max(10)
		.default([]),
	free: z.boolean().default(false),
	age: z.number().int().min(0).max(120).optional(),
	page: z.number().int().min(1).max(1000).default(1)
});
export type OfferQuery = z.infer<typeof offerQuery>;

export const PAGE_SIZE = 20;

/** Danish spellings without æ, ø, å (Aalborg, Aerø, Koebenhavn) read as with them. */
export function foldDanish(text: string): string {
	return text.toLowerCase().replaceAll('aa', 'å').replaceAll('ae', 'æ').replaceAll('oe', 'ø');
}

/** The words of a query: letters and digits only, so nothing reaches tsquery syntax. */
export function queryWords(q: string): string[] {
	return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/**
 * `to_tsquery` text for one language: every word must match (AND), each as itself, its
 * æ/ø/å spelling and its synonyms (OR), all as prefixes (`lektie` finds `lektiecafé`).
 */
export function tsqueryText(
	words: string[],
	synonyms: ReadonlyMap<string, string[]>,
	join: ' & ' | ' | ' = ' & '
): string {
	return words
		.map((word) => {
			const variants = new Set([word, foldDanish(word)]);
			for (const expansion of synonyms.get(word) ?? [])
				for (const part of queryWords(expansion)) variants.add(part);
			return `(${[...variants].map((v) => `${v}:*`).join(' | ')})`;
		})
		.join(join);
}

export interface OfferHit {
	id: string;
	slug: string;
	title: string;
	/** Set when the English title is missing and the Danish one is shown. */
	untranslated: boolean;
	organization: string;
	categories: string[];
	url: string | null;
	isDemo: boolean;
}

export interface OfferResults {
	total: number;
	facets: {
		category: Record<string, number>;
		audience: Record<string, number>;
		language: Record<string, number>;
	};
	items: OfferHit[];
}

/**
 * Full-text search with Danish stemming (and English for English text), prefix and typo
 * tolerance (pg_trgm on folded titles), synonyms kept as data, filters and facet counts.
 * Results are ranked best first; without a query, alphabetically.
 */
export async function searchOffers(
	db: Db,
	input: z.input<typeof offerQuery>,
	locale: 'da' | 'en',
	/** Every word must match; with no result, any word may (a second, looser search). */
	match: 'all' | 'any' = 'all'
): Promise<OfferResults> {
	const query = offerQuery.parse(input);
	const words = queryWords(query.q);
	const synonymRows =
		words.length === 0
			? []
			: rowsOf<{ term: string; expansions: string[] }>(
					await db.execute(
						sql`select term, expansions from search_synonyms where term = any(${sql.param(words.flatMap((w) => [w, foldDanish(w)]))}::text[])`
					)
				);
	const synonyms = new Map<string, string[]>();
	for (const row of synonymRows) {
		for (const w of words)
			if (w === row.term || foldDanish(w) === row.term) synonyms.set(w, row.expansions);
	}
	const text = tsqueryText(words, synonyms, match === 'all' ? ' & ' : ' | ');
	const folded = foldDanish(words.join(' '));

	const filters: SQL[] = [];
	if (query.category.length)
		filters.push(sql`o.categories && ${sql.param(query.category)}::text[]`);
	if (query.audience.length) filters.push(sql`o.audiences && ${sql.param(query.audience)}::text[]`);
	if (query.lang.length) filters.push(sql`o.languages && ${sql.param(query.lang)}::text[]`);
	if (query.free) filters.push(sql`o.is_free`);
	if (query.age !== undefined)
		filters.push(
			sql`coalesce(o.minimum_age, 0) <= ${query.age} and coalesce(o.maximum_age, 200) >= ${query.age}`
		);
	const matches =
		words.length === 0
			? sql`true`
			: sql`(o.search_da @@ to_tsquery('danish', ${text}) or o.search_en @@ to_tsquery('english', ${text})
				or word_similarity(${folded}, o.search_folded) >= 0.55)`;
	const where = sql.join([matches, ...filters], sql` and `);
	const rank =
		words.length === 0
			? undefined
			: sql`ts_rank_cd(o.search_da, to_tsquery('danish', ${text})) + ts_rank_cd(o.search_en, to_tsquery('english', ${text}))
				+ 0.5 * word_similarity(${folded}, o.search_folded)`;
	const title = locale === 'en' ? sql`coalesce(o.name->>'en', o.name->>'da')` : sql`o.name->>'da'`;

	const items = rowsOf<{
		id: string;
		slug: string;
		title: string;
		untranslated: boolean;
		organization: string;
		categories: string[];
		url: string | null;
		is_demo: boolean;
	}>(
		await db.execute(sql`
			select o.id, o.slug, ${title} as title, ${locale === 'en'} and o.name->>'en' is null as untranslated,
				org.name as organization, o.categories, o.url, o.is_demo
			from offers o join organizations org on org.id = o.organization_id
			where ${where}
			order by ${rank ? sql`${rank} desc, ` : sql``}${title} asc
			limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`)
	);
	const facetRows = rowsOf<{ facet: string; value: string; n: number }>(
		await db.execute(sql`
			with hits as (select o.* from offers o where ${where})
			select 'total' as facet, '' as value, count(*)::int as n from hits
			union all select 'category', c, count(*)::int from hits, unnest(categories) c group by c
			union all select 'audience', a, count(*)::int from hits, unnest(audiences) a group by a
			union all select 'language', l, count(*)::int from hits, unnest(languages) l group by l`)
	);
	const facets: OfferResults['facets'] = { category: {}, audience: {}, language: {} };
	let total = 0;
	for (const row of facetRows) {
		if (row.facet === 'total') total = row.n;
		else facets[row.facet as keyof typeof facets][row.value] = row.n;
	}
	if (total === 0 && match === 'all' && words.length > 1)
		return searchOffers(db, input, locale, 'any');
	return {
		total,
		facets,
		items: items.map((r) => ({
			id: r.id,
			slug: r.slug,
			title: r.title,
			untranslated: r.untranslated,
			organization: r.organization,
			categories: r.categories,
			url: r.url,
			isDemo: r.is_demo
		}))
	};
}
