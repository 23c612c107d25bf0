import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import { GeocoderUnavailable, type Located } from '../geocoding/index.ts';
import { copenhagenClock, offerIndex, type IndexResults, type OfferIndex } from './search-index.ts';
import { indexQueries, type TsQueryPair } from '../text-index/index.ts';
import { postalArea } from './taxonomy.ts';

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
	/**
	 * A postcode, or an address when an address lookup is configured, to measure distance
	 * from; with sort=distance, nearest first.
	 */
	near: z
		.string()
		.trim()
		.min(1, 'near is a postcode or an address')
		.max(120, 'near is a postcode or an address of at most 120 characters')
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
/** Fewer exact hits than this, and the search looks again by trigram similarity. */
const FUZZY_BELOW = 10;

/** A query read with Danish stemming or with English stemming: either may match. */
const tsq = (text: string) =>
	sql`(to_tsquery('danish', ${text}) || to_tsquery('english', ${text}))`;

/**
 * Words that name the language an offer is given in. Not "dansk"/"danish": those are more often
 * the subject ("learn Danish", "danskundervisning") than the language asked for.
 */
const LANGUAGE_WORDS: Record<string, string> = { english: 'en', engelsk: 'en' };

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
	facets: IndexResults['facets'];
	/**
	 * What distances were measured from, when it is known: a postcode and its name, or an
	 * address as the address lookup wrote it (postalCode null).
	 */
	near: { postalCode: string | null; name: string } | null;
	/** Why `near` was given but no distance measured. */
	nearProblem: NearProblem | null;
	items: OfferHit[];
}

/**
 * unknown-postcode: not a postcode of the municipality; postcode-only: an address, but no
 * address lookup is configured; address-not-found: the lookup knows no such address in
 * Denmark; lookup-unavailable: the lookup did not answer.
 */
export type NearProblem =
	'unknown-postcode' | 'postcode-only' | 'address-not-found' | 'lookup-unavailable';

export interface Near {
	origin: { latitude: number; longitude: number } | null;
	near: OfferResults['near'];
	problem: NearProblem | null;
}

/** Whether a `near` is an address rather than a postcode (four digits). */
export function nearIsAddress(near: string | null | undefined): boolean {
	const text = near?.trim() ?? '';
	return text !== '' && !/^\d{4}$/.test(text);
}

/** Looks an address up: its point and label, null when unknown; throws GeocoderUnavailable. */
export type Locate = (address: string) => Promise<Located | null>;

/**
 * Where distances are measured from: a postcode's centre, or an address through the lookup
 * (offer and job search alike).
 */
export async function resolveNear(
	near: string | undefined,
	postcode: (
		code: string
	) => Promise<{ name: string; latitude: number; longitude: number } | undefined>,
	locate: Locate | undefined
): Promise<Near> {
	const none = (problem: NearProblem | null): Near => ({ origin: null, near: null, problem });
	if (near === undefined) return none(null);
	if (!nearIsAddress(near)) {
		const area = await postcode(near);
		return area
			? { origin: area, near: { postalCode: near, name: area.name }, problem: null }
			: none('unknown-postcode');
	}
	if (!locate) return none('postcode-only');
	try {
		const found = await locate(near);
		return found
			? { origin: found, near: { postalCode: null, name: found.label }, problem: null }
			: none('address-not-found');
	} catch (error) {
		if (error instanceof GeocoderUnavailable) return none('lookup-unavailable');
		throw error;
	}
}

/** A reader's query as both search paths run it: words, synonyms, tsquery texts, filters. */
interface PreparedQuery {
	query: OfferQuery;
	words: string[];
	/** `to_tsquery` text: every word (or, with `any`, one) with its variants. */
	text: string;
	/** The words as typed (with æ/ø/å spellings): ranked above what synonyms and corrections add. */
	typed: string;
	/** A name that starts with this is the likeliest thing sought. */
	prefix: string;
	/** Categories whose name the query says ("mental sundhed"). */
	categoryCodes: string[];
}

