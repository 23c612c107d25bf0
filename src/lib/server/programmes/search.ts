import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import {
	countFacets,
	inList,
	inLocale,
	NamedCounts,
	oneOf,
	searchWords,
	tally,
	tsQuery,
	facetCountCache,
	type NamedCount,
	type TextQuery
} from '../search/index.ts';

const code = z.string().regex(/^[a-z0-9-]{1,80}$/, 'not a known code');

/** Durations as the filter groups them. */
export const DURATIONS = ['under-1', '1-2', '2-3', '3-4', 'over-4'] as const;
export type Duration = (typeof DURATIONS)[number];

export const programmeQuery = z.object({
	q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
	level: z.array(code).max(20).default([]),
	field: z
		.array(z.string().regex(/^\d{2}$/, 'a field is a two-digit DISCED-15 code'))
		.max(11)
		.default([]),
	/** Institutions, by their slug. */
	institution: z.array(code).max(20).default([]),
	lang: z
		.array(z.enum(['da', 'en']))
		.max(2)
		.default([]),
	duration: z.array(z.enum(DURATIONS)).max(5).default([]),
	su: z.boolean().default(false),
	page: z.number().int().min(1).max(1000).default(1),
	near: z.string().optional()
});
export type ProgrammeQuery = z.infer<typeof programmeQuery>;
export const PROGRAMME_PAGE_SIZE = 20;

export interface ProgrammeHit {
	id: string;
	slug: string;
	title: string;
	untranslated: boolean;
	level: string;
	field: string | null;
	places: string[];
	durationMonths: number | null;
	language: string;
	su: boolean | null;
	institution: string;
	institutionSlug: string;
	isDemo: boolean;
}

export interface ProgrammeResults {
	total: number;
	levels: Record<string, number>;
	fields: Record<string, number>;
	institutions: NamedCount[];
	languages: Record<string, number>;
	durations: Record<string, number>;
	su: number;
	items: ProgrammeHit[];
}

/** The SQL that puts a programme's duration in its filter group. */
const durationBucket = sql`case
	when p.duration_months is null then null
	when p.duration_months < 12 then 'under-1'
	when p.duration_months <= 24 then '1-2'
	when p.duration_months <= 36 then '2-3'
	when p.duration_months <= 48 then '3-4'
	else 'over-4' end`;

/**
 * Programmes found by words as every search is (stemming, synonyms and abbreviations, æ/ø/å,
 * typo correction), filtered by level, field, institution, language, duration and SU, with a
 * count for each filter's values that ignores that filter's own choice. The best matches come
 * first; without words, by level (as a student meets them) and title.
 */
export async function searchProgrammes(
	db: Db,
	input: z.input<typeof programmeQuery>,
	locale: 'da' | 'en',
	options: { version?: string; pageSize?: number } = {}
): Promise<ProgrammeResults> {
	const query = programmeQuery.parse(input);
	const pageSize = options.pageSize ?? PROGRAMME_PAGE_SIZE;
	return searchWords(db, query.q, options.version, (text) =>
		matching(db, query, text, locale, pageSize, options.version)
	);
}

type Group = {
	level: string;
	field: string | null;
	language: string;
	duration: string | null;
	su: boolean;
	slug: string;
	name: string;
	n: number;
};

/** The counts' groups depend only on the words: kept per content version and query text. */
const cachedCounts = facetCountCache<Group, Omit<ProgrammeResults, 'items'>>();

