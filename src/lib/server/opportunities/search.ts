import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import {
	countFacets,
	facetCountCache,
	inList,
	inLocale,
	kmOf,
	type Near,
	type NearAnswer,
	nearParameter,
	overlapping,
	postcodeParameter,
	queryWords,
	roundKm,
	type SearchContext,
	searchNear,
	squaredDegrees,
	squaredRadius,
	type TextQuery,
	tsQuery,
	valueFacet,
	type Hit
} from '../search/index.ts';
import { OPPORTUNITY_TYPES } from './schema.ts';

/** Open now: approved, and before its deadline day ends (or its 60 days when it has none). */
const isOpen = (now: Date) => sql`o.expires_at > ${now.toISOString()}::timestamptz`;

const code = z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a known code');

export const opportunityQuery = z.object({
	q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
	type: z
		.array(z.enum(OPPORTUNITY_TYPES, { error: 'not a kind of posting' }))
		.max(6)
		.default([]),
	/** Education fields (any of them). */
	field: z.array(code).max(20).default([]),
	/** Education levels (any of them). */
	level: z.array(code).max(10).default([]),
	englishFriendly: z.boolean().default(false),
	maxHours: z.number().int().min(1).max(60).optional(),
	/** Only postings whose deadline is on or after this day. */
	deadlineFrom: z.iso.date().optional(),
	area: z.array(postcodeParameter).max(20).default([]),
	/**
	 * A postcode, or an address when an address lookup is configured, to measure distance
	 * from; with `km`, only postings that near (or remote).
	 */
	near: nearParameter.optional(),
	km: z.number().int().min(1).max(500).optional(),
	sort: z.enum(['relevance', 'newest', 'deadline', 'distance']).default('relevance'),
	page: z.number().int().min(1).max(1000).default(1)
});
export type OpportunityQuery = z.infer<typeof opportunityQuery>;
export const OPPORTUNITY_PAGE_SIZE = 20;

export interface OpportunityHit extends Hit {
	type: string;
	organization: string;
	city: string | null;
	remote: boolean;
	deadline: string | null;
	hoursPerWeek: number | null;
	englishFriendly: boolean;
	/** When it was published. */
	createdAt: string;
	/** Its last change: publication, an approved change or a renewal. */
	updatedAt: string;
	/** Kilometres from `near` (a postcode's centre or an address) to the workplace, when both are known. */
	distanceKm: number | null;
}

export interface OpportunityResults extends NearAnswer {
	total: number;
	/** Counts per value; each ignores its own filter, so a reader sees what the others hold. */
	types: Record<string, number>;
	fields: Record<string, number>;
	levels: Record<string, number>;
	items: OpportunityHit[];
}

interface SearchOptions extends SearchContext {
	/** Saved searches' news: only postings published after this moment and up to `now`. */
	publishedAfter?: Date;
	pageSize?: number;
}

/**
 * Open postings, ranked (Danish or English full text, with synonyms and æ/ø/å spellings),
 * newest, soonest deadline or nearest first, with counts per kind, field and level. A search
 * that finds nothing looks again with typo corrections, then (several words) any word.
 * `publishedAfter` (not a URL parameter) keeps postings published after that moment and up to
 * `now`: the news a saved search mails about.
 */
export async function searchOpportunities(
	db: Db,
	input: z.input<typeof opportunityQuery>,
	locale: 'da' | 'en',
	now = new Date(),
	options: SearchOptions = {}
): Promise<OpportunityResults> {
	const query = opportunityQuery.parse(input);
	return searchNear(db, queryWords(query.q), { ...options, near: query.near }, (text, { near }) =>
		postingsMatching(db, query, text, near, locale, now, options)
	);
}