interface SearchOptions {
	/** The moment "open now" means (tests pass one). */
	now?: Date;
	/** Every word must match; with no result, any word may (a second, looser search). */
	match?: 'all' | 'any';
	/** Also match vocabulary words close to the query's (typos); tried when exact words find little. */
	fuzzy?: boolean;
	/** The address lookup, when one is configured; throws GeocoderUnavailable when it fails. */
	locate?: Locate;
}

async function prepareQuery(
	input: z.input<typeof offerQuery>,
	options: SearchOptions,
	source: {
		synonyms(terms: string[]): Promise<{ term: string; expansions: string[] }[]>;
		categories: () => Promise<{ code: string; da: string; en: string | null }[]>;
		corrections(words: string[]): Promise<Map<string, string[]>>;
	}
): Promise<PreparedQuery> {
	const match = options.match ?? 'all';
	const query = offerQuery.parse(input);
	let words = queryWords(query.q);
	// "mental health english", "lektiehjælp på engelsk": a language asked for in words is a
	// language filter, not a word the offer must contain.
	const asked = words.filter((w) => LANGUAGE_WORDS[w]);
	if (asked.length && asked.length < words.length) {
		words = words.filter((w) => !LANGUAGE_WORDS[w]);
		query.lang = [...new Set([...query.lang, ...asked.map((w) => LANGUAGE_WORDS[w]!)])];
	}
	const synonymRows =
		words.length === 0 ? [] : await source.synonyms(words.flatMap((w) => [w, foldDanish(w)]));
	const synonyms = new Map<string, string[]>();
	for (const row of synonymRows) {
		for (const w of words)
			if (w === row.term || foldDanish(w) === row.term) synonyms.set(w, row.expansions);
	}
	if (options.fuzzy === true)
		for (const [word, close] of await source.corrections(words))
			synonyms.set(word, [...(synonyms.get(word) ?? []), ...close]);
	return {
		query,
		words,
		text: tsqueryText(words, synonyms, match === 'all' ? ' & ' : ' | '),
		typed: tsqueryText(words, new Map(), ' | '),
		prefix: foldDanish(words.join(' ')).replace(/[%_\\]/g, ''),
		// Category names are searchable too: "mental sundhed" finds offers in "Trivsel og mental
		// sundhed" even when their own text says "psykolog".
		categoryCodes:
			words.length === 0 ? [] : categoriesNamed(await source.categories(), words, synonyms, match)
	};
}

/** Few hits for the words as written: look again with corrections; nothing for several words: any word. */
function retry(
	prepared: PreparedQuery,
	total: number,
	options: SearchOptions
): SearchOptions | null {
	if (total < FUZZY_BELOW && prepared.words.length > 0 && options.fuzzy !== true)
		return { ...options, fuzzy: true };
	if (total === 0 && (options.match ?? 'all') === 'all' && prepared.words.length > 1)
		return { ...options, match: 'any' };
	return null;
}

/**
 * Full-text search with Danish stemming (and English for English text), prefix and typo
 * tolerance, synonyms kept as data, filters and facet counts, ranked best first (without a
 * query, alphabetically). It runs on this instance's offer index (search-index.ts), made of
 * PostgreSQL's own lexemes and kept current by version; the rare query shape the index does not
 * evaluate (a phrase, which to_tsquery makes of "13årige") goes to the database path.
 */
export async function searchOffers(
	db: Db,
	input: z.input<typeof offerQuery>,
	locale: 'da' | 'en',
	options: SearchOptions = {}
): Promise<OfferResults> {
	return searchOnIndex(db, await offerIndex(db), input, locale, options);
}

