import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import {
	foldDanish,
	inLocale,
	overlapping,
	kmOf,
	nearParameter,
	postcodeParameter,
	queryWords,
	roundKm,
	searchNear,
	squaredDegrees,
	tsQuery,
	type NearAnswer,
	type Near,
	type SearchContext,
	type TextQuery,
	type Vocabulary,
	versionCache,
	type Hit
} from '../search/index.ts';

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
	area: z.array(postcodeParameter).max(20).default([]),
	/**
	 * A postcode, or an address when an address lookup is configured, to measure distance
	 * from; with sort=distance, nearest first.
	 */
	near: nearParameter.optional(),
	/** Only offers open now (by their weekly schedule, Danish time). */
	open: z.boolean().default(false),
	sort: z
		.enum(['relevance', 'distance', 'newest'], {
			error: 'sort is relevance, distance or newest'
		})
		.default('relevance'),
	page: z.number().int().min(1).max(1000).default(1)
});
export type OfferQuery = z.infer<typeof offerQuery>;

export const PAGE_SIZE = 20;
/**
 * Words that name the language an offer is given in. Not "dansk"/"danish": those are more often
 * the subject ("learn Danish", "danskundervisning") than the language asked for.
 */
const LANGUAGE_WORDS: Record<string, string> = { english: 'en', engelsk: 'en' };

export interface OfferHit extends Hit {
	organization: string;
	categories: string[];
	url: string | null;
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
	/** When the offer was published, and when it last changed (ISO 8601). */
	createdAt: string;
	updatedAt: string;
}

export interface OfferResults extends NearAnswer {
	total: number;
	/** Counts per value over the offers found. */
	facets: {
		category: Record<string, number>;
		audience: Record<string, number>;
		language: Record<string, number>;
		area: Record<string, number>;
	};
	items: OfferHit[];
}

/** The counts as the statement returns them. */
interface Facets {
	total: number;
	category: Record<string, number> | null;
	audience: Record<string, number> | null;
	language: Record<string, number> | null;
	area: Record<string, number> | null;
}

/** Counts per content version, words and filters (see offersMatching). */
const cachedFacets = versionCache<Facets>();

interface SearchOptions extends SearchContext {
	/** The moment "open now" means (tests pass one). */
	now?: Date;
}

/**
 * Full-text search with Danish stemming (and English for English text), prefixes, synonyms kept
 * as data, typo tolerance, filters and facet counts, ranked best first (without words, in
 * alphabetical order: Danish with æ, ø, å after z). Two statements: the facet counts over the
 * matching offers (kept per content version, words and filters), and the page of them with
 * their nearest place. A search that finds nothing looks again with typo corrections, then
 * (several words) any word.
 */
export async function searchOffers(
	db: Db,
	input: z.input<typeof offerQuery>,
	locale: 'da' | 'en',
	options: SearchOptions = {}
): Promise<OfferResults> {
	return findOffers(db, offerQuery.parse(input), locale, options);
}

async function findOffers(
	db: Db,
	input: OfferQuery,
	locale: 'da' | 'en',
	options: SearchOptions
): Promise<OfferResults> {
	const query = structuredClone(input);
	let words = queryWords(query.q);
	// "mental health english", "lektiehjælp på engelsk": a language asked for in words is a
	// language filter, not a word the offer must contain.
	const asked = words.filter((w) => LANGUAGE_WORDS[w]);
	if (asked.length && asked.length < words.length) {
		words = words.filter((w) => !LANGUAGE_WORDS[w]);
		query.lang = [...new Set([...query.lang, ...asked.map((w) => LANGUAGE_WORDS[w]!)])];
	}
	return searchNear(db, words, { ...options, near: query.near }, (text, { vocabulary, near }) =>
		offersMatching(db, query, text, vocabulary, near, locale, options)
	);
}

