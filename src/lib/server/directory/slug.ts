import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';

/** A readable URL slug from a Danish name: "Aalborg Katedralskole" → "aalborg-katedralskole". */
export function slugify(name: string): string {
	return name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
}

/** Tables whose rows have a public slug. */
export type SluggedTable =
	| 'offers'
	| 'organizations'
	| 'opportunities'
	| 'partnerships'
	| 'initiatives'
	| 'events'
	| 'programmes';

/** Slugs no row gets: admin paths use them for the form that makes a new row. */
const RESERVED_SLUGS = ['ny', 'new'];

/**
 * A slug not yet used in `table`: the name's own slug, or it with -2, -3 … ("lektiecafe-2").
 * Call it inside the transaction that inserts the row.
 */
export async function uniqueSlug(
	tx: Db,
	table: SluggedTable,
	name: string,
	fallback: string
): Promise<string> {
	const base = slugify(name) || fallback;
	const taken = new Set(
		rowsOf<{ slug: string }>(
			await tx.execute(
				sql`select slug from ${sql.identifier(table)} where slug = ${base} or slug like ${`${base}-%`}`
			)
		).map((r) => r.slug)
	);
	for (const reserved of RESERVED_SLUGS) taken.add(reserved);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