/** One search on an index already current for this request; a retry reuses it. */
async function searchOnIndex(
	db: Db,
	index: OfferIndex,
	input: z.input<typeof offerQuery>,
	locale: 'da' | 'en',
	options: SearchOptions
): Promise<OfferResults> {
	const vocabulary = index.vocabulary;
	const prepared = await prepareQuery(input, options, {
		synonyms: async (terms) =>
			terms.flatMap((term) => {
				const expansions = vocabulary.synonyms.get(term);
				return expansions ? [{ term, expansions }] : [];
			}),
		categories: async () => vocabulary.categories,
		corrections: (words) =>
			cached(index.cache, `fix:${words.join(' ')}`, () => corrections(db, words))
	});
	const { query, words } = prepared;
	// Trees the index evaluates as the database would; otherwise the database answers.
	const none: TsQueryPair = [null, null];
	const text = words.length ? await indexQueries(db, index.cache, prepared.text) : none;
	const typed = words.length ? await indexQueries(db, index.cache, prepared.typed) : none;
	if (text === null || typed === null) return searchOffersInDatabase(db, input, locale, options);
	const near = await resolveNear(
		query.near,
		async (code) => vocabulary.postalAreas.get(code),
		options.locate
	);
	const origin = near.origin;
	const found = index.search({
		words: words.length > 0,
		text,
		typed,
		namedCategories: prepared.categoryCodes,
		prefix: prepared.prefix,
		category: query.category,
		audience: query.audience,
		lang: query.lang,
		free: query.free,
		age: query.age,
		area: query.area,
		openAt: query.open ? copenhagenClock(options.now ?? new Date()) : null,
		origin,
		byDistance: query.sort === 'distance' && origin !== null,
		locale,
		offset: (query.page - 1) * PAGE_SIZE,
		limit: PAGE_SIZE
	});
	const again = retry(prepared, found.total, options);
	// The same request: no second version check (under load, a second wait in line).
	if (again) return searchOnIndex(db, index, input, locale, again);
	return {
		total: found.total,
		facets: found.facets,
		near: near.near,
		nearProblem: near.problem,
		items: found.items.map(({ offer, place, km }) => ({
			id: offer.id,
			slug: offer.slug,
			title: locale === 'en' ? (offer.name.en ?? offer.name.da) : offer.name.da,
			untranslated: locale === 'en' && offer.name.en === undefined,
			organization: offer.organization,
			categories: offer.categories,
			url: offer.url,
			isDemo: offer.isDemo,
			place: place && {
				name: place.name,
				postalCode: place.postalCode,
				city: place.city,
				latitude: place.latitude,
				longitude: place.longitude
			},
			distanceKm: km === null ? null : Math.round(km * 10) / 10
		}))
	};
}

/** A value kept in the index's per-version cache (cleared whenever the index changes). */
async function cached<T>(
	cache: Map<string, unknown>,
	key: string,
	read: () => Promise<T>
): Promise<T> {
	if (cache.has(key)) return cache.get(key) as T;
	const value = await read();
	// Bounded: a stream of distinct queries must not grow the process without end.
	if (cache.size >= 5000) cache.clear();
	cache.set(key, value);
	return value;
}

/**
 * The same search answered by the database alone, one statement per search: the reference the
 * index is tested against, and the path for query shapes the index does not evaluate. Ties in
 * rank are ordered by the database's collation here, by Danish alphabetical order in the index.
 */