/** The offers that match the words (as `text` reads them) and the filters: counts and a page. */
async function offersMatching(
	db: Db,
	query: OfferQuery,
	{ words, match, text, typed, prefix, synonyms }: TextQuery,
	vocabulary: Vocabulary,
	near: Near,
	locale: 'da' | 'en',
	options: SearchOptions
): Promise<OfferResults> {
	// Category names are searchable too: "mental sundhed" finds offers in "Trivsel og mental
	// sundhed" even when their own text says "psykolog".
	const categoryCodes =
		words.length === 0 ? [] : categoriesNamed(vocabulary.categories, words, synonyms, match);
	const filters: SQL[] = [
		overlapping(sql`o.categories`, query.category),
		overlapping(sql`o.audiences`, query.audience),
		overlapping(sql`o.languages`, query.lang),
		overlapping(sql`o.postal_codes`, query.area)
	];
	if (query.free) filters.push(sql`o.is_free`);
	if (query.age !== undefined)
		filters.push(
			sql`coalesce(o.minimum_age, 0) <= ${query.age} and coalesce(o.maximum_age, 200) >= ${query.age}`
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
	const origin = near.origin;
	// Distance to a place, as the square in degrees that orders it (kilometres for the page only).
	const d2 = origin ? squaredDegrees(origin, sql`l.latitude`, sql`l.longitude`) : sql`null::float8`;
	const inNamedCategory = categoryCodes.length
		? sql`o.categories && ${sql.param(categoryCodes)}::text[]`
		: sql`false`;
	// In the fuzzy pass the query words also stand for the vocabulary words they are close to
	// (corrections above), so matching stays on the full-text indexes.
	const matches =
		words.length === 0 ? sql`true` : sql`(o.search_text @@ ${tsQuery(text)} or ${inNamedCategory})`;
	const where = sql.join([matches, ...filters], sql` and `);
	const rank =
		words.length === 0
			? sql`0::float4`
			: sql`ts_rank(o.search_text, ${tsQuery(text)}) + 0.5 * ts_rank(o.search_text, ${tsQuery(typed)})
				+ case when ${inNamedCategory} then 0.3 else 0 end
				+ case when o.search_folded like ${`${prefix}%`} or o.search_folded like ${`%| ${prefix}%`} then 0.5 else 0 end`;
	const title = inLocale(sql`o.name`, locale);
	// Alphabetical order: Danish with æ, ø, å after z and aa as å, English without accents
	// (generated columns, compared byte by byte whatever the database's collation).
	const sortKey = locale === 'en' ? sql`o.sort_en` : sql`o.sort_da`;
	const byDistance = query.sort === 'distance' && origin !== null;
	// What orders the page before relevance: the distance (nearest first) or the last change
	// (newest first, as a feed reads), when the reader asks for it.
	const first = (d2: SQL, changed: SQL) =>
		byDistance
			? sql`${d2} asc nulls last, `
			: query.sort === 'newest'
				? sql`${changed} desc, `
				: sql``;

	// The counts depend on the words and filters only, not on the page or the order: kept per
	// content version (and, with "open now", per minute), so another page or sort reuses them.
	// A search whose counts say nothing matched reads no page.
	const found = await cachedFacets(
		db,
		options.version,
		JSON.stringify([
			words.length ? text : '',
			categoryCodes,
			query.category,
			query.audience,
			query.lang,
			query.free,
			query.age ?? null,
			query.area,
			query.open ? Math.floor((options.now ?? new Date()).getTime() / 60_000) : false
		]),
		async () =>
			rowsOf<{ f: Facets }>(
				await db.execute(sql`
					with hits as materialized (
						select o.categories, o.audiences, o.languages, o.postal_codes from offers o where ${where}
					),
					-- Every facet in one pass: the four arrays side by side (the shorter padded with
					-- nulls), counted per value of each.
					counts as (
						select c, a, g, pc, count(*)::int as n
						from hits, unnest(categories, audiences, languages, postal_codes) as f(c, a, g, pc)
						group by grouping sets ((c), (a), (g), (pc))
					)
					select json_build_object(
						'total', (select count(*) from hits),
						'category', (select json_object_agg(c, n) from counts where c is not null),
						'audience', (select json_object_agg(a, n) from counts where a is not null),
						'language', (select json_object_agg(g, n) from counts where g is not null),
						'area', (select json_object_agg(pc, n) from counts where pc is not null)
					) as f`)
			)[0]!.f
	);
	const total = Number(found.total);
	const facets: OfferResults['facets'] = {
		category: found.category ?? {},
		audience: found.audience ?? {},
		language: found.language ?? {},
		area: found.area ?? {}
	};
	// The page: the matching offers ranked, then their places. Places are looked up for the page
	// only, and distances for all hits only when the reader sorts by distance.
	const rows =
		total === 0
			? []
			: rowsOf<
					Pick<
						OfferHit,
						'id' | 'slug' | 'title' | 'untranslated' | 'organization' | 'categories' | 'url'
					> & {
						is_demo: boolean;
						place_name: string | null;
						postal_code: string | null;
						city: string | null;
						latitude: number | null;
						longitude: number | null;
						distance_km: number | null;
						created_at: string | Date;
						updated_at: string | Date;
					}
				>(
					await db.execute(sql`
			with ${
				// Without words, in alphabetical order: the page is read in that order from an
				// index (offers_sort_da_idx), not found by sorting every match.
				words.length === 0 && !byDistance && query.sort !== 'newest'
					? sql`page as (
				select o.id, 0::float4 as rank, ${sortKey} as sort_key, o.updated_at as changed, null::float8 as d2
				from offers o where ${where}
				order by ${sortKey} collate "C", o.id
				limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}
			)`
					: sql`hits as materialized (
				select o.id, ${rank} as rank, ${sortKey} as sort_key, o.updated_at as changed
				from offers o where ${where}
			),
			distances as (
				${
					byDistance
						? sql`select ol.offer_id, min(${d2}) as d2 from hits h
							join offer_locations ol on ol.offer_id = h.id join locations l on l.id = ol.location_id
							group by ol.offer_id`
						: sql`select null::uuid as offer_id, null::float8 as d2 where false`
				}
			),
			page as (
				select h.id, h.rank, h.sort_key, h.changed, d.d2 from hits h left join distances d on d.offer_id = h.id
				order by ${first(sql`d.d2`, sql`h.changed`)}h.rank desc, h.sort_key collate "C", h.id
				limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}
			)`
			}
			select p.id, o.slug, ${title} as title, ${locale === 'en'} and o.name->>'en' is null as untranslated,
				org.name as organization, o.categories, o.url, o.is_demo, o.created_at, o.updated_at,
				pl.name as place_name, pl.postal_code, pl.city, pl.latitude, pl.longitude, ${kmOf(sql`pl.d2`)} as distance_km
			from page p
			join offers o on o.id = p.id
			join organizations org on org.id = o.organization_id
			left join lateral (
				select l.name, l.postal_code, l.city, l.latitude, l.longitude, ${d2} as d2
				from offer_locations ol join locations l on l.id = ol.location_id
				where ol.offer_id = p.id
				order by 6 nulls last, l.name limit 1
			) pl on true
			order by ${first(sql`p.d2`, sql`p.changed`)}p.rank desc, p.sort_key collate "C", p.id`)
				);
	const items = rows;

	return {
		total,
		facets,
		near: near.near,
		nearProblem: near.problem,
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
			distanceKm: roundKm(r.distance_km),
			createdAt: new Date(r.created_at).toISOString(),
			updatedAt: new Date(r.updated_at).toISOString()
		}))
	};
}

