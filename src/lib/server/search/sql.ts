import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';

/** `column = any(values)`; true when the reader chose nothing (the filter is open). */
export function inList(column: SQL, values: string[]): SQL {
	return values.length ? sql`${column} = any(${sql.param(values)}::text[])` : sql`true`;
}

/** An array column that holds one of `values`; true when the reader chose nothing. */
export function overlapping(column: SQL, values: string[]): SQL {
	return values.length ? sql`${column} && ${sql.param(values)}::text[]` : sql`true`;
}

/** A bilingual JSON text (`{ da, en }`) in the reader's language: Danish where English is missing. */
export function inLocale(column: SQL, locale: 'da' | 'en'): SQL {
	return locale === 'en'
		? sql`coalesce(${column}->>'en', ${column}->>'da')`
		: sql`${column}->>'da'`;
}

/** A group of matching rows (what they share, `G`), its size and its organisation. */
export type OrganisationGroup<G> = G & { n: number; slug: string; name: string };

/**
 * The groups a search's facets are counted from (`grouped`: rows with an `organization_id` and
 * the group's size `n`), each with its organisation's `slug` and `name`: the names are joined to
 * the groups, not to every matching row.
 */
export async function groupsWithOrganisation<G>(
	db: Db,
	grouped: SQL
): Promise<OrganisationGroup<G>[]> {
	return rowsOf<OrganisationGroup<G>>(
		await db.execute(sql`
			select g.*, org.slug, org.name
			from (${grouped}) g join organizations org on org.id = g.organization_id`)
	);
}