/** Two statements, sent together: the page, and the counts. */
async function postingsMatching(
	db: Db,
	query: OpportunityQuery,
	{ words, text, typed }: TextQuery,
	near: Near,
	locale: 'da' | 'en',
	now: Date,
	options: SearchOptions
): Promise<OpportunityResults> {
	const pageSize = options.pageSize ?? OPPORTUNITY_PAGE_SIZE;
	const tsq = tsQuery(text);
	const origin = near.origin;
	// Distance from the origin to the workplace (its coordinates, else its postcode's centre),
	// as the square in degrees that filters and orders; kilometres for the page only.
	const d2 = origin
		? squaredDegrees(
				origin,
				sql`coalesce(o.latitude, pa.latitude)`,
				sql`coalesce(o.longitude, pa.longitude)`
			)
		: sql`null::float8`;
	const km = kmOf(sql`page.d2`);
	const filters: SQL[] = [isOpen(now)];
	if (options.publishedAfter)
		filters.push(
			sql`o.created_at > ${options.publishedAfter.toISOString()}::timestamptz and o.created_at <= ${now.toISOString()}::timestamptz`
		);
	if (words.length) filters.push(sql`o.search_text @@ ${tsq}`);
	if (query.englishFriendly) filters.push(sql`o.english_friendly`);
	if (query.maxHours !== undefined)
		filters.push(sql`(o.hours_per_week is null or o.hours_per_week <= ${query.maxHours})`);
	if (query.deadlineFrom) filters.push(sql`o.deadline >= ${query.deadlineFrom}::date`);
	if (query.area.length) filters.push(inList(sql`o.postal_code`, query.area));
	if (origin && query.km !== undefined)
		filters.push(sql`(o.remote or ${d2} <= ${squaredRadius(query.km)}::float8)`);
	// Kind, field and level are read from `facet_key` (in the covering index, so choosing the
	// page stays an index-only scan): `type|field,field|level,level`.
	const part = (n: number) => sql`split_part(o.facet_key, '|', ${sql.raw(String(n))})`;
	const byType = inList(part(1), query.type);
	const byField = overlapping(sql`string_to_array(${part(2)}, ',')`, query.field);
	const byLevel = overlapping(sql`string_to_array(${part(3)}, ',')`, query.level);
	const title = inLocale(sql`o.title`, locale);
	// The order, given how the squared distance is named where it is used.
	const order = (distance: SQL) =>
		query.sort === 'newest'
			? sql`o.created_at desc, o.id`
			: query.sort === 'deadline'
				? sql`o.deadline asc nulls last, o.created_at desc, o.id`
				: query.sort === 'distance' && origin
					? sql`${distance} asc nulls last, o.created_at desc, o.id`
					: words.length
						? sql`ts_rank(o.search_text, ${tsq}) + 0.5 * ts_rank(o.search_text, ${tsQuery(typed)}) desc, o.created_at desc, o.id`
						: sql`o.created_at desc, o.id`;
	const joinAreas = origin
		? sql`left join postal_areas pa on pa.postal_code = o.postal_code`
		: sql``;
	const base = sql.join(filters, sql` and `);
	// Two statements, sent together. The page: ordered by an index where the order allows
	// (newest, deadline), so only the page's rows are read. The counts: one pass over the open
	// postings that pass the other filters, grouped by their kind, fields and levels (one text
	// key, `facet_key`, read from an index), a few hundred groups from which the total and every
	// count are summed in countsOf; each count ignores its own filter, so a reader sees what the
	// other values hold.
	const pageRows = db.execute(sql`
			with page as (
				select o.id, ${d2} as d2
				from opportunities o ${joinAreas}
				where ${base} and ${byType} and ${byField} and ${byLevel}
				order by ${order(d2)}
				limit ${pageSize} offset ${(query.page - 1) * pageSize}
			)
			select o.id, o.slug, o.type, ${title} as title,
				${locale === 'en'} and o.title->>'en' is null as untranslated,
				org.name as organization, o.city, o.remote, o.deadline::text as deadline,
				o.hours_per_week as "hoursPerWeek", o.english_friendly as "englishFriendly",
				o.is_demo as "isDemo", o.created_at::text as "createdAt",
				o.updated_at::text as "updatedAt", ${km} as km
			from page join opportunities o on o.id = page.id
			join organizations org on org.id = o.organization_id
			order by ${order(sql`page.d2`)}`);
	// The groups depend on the words and the other filters, not on kind, field and level (applied
	// to them here) nor on the page or order; the counts on those too. Both are kept per content
	// version and minute (a posting closes at its deadline).
	const groupsKey = JSON.stringify([
		words.length ? text : '',
		options.publishedAfter?.toISOString() ?? null,
		query.englishFriendly,
		query.maxHours ?? null,
		query.deadlineFrom ?? null,
		query.area,
		origin && query.km !== undefined ? [origin.latitude, origin.longitude, query.km] : null,
		Math.floor(now.getTime() / 60_000)
	]);
	const counts = cachedCounts(
		db,
		options.version,
		{ groups: groupsKey, filters: [query.type, query.field, query.level] },
		async () =>
			rowsOf<{ facet_key: string; n: number }>(
				await db.execute(sql`
					select o.facet_key, count(*)::int as n from opportunities o ${joinAreas}
					where ${base} group by o.facet_key`)
			),
		(groups) =>
			countFacets(groups.map(splitFacetKey), {
				types: valueFacet(query.type, (g: FacetGroup) => g.type),
				fields: valueFacet(query.field, (g: FacetGroup) => g.fields),
				levels: valueFacet(query.level, (g: FacetGroup) => g.levels)
			})
	);
	const [rowsRead, { total, types, fields, levels }] = await Promise.all([pageRows, counts]);
	// Named as a hit is, but the unrounded distance.
	const rows = rowsOf<Omit<OpportunityHit, 'distanceKm'> & { km: number | null }>(rowsRead);
	return {
		total,
		types,
		fields,
		levels,
		near: near.near,
		nearProblem: near.problem,
		items: rows.map(({ km, ...hit }) => ({ ...hit, distanceKm: roundKm(km) }))
	};
}

/** Groups of open postings by kind, fields and levels (`facet_key`), and their counts, kept per version. */
const cachedCounts = facetCountCache<
	{ facet_key: string; n: number },
	Pick<OpportunityResults, 'total' | 'types' | 'fields' | 'levels'>
>();

type FacetGroup = { type: string; fields: string[]; levels: string[]; n: number };

/** A group of postings: their kind, fields and levels are kept as one key (`facet_key`). */
function splitFacetKey({ facet_key, n }: { facet_key: string; n: number }): FacetGroup {
	const [type = '', fields = '', levels = ''] = facet_key.split('|');
	return {
		type,
		fields: fields ? fields.split(',') : [],
		levels: levels ? levels.split(',') : [],
		n
	};
}
