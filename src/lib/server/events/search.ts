import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import { copenhagenMidnight, dayAfter } from '../local-date.ts';
import {
	codeFilter,
	countFacets,
	facetCountCache,
	groupsWithOrganisation,
	inList,
	inLocale,
	type FacetCounts,
	organisationFacet,
	overlapping,
	searchWords,
	type OrganisationGroup,
	type TextQuery,
	tsQuery,
	valueFacet,
	type Hit
} from '../search/index.ts';

export const eventQuery = z
	.object({
		q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
		kind: codeFilter(10),
		level: codeFilter(10),
		audience: codeFilter(10),
		/** Organisers, by their slug. */
		organiser: codeFilter(20),
		free: z.boolean().default(false),
		/** On or after this day (Danish time). */
		from: z.iso.date({ error: 'from is a date, YYYY-MM-DD' }).optional(),
		/** On or before this day (Danish time). */
		to: z.iso.date({ error: 'to is a date, YYYY-MM-DD' }).optional(),
		/** Past events, newest first, instead of coming ones. */
		archive: z.boolean().default(false),
		page: z.number().int().min(1).max(1000).default(1),
		near: z.string().optional()
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, {
		path: ['to'],
		message: 'to is before from'
	});
export type EventQuery = z.infer<typeof eventQuery>;
export const EVENT_PAGE_SIZE = 30;

export interface EventHit extends Hit {
	kind: string;
	start: string;
	end: string;
	allDay: boolean;
	place: string | null;
	online: boolean;
	organiser: string;
	organiserSlug: string;
	priceOre: number | null;
	cancelled: boolean;
	createdAt: string;
	updatedAt: string;
}

/** A page of events, and how many there are of each kind, level, audience and organiser. */
export type EventResults = FacetCounts<ReturnType<typeof eventFacets>> & { items: EventHit[] };

/**
 * Coming events (or, in the archive, past ones), soonest first (the archive: latest first),
 * filtered by kind, level, audience, organiser, price and dates, found by words as every
 * search is (stemming, synonyms, æ/ø/å, typo correction), with counts per kind, level,
 * audience and organiser; each count ignores its own filter.
 */
export async function searchEvents(
	db: Db,
	input: z.input<typeof eventQuery>,
	locale: 'da' | 'en',
	now = new Date(),
	options: {
		version?: string;
		pageSize?: number;
		/** Past and coming alike (a month view), soonest first. */
		anyTime?: boolean;
	} = {}
): Promise<EventResults> {
	const query = eventQuery.parse(input);
	const pageSize = options.pageSize ?? EVENT_PAGE_SIZE;
	return searchWords(db, query.q, options.version, (text) =>
		eventsMatching(db, query, text, locale, now, pageSize, options.anyTime, options.version)
	);
}

type Group = OrganisationGroup<{ kind: string; levels: string[]; audiences: string[] }>;

/** The filters a search counts, each ignoring its own choice. */
function eventFacets(query: EventQuery) {
	return {
		kinds: valueFacet(query.kind, (g: Group) => g.kind),
		levels: valueFacet(query.level, (g: Group) => g.levels),
		audiences: valueFacet(query.audience, (g: Group) => g.audiences),
		organisers: organisationFacet<Group>(query.organiser)
	};
}

/**
 * The counts' groups depend on the words and the time window only (kind, level, audience and
 * organiser are applied to them in code): kept per content version, words, window and minute.
 * An event that ends within that minute may be counted for the rest of it.
 */
const cachedCounts = facetCountCache<Group, Omit<EventResults, 'items'>>();

async function eventsMatching(
	db: Db,
	query: EventQuery,
	{ words, text }: TextQuery,
	locale: 'da' | 'en',
	now: Date,
	pageSize: number,
	anyTime = false,
	version?: string
): Promise<EventResults> {
	const tsq = tsQuery(text);
	const at = now.toISOString();
	const filters: SQL[] = [
		anyTime
			? sql`true`
			: query.archive
				? sql`e.ends_at <= ${at}::timestamptz`
				: sql`e.ends_at > ${at}::timestamptz`
	];
	if (query.from)
		filters.push(sql`e.ends_at > ${copenhagenMidnight(query.from).toISOString()}::timestamptz`);
	if (query.to)
		filters.push(
			sql`e.starts_at < ${copenhagenMidnight(dayAfter(query.to)).toISOString()}::timestamptz`
		);
	if (query.free) filters.push(sql`e.price_ore = 0`);
	if (words.length) filters.push(sql`e.search_text @@ ${tsq}`);
	const byKind = inList(sql`e.kind`, query.kind);
	const byLevel = overlapping(sql`e.levels`, query.level);
	const byAudience = overlapping(sql`e.audiences`, query.audience);
	const byOrganiser = inList(sql`org.slug`, query.organiser);
	const title = inLocale(sql`e.title`, locale);
	const base = sql.join(filters, sql` and `);
	const where = sql`${base} and ${byKind} and ${byLevel} and ${byAudience} and ${byOrganiser}`;
	const offset = (query.page - 1) * pageSize;
	const direction = query.archive ? sql`desc` : sql`asc`;
	// The page's events, read in start order from the index on starts_at rather than sorted:
	// coming events are those under way (started, not ended: few) and those still to start; the
	// archive's have all started. A month view's dates bound the start already. Those under way
	// come from the index on each event's span (events_during_idx), not from every past event.
	const chosen = (extra: SQL) => sql`(
		select e.id, e.starts_at from events e join organizations org on org.id = e.organization_id
		where ${where} and ${extra}
		order by e.starts_at ${direction}, e.id limit ${offset + pageSize})`;
	const pageIds =
		anyTime || query.archive
			? chosen(query.archive ? sql`e.starts_at <= ${at}::timestamptz` : sql`true`)
			: sql`${chosen(sql`tstzrange(e.starts_at, greatest(e.starts_at, e.ends_at)) @> ${at}::timestamptz`)} union all ${chosen(sql`e.starts_at > ${at}::timestamptz`)}`;
	const pageRows = db.execute(sql`
			with page as (${pageIds})
			select e.id, e.slug, e.kind, ${title} as title,
				${locale === 'en'} and e.title->>'en' is null as untranslated,
				e.starts_at::text as start, e.ends_at::text as "end", e.all_day as "allDay",
				coalesce(l.name, e.address) as place, e.online_url is not null as online,
				org.name as organiser, org.slug as "organiserSlug", e.price_ore as "priceOre",
				e.cancelled, e.is_demo as "isDemo", e.created_at::text as "createdAt",
				e.updated_at::text as "updatedAt"
			from page join events e on e.id = page.id
			join organizations org on org.id = e.organization_id
			left join locations l on l.id = e.location_id
			order by e.starts_at ${direction}, e.id
			limit ${pageSize} offset ${offset}`);
	const groupsKey = [
		words.length ? text : '',
		anyTime,
		query.archive,
		query.from ?? '',
		query.to ?? '',
		query.free,
		Math.floor(now.getTime() / 60_000)
	].join('|');
	// The counts: grouped by what they count (an index-only scan where no words are given),
	// the organisers' names added to the groups, not to every row.
	const counts = cachedCounts(
		db,
		version,
		{ groups: groupsKey, filters: [query.kind, query.level, query.audience, query.organiser] },
		() =>
			groupsWithOrganisation<Group>(
				db,
				sql`select e.kind, e.levels, e.audiences, e.organization_id, count(*)::int as n
					from events e where ${base}
					group by e.kind, e.levels, e.audiences, e.organization_id`
			),
		(groups) => countFacets(groups, eventFacets(query))
	);
	const [rows, counted] = await Promise.all([pageRows, counts]);
	return { ...counted, items: rowsOf<EventHit>(rows) };
}