export async function searchOffersInDatabase(
	db: Db,
	input: z.input<typeof offerQuery>,
	locale: 'da' | 'en',
	options: SearchOptions = {}
): Promise<OfferResults> {
	const prepared = await prepareQuery(input, options, {
		synonyms: async (terms) =>
			rowsOf<{ term: string; expansions: string[] }>(
				await db.execute(
					sql`select term, expansions from search_synonyms where term = any(${sql.param(terms)}::text[])`
				)
			),
		categories: async () =>
			rowsOf<{ code: string; da: string; en: string | null }>(
				await db.execute(
					sql`select code, name->>'da' as da, name->>'en' as en from taxonomy_terms where vocabulary = 'category'`
				)
			),
		corrections: (words) => corrections(db, words)
	});
	const { query, words, text, typed, prefix, categoryCodes } = prepared;

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
	if (query.area.length) filters.push(sql`o.postal_codes && ${sql.param(query.area)}::text[]`);
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
	const near = await resolveNear(query.near, (code) => postalArea(db, code), options.locate);
	const origin = near.origin;
	// Great-circle distance in km from the origin to a place (haversine).
	const km = origin
		? sql`2 * 6371 * asin(sqrt(power(sin(radians(l.latitude - ${origin.latitude}) / 2), 2)
				+ cos(radians(${origin.latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${origin.longitude}) / 2), 2)))`
		: sql`null::float8`;
	const inNamedCategory = categoryCodes.length
		? sql`o.categories && ${sql.param(categoryCodes)}::text[]`
		: sql`false`;
	// In the fuzzy pass the query words also stand for the vocabulary words they are close to
	// (corrections above), so matching stays on the full-text indexes.
	const matches =
		words.length === 0 ? sql`true` : sql`(o.search_text @@ ${tsq(text)} or ${inNamedCategory})`;
	const where = sql.join([matches, ...filters], sql` and `);
	const rank =
		words.length === 0
			? sql`0::float4`
			: sql`ts_rank(o.search_text, ${tsq(text)}) + 0.5 * ts_rank(o.search_text, ${tsq(typed)})
				+ case when ${inNamedCategory} then 0.3 else 0 end
				+ case when o.search_folded like ${`${prefix}%`} or o.search_folded like ${`%| ${prefix}%`} then 0.5 else 0 end`;
	const title = locale === 'en' ? sql`coalesce(o.name->>'en', o.name->>'da')` : sql`o.name->>'da'`;
	const byDistance = query.sort === 'distance' && origin !== null;

	// One statement: the matching offers once (hits), then the page of them, their places and
	// the facet counts from the same set. Places are looked up for the page only, and distances
	// for all hits only when the reader sorts by distance.
	const rows = rowsOf<{
		facets: {
			total: number;
			category: Record<string, number> | null;
			audience: Record<string, number> | null;
			language: Record<string, number> | null;
			area: Record<string, number> | null;
		};
		id: string | null;
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
			with hits as materialized (
				select o.id, o.categories, o.audiences, o.languages, o.postal_codes, ${rank} as rank, ${title} as title
				from offers o where ${where}
			),
			distances as (
				${
					byDistance
						? sql`select ol.offer_id, min(${km}) as km from hits h
							join offer_locations ol on ol.offer_id = h.id join locations l on l.id = ol.location_id
							group by ol.offer_id`
						: sql`select null::uuid as offer_id, null::float8 as km where false`
				}
			),
			page as (
				select h.id, h.rank, h.title, d.km from hits h left join distances d on d.offer_id = h.id
				order by ${byDistance ? sql`d.km asc nulls last, ` : sql``}h.rank desc, h.title asc, h.id
				limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}
			),
			facets as (
				select json_build_object(
					'total', (select count(*) from hits),
					'category', (select json_object_agg(c, n) from (select c, count(*)::int as n from hits, unnest(categories) c group by c) x),
					'audience', (select json_object_agg(a, n) from (select a, count(*)::int as n from hits, unnest(audiences) a group by a) x),
					'language', (select json_object_agg(g, n) from (select g, count(*)::int as n from hits, unnest(languages) g group by g) x),
					'area', (select json_object_agg(pc, n) from (select pc, count(*)::int as n from hits, unnest(postal_codes) pc group by pc) x)
				) as f
			)
			select f.f as facets, p.id, o.slug, p.title, ${locale === 'en'} and o.name->>'en' is null as untranslated,
				org.name as organization, o.categories, o.url, o.is_demo,
				pl.name as place_name, pl.postal_code, pl.city, pl.latitude, pl.longitude, pl.km as distance_km
			from facets f
			left join page p on true
			left join offers o on o.id = p.id
			left join organizations org on org.id = o.organization_id
			left join lateral (
				select l.name, l.postal_code, l.city, l.latitude, l.longitude, ${km} as km
				from offer_locations ol join locations l on l.id = ol.location_id
				where ol.offer_id = p.id
				order by 6 nulls last, l.name limit 1
			) pl on true
			order by ${byDistance ? sql`p.km asc nulls last, ` : sql``}p.rank desc, p.title asc, p.id`)
	);
	const found = rows[0]!.facets;
	const total = Number(found.total);
	const facets: OfferResults['facets'] = {
		category: found.category ?? {},
		audience: found.audience ?? {},
		language: found.language ?? {},
		area: found.area ?? {}
	};
	const items = rows.filter((r) => r.id !== null);
	const again = retry(prepared, total, options);
	if (again) return searchOffersInDatabase(db, input, locale, again);
	return {
		total,
		facets,
		near: near.near,
		nearProblem: near.problem,
		items: items.map((r) => ({
			id: r.id!,
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

/** The folded words of each category's two names; kept while the index keeps the same list. */
const namePartsOf = new WeakMap<object, string[][][]>();
function nameParts(terms: { da: string; en: string | null }[]): string[][][] {
	let parts = namePartsOf.get(terms);
	if (!parts) {
		parts = terms.map((t) => [t.da, t.en ?? ''].map((name) => queryWords(name).map(foldDanish)));
		namePartsOf.set(terms, parts);
	}
	return parts;
}

/** The words of offer names worth correcting towards (three letters or more). */
export function nameWords(...names: (string | undefined | null)[]): string[] {
	return [...new Set(queryWords(names.filter(Boolean).join(' ')))].filter(
		(w) => w.length >= 3 && !/^\d+$/.test(w)
	);
}

/** Adds the words of an offer's names to the vocabulary typos are corrected against. */
export async function rememberWords(tx: Db, name: { da: string; en?: string }): Promise<void> {
	const words = nameWords(name.da, name.en);
	if (words.length)
		await tx.execute(
			sql`insert into search_words (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`
		);
}

/** Rebuilds the vocabulary from every stored offer (after a bulk load that bypassed services). */
export async function rebuildSearchWords(db: Db): Promise<void> {
	await db.execute(sql`insert into search_words (word)
		select distinct w from offers,
			regexp_split_to_table(lower(coalesce(name->>'da', '') || ' ' || coalesce(name->>'en', '')), '[^[:alnum:]æøåéèêëáàäöüó]+') as w
		where length(w) >= 3 and w !~ '^[0-9]+$'
		on conflict do nothing`);
}

/**
 * Words of the vocabulary that a (perhaps misspelt, perhaps æ/ø/å-less) query word is close
 * to, best first: "fodbolt" → "fodbold", "lob" → "løbeklub".
 */
async function corrections(db: Db, words: string[]): Promise<Map<string, string[]>> {
	const candidates = words.filter((w) => w.length >= 3);
	if (candidates.length === 0) return new Map();
	const ascii = (w: string) => w.replace(/[æøåéèêëáàäöüó]/g, (c) => ASCII[c] ?? c);
	const rows = rowsOf<{ q: string; word: string }>(
		await db.execute(sql`
			select q.q, c.word from unnest(${sql.param(candidates)}::text[], ${sql.param(candidates.map(ascii))}::text[]) as q(q, f)
			cross join lateral (
				-- Close to the word typed, or (for compounds such as "psykologhjælp") a word of at
				-- least four letters inside it.
				select word from search_words
				where q.f <% folded or (length(folded) >= 4 and word_similarity(folded, q.f) >= 0.8)
				order by greatest(word_similarity(q.f, folded), word_similarity(folded, q.f)) desc, length(word)
				limit 3
			) c`)
	);
	const found = new Map<string, string[]>();
	for (const r of rows) found.set(r.q, [...(found.get(r.q) ?? []), r.word]);
	return found;
}

const ASCII: Record<string, string> = {
	æ: 'a',
	ø: 'o',
	å: 'a',
	é: 'e',
	è: 'e',
	ê: 'e',
	ë: 'e',
	á: 'a',
	à: 'a',
	ä: 'a',
	ö: 'o',
	ü: 'u',
	ó: 'o'
};