/**
 * Category codes whose Danish or English name contains every query word (or, with `any`, one
 * of them) as the start of a word, directly or through a synonym.
 */
function categoriesNamed(
	terms: { code: string; da: string; en: string | null }[],
	words: string[],
	synonyms: ReadonlyMap<string, string[]>,
	match: 'all' | 'any'
): string[] {
	const parts = nameParts(terms);
	const variants = words.map((word) =>
		[word, ...(synonyms.get(word) ?? []).flatMap(queryWords)]
			.map(foldDanish)
			.filter((v) => v.length >= 2)
	);
	const named = (name: string[], k: number) =>
		variants[k]!.some((v) => name.some((p) => p.startsWith(v)));
	return terms
		.filter((_, i) =>
			parts[i]!.some((name) =>
				match === 'all'
					? words.every((_, k) => named(name, k))
					: words.some((_, k) => named(name, k))
			)
		)
		.map((t) => t.code);
}

/** The folded words of each category's two names; kept while the vocabulary is the same. */
const namePartsOf = new WeakMap<object, string[][][]>();
function nameParts(terms: { da: string; en: string | null }[]): string[][][] {
	let parts = namePartsOf.get(terms);
	if (!parts) {
		parts = terms.map((t) => [t.da, t.en ?? ''].map((name) => queryWords(name).map(foldDanish)));
		namePartsOf.set(terms, parts);
	}
	return parts;
}
