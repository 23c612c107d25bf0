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
	/** Offers with a place in one of these postcodes. */
	area: z
		.array(z.string().regex(/^\d{4}$/, 'a postcode has four digits'))
		.max(20)
		.default([]),
	/** A postcode to measure distance from; with sort=distance, nearest first. */
	near: z
		.string()
		.regex(/^\d{4}$/, 'a postcode has four digits')
		.optional(),
	/** Only offers open now (by their weekly schedule, Danish time). */
	open: z.boolean().default(false),
	sort: z
		.enum(['relevance', 'distance'], { error: 'sort is relevance or distance' })
		.default('relevance'),
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
	/** The offer's nearest place (to `near`, or its first), for the list and the map. */
	place: {
		name: string;
		postalCode: string;
		city: string;
		latitude: number | null;
		longitude: number | null;
	} | null;
	/** Kilometres from the centre of the `near` postcode to the nearest place. */
	distanceKm: number | null;
}

export interface OfferResults {
	total: number;
	facets: {
		category: Record<string, number>;
		audience: Record<string, number>;
		language: Record<string, number>;
		area: Record<string, number>;
	};
	/** The postcode distances were measured from, when it is known. */
	near: { postalCode: string; name: string } | null;
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
	options: {
		/** The moment "open now" means (tests pass one). */
		now?: Date;
		/** Every word must match; with no result, any word may (a second, looser search). */
		match?: 'all' | 'any';
	} = {}
): Promise<OfferResults> {
	const match = options.match ?? 'all';
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
	if (query.area.length)
		filters.push(
			sql`exists (select 1 from offer_locations ol join locations l on l.id = ol.location_id
				where ol.offer_id = o.id and l.postal_code = any(${sql.param(query.area)}::text[]))`
		);
	if (query.open) {
		const now = (options.now ?? new Date()).toISOString();
		// The weekday and clock in Copenhagen; schedules are written in local time.
		filters.push(sql`exists (select 1 from schedules s where s.offer_id = o.id
			and position((array['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow from (${now}::timestamptz at time zone 'Europe/Copenhagen'))::int] in s.byday) > 0
			and (${now}::timestamptz at time zone 'Europe/Copenhagen')::time >= s.opens_at
			and (${now}::timestamptz at time zone 'Europe/Copenhagen')::time < s.closes_at
			and (s.valid_from is null or s.valid_from <= ${now}::timestamptz)
			and (s.valid_to is null or s.valid_to > ${now}::timestamptz))`);
	}
	const [origin] = query.near
		? rowsOf<{ postal_code: string; name: string; latitude: number; longitude: number }>(
				await db.execute(
					sql`select postal_code, name, latitude, longitude from postal_areas where postal_code = ${query.near}`
				)
			)
		: [];
	// Great-circle distance in km from the origin to a place (haversine).
	const km = origin
		? sql`2 * 6371 * asin(sqrt(power(sin(radians(l.latitude - ${origin.latitude}) / 2), 2)
				+ cos(radians(${origin.latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${origin.longitude}) / 2), 2)))`
		: sql`null::float8`;
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

	const byDistance = query.sort === 'distance' && origin !== undefined;
	const items = rowsOf<{
		id: string;
		slug: string;
		title: string;
		untranslated: boolean;
		organization: string;
		categories: string[];
		url: string | null;
		is_demo: boolean;
		place_name: string | null;
		postal_code: string | null;
		city: string | null;
		latitude: number | null;
		longitude: number | null;
		distance_km: number | null;
	}>(
		await db.execute(sql`
			select o.id, o.slug, ${title} as title, ${locale === 'en'} and o.name->>'en' is null as untranslated,
				org.name as organization, o.categories, o.url, o.is_demo,
				p.name as place_name, p.postal_code, p.city, p.latitude, p.longitude, p.km as distance_km
			from offers o join organizations org on org.id = o.organization_id
			left join lateral (
				select l.name, l.postal_code, l.city, l.latitude, l.longitude, ${km} as km
				from offer_locations ol join locations l on l.id = ol.location_id
				where ol.offer_id = o.id
				order by 6 nulls last, l.name limit 1
			) p on true
			where ${where}
			order by ${byDistance ? sql`p.km asc nulls last, ` : sql``}${rank ? sql`${rank} desc, ` : sql``}${title} asc
			limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`)
	);
	const facetRows = rowsOf<{ facet: string; value: string; n: number }>(
		await db.execute(sql`
			with hits as (select o.* from offers o where ${where})
			select 'total' as facet, '' as value, count(*)::int as n from hits
			union all select 'category', c, count(*)::int from hits, unnest(categories) c group by c
			union all select 'audience', a, count(*)::int from hits, unnest(audiences) a group by a
			union all select 'language', l, count(*)::int from hits, unnest(languages) l group by l
			union all select 'area', l.postal_code, count(distinct hits.id)::int
				from hits join offer_locations ol on ol.offer_id = hits.id join locations l on l.id = ol.location_id
				group by l.postal_code`)
	);
	const facets: OfferResults['facets'] = { category: {}, audience: {}, language: {}, area: {} };
	let total = 0;
	for (const row of facetRows) {
		if (row.facet === 'total') total = row.n;
		else facets[row.facet as keyof typeof facets][row.value] = row.n;
	}
	if (total === 0 && match === 'all' && words.length > 1)
		return searchOffers(db, input, locale, { ...options, match: 'any' });
	return {
		total,
		facets,
		near: origin ? { postalCode: origin.postal_code, name: origin.name } : null,
		items: items.map((r) => ({
			id: r.id,
			slug: r.slug,
			title: r.title,
			untranslated: r.untranslated,
			organization: r.organization,
			categories: r.categories,
			url: r.url,
			isDemo: r.is_demo,
			place:
				r.place_name === null
					? null
					: {
							name: r.place_name,
							postalCode: r.postal_code!,
							city: r.city!,
							latitude: r.latitude,
							longitude: r.longitude
						},
			distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10
		}))
	};
}