async function matching(
	db: Db,
	query: ProgrammeQuery,
	{ words, text, typed, prefix }: TextQuery,
	locale: 'da' | 'en',
	pageSize: number,
	version?: string
): Promise<ProgrammeResults> {
	const tsq = tsQuery(text);
	const base: SQL = words.length ? sql`p.search_text @@ ${tsq}` : sql`true`;
	const byLevel = inList(sql`p.level`, query.level);
	const byField = inList(sql`p.field`, query.field);
	const byInstitution = inList(sql`org.slug`, query.institution);
	const byLanguage = inList(sql`p.language`, query.lang);
	const byDuration = inList(sql`(${durationBucket})`, query.duration);
	const bySu = query.su ? sql`p.su` : sql`true`;
	const where = sql`${base} and ${byLevel} and ${byField} and ${byInstitution} and ${byLanguage} and ${byDuration} and ${bySu}`;
	const title = inLocale(sql`p.title`, locale);
	// Words typed rank above what synonyms and corrections add, a title that starts with the
	// words above the rest.
	const order = words.length
		? sql`(lower(p.title->>'da') like ${`${prefix}%`} or lower(p.title->>'en') like ${`${prefix}%`}) desc,
			ts_rank(p.search_text, ${tsQuery(typed)}) + ts_rank(p.search_text, ${tsq}) desc, p.title->>'da', p.id`
		: sql`p.level_rank, (p.title->>'da'), p.id`;
	const pageRows = db.execute(sql`
			select p.id, p.slug, ${title} as title, ${locale === 'en'} and p.title->>'en' is null as untranslated,
				p.level, p.field, p.places, p.duration_months as "durationMonths", p.language, p.su,
				org.name as institution, org.slug as "institutionSlug", p.is_demo as "isDemo"
			from programmes p join organizations org on org.id = p.organization_id
			where ${where}
			order by ${order}
			limit ${pageSize} offset ${(query.page - 1) * pageSize}`);
	const { level, field, institution, lang, duration, su } = query;
	const counts = cachedCounts(
		db,
		version,
		{ groups: words.length ? text : '', filters: [level, field, institution, lang, duration, su] },
		async () =>
			rowsOf<Group>(
				await db.execute(sql`
					select g.level, g.field, g.language, g.duration, g.su, org.slug, org.name, g.n
					from (
						select p.level, p.field, p.language, ${durationBucket} as duration, coalesce(p.su, false) as su,
							p.organization_id, count(*)::int as n
						from programmes p where ${base}
						group by 1, 2, 3, 4, 5, 6
					) g join organizations org on org.id = g.organization_id`)
			),
		(groups) => countsOf(query, groups)
	);
	const [rows, counted] = await Promise.all([pageRows, counts]);
	return { ...counted, items: rowsOf<ProgrammeHit>(rows) };
}

/**
 * The total and each filter's counts from the groups: a count ignores its own filter's choice.
 * Over thousands of groups this is the costliest part of a search in code, so the counts are
 * kept per content version, words and filters too (another page of the same list reuses them).
 */
function countsOf(query: ProgrammeQuery, groups: Group[]): Omit<ProgrammeResults, 'items'> {
	const levels: Record<string, number> = {};
	const fields: Record<string, number> = {};
	const languages: Record<string, number> = {};
	const durations: Record<string, number> = {};
	const institutions = new NamedCounts();
	let su = 0;
	const [level, field, institution, language, duration] = [
		oneOf(query.level),
		oneOf(query.field),
		oneOf(query.institution),
		oneOf(query.lang),
		oneOf(query.duration)
	];
	const total = countFacets(groups, [
		{ passes: (g) => level(g.level), count: (g) => tally(levels, g.level, g.n) },
		{ passes: (g) => field(g.field), count: (g) => tally(fields, g.field, g.n) },
		{
			passes: (g) => institution(g.slug),
			count: (g) => institutions.add(g.slug, g.name, g.n)
		},
		{ passes: (g) => language(g.language), count: (g) => tally(languages, g.language, g.n) },
		{ passes: (g) => duration(g.duration), count: (g) => tally(durations, g.duration, g.n) },
		// Its count is of the programmes with SU among those the other filters leave.
		{ passes: (g) => !query.su || g.su, count: (g) => (su += g.su ? g.n : 0) }
	]);
	return {
		total,
		levels,
		fields,
		institutions: institutions.list(query.institution),
		languages,
		durations,
		su
	};
}
