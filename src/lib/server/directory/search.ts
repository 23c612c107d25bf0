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
		/** Also match vocabulary words close to the query's (typos); tried when exact words find little. */
		fuzzy?: boolean;
	} = {}
): Promise<OfferResults> {
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
	const fuzzy = options.fuzzy === true;
	if (fuzzy)
		for (const [word, close] of await corrections(db, words))
			synonyms.set(word, [...(synonyms.get(word) ?? []), ...close]);
	const text = tsqueryText(words, synonyms, match === 'all' ? ' & ' : ' | ');
	// The words as typed (with æ/ø/å spellings) rank above what synonyms and corrections add.
	const typed = tsqueryText(words, new Map(), ' | ');
	const folded = foldDanish(words.join(' '));
	// A name that starts with what was typed is the likeliest thing sought.
	const prefix = folded.replace(/[%_\\]/g, '');
	// Category names are searchable too: "mental sundhed" finds offers in "Trivsel og mental
	// sundhed" even when their own text says "psykolog".
	const categoryCodes = words.length === 0 ? [] : await categoriesNamed(db, words, synonyms, match);

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
	const byDistance = query.sort === 'distance' && origin !== undefined;

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
				order by ${byDistance ? sql`d.km asc nulls last, ` : sql``}h.rank desc, h.title asc
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
			order by ${byDistance ? sql`p.km asc nulls last, ` : sql``}p.rank desc, p.title asc`)
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
	// Few hits for the words as written: perhaps a typo or a missing æ/ø/å; look again by
	// similarity. Still nothing for several words: let any of them match.
	if (total < FUZZY_BELOW && words.length > 0 && !fuzzy)
		return searchOffers(db, input, locale, { ...options, fuzzy: true });
	if (total === 0 && match === 'all' && words.length > 1)
		return searchOffers(db, input, locale, { ...options, match: 'any' });
	return {
		total,
		facets,
		near: origin ? { postalCode: origin.postal_code, name: origin.name } : null,
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
async function categoriesNamed(
	db: Db,
	words: string[],
	synonyms: ReadonlyMap<string, string[]>,
	match: 'all' | 'any'
): Promise<string[]> {
	const terms = rowsOf<{ code: string; da: string; en: string | null }>(
		await db.execute(
			sql`select code, name->>'da' as da, name->>'en' as en from taxonomy_terms where vocabulary = 'category'`
		)
	);
	const named = (name: string, word: string) => {
		const parts = queryWords(name).map(foldDanish);
		const variants = [word, ...(synonyms.get(word) ?? []).flatMap(queryWords)].map(foldDanish);
		return variants.some((v) => v.length >= 2 && parts.some((p) => p.startsWith(v)));
	};
	return terms
		.filter((t) =>
			[t.da, t.en ?? ''].some((name) =>
				match === 'all' ? words.every((w) => named(name, w)) : words.some((w) => named(name, w))
			)
		)
		.map((t) => t.code);
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
