import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/index.ts';
import {
	codeFilter,
	countFacets,
	flagFacet,
	facetCountCache,
	groupsWithOrganisation,
	inList,
	inLocale,
	type FacetCounts,
	organisationFacet,
	searchWords,
	type OrganisationGroup,
	type TextQuery,
	tsQuery,
	valueFacet,
	type Hit
} from '../search/index.ts';

/** Durations as the filter groups them. */
export const DURATIONS = ['under-1', '1-2', '2-3', '3-4', 'over-4'] as const;
export type Duration = (typeof DURATIONS)[number];

export const programmeQuery = z.object({
	q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
	level: codeFilter(20),
	field: z
		.array(z.string().regex(/^\d{2}$/, 'a field is a two-digit DISCED-15 code'))
		.max(11)
		.default([]),
	/** Institutions, by their slug. */
	institution: codeFilter(20),
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

export interface ProgrammeHit extends Hit {
	level: string;
	field: string | null;
	places: string[];
	durationMonths: number | null;
	language: string;
	su: boolean | null;
	institution: string;
	institutionSlug: string;
}

/** A page of programmes, and how many there are by level, field, place, language, length, SU. */
export type ProgrammeResults = FacetCounts<ReturnType<typeof programmeFacets>> & {
	items: ProgrammeHit[];
};

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

type Group = OrganisationGroup<{
	level: string;
	field: string | null;
	language: string;
	duration: string | null;
	su: boolean;
}>;

/** The filters a search counts, each ignoring its own choice. */
function programmeFacets(query: ProgrammeQuery) {
	return {
		levels: valueFacet(query.level, (g: Group) => g.level),
		fields: valueFacet(query.field, (g: Group) => g.field),
		institutions: organisationFacet<Group>(query.institution),
		languages: valueFacet(query.lang, (g: Group) => g.language),
		durations: valueFacet(query.duration, (g: Group) => g.duration),
		// Programmes with SU among those the other filters leave.
		su: flagFacet(query.su, (g: Group) => g.su)
	};
}

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
		() =>
			groupsWithOrganisation<Group>(
				db,
				sql`select p.level, p.field, p.language, ${durationBucket} as duration,
						coalesce(p.su, false) as su, p.organization_id, count(*)::int as n
					from programmes p where ${base}
					group by 1, 2, 3, 4, 5, 6`
			),
		(groups) => countFacets(groups, programmeFacets(query))
	);
	const [rows, counted] = await Promise.all([pageRows, counts]);
	return { ...counted, items: rowsOf<ProgrammeHit>(rows) };
}
