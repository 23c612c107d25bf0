import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { queryWords, searchWords, tsQuery, type TextQuery } from '../search/index.ts';

export interface OrganizationHit {
	slug: string;
	name: string;
	kind: string;
	isDemo: boolean;
}

/**
 * Organisations (institutions, associations, municipal services) found by words of their name,
 * as every search finds: stemming and prefixes ("katedral" finds Aalborg Katedralskole),
 * synonyms, æ/ø/å and typo correction. Names that start with the words come first.
 */
export async function searchOrganizations(
	db: Db,
	q: string,
	options: { version?: string; limit?: number } = {}
): Promise<{ total: number; items: OrganizationHit[] }> {
	if (queryWords(q).length === 0) return { total: 0, items: [] };
	return searchWords(db, q, options.version, (text) => matching(db, text, options.limit ?? 5));
}

async function matching(db: Db, { text, prefix }: TextQuery, limit: number) {
	const document = sql`(to_tsvector('danish', o.name) || to_tsvector('simple', o.name))`;
	const rows = rowsOf<OrganizationHit & { total: number }>(
		await db.execute(sql`
			select o.slug, o.name, o.kind, o.is_demo as "isDemo", count(*) over ()::int as total
			from organizations o
			where ${document} @@ ${tsQuery(text)}
			order by lower(o.name) like ${`${prefix}%`} desc, o.is_demo, o.name
			limit ${limit}`)
	);
	return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _, ...r }) => r) };
}
