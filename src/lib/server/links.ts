// Links between kinds of content by their pages' addresses: an initiative or an event names
// the offers, postings, partnerships or programmes it belongs to by slug or page address. Used
// by the follow-up's initiatives, the events' proposals and the moderation review, so it
// belongs to no one domain.
import { sql, type SQL } from 'drizzle-orm';
import { hasControlCharacters } from '../text.ts';
import { rowsOf, type Db } from './db/index.ts';
import { inLocale } from './search/index.ts';

/** Tables linked to, by the kind of link. */
const LINK_TABLES = {
	offers: 'offers',
	postings: 'opportunities',
	partnerships: 'partnerships',
	programmes: 'programmes'
} as const;
export type LinkKind = keyof typeof LINK_TABLES;

/**
 * Ids of linked offers, postings, partnerships or programmes named by slug or by their page's address
 * (the last part of the path), and the names that match nothing.
 */
export async function linkIdsBySlug(db: Db, kind: LinkKind, names: readonly string[]) {
	const slugs = names.map(
		(n) =>
			n
				.trim()
				.replace(/[?#].*$/, '')
				.replace(/\/+$/, '')
				.split('/')
				.pop() ?? ''
	);
	const wanted = [...new Set(slugs.filter((s) => s && !hasControlCharacters(s)))];
	if (wanted.length === 0) return { ids: [] as string[], unknown: names.filter(Boolean) };
	const rows = rowsOf<{ id: string; slug: string }>(
		await db.execute(
			sql`select id, slug from ${sql.identifier(LINK_TABLES[kind])} where slug = any(${sql.param(wanted)}::text[])`
		)
	);
	const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
	return {
		ids: wanted.flatMap((s) => bySlug.get(s) ?? []),
		unknown: names.filter((_, i) => !bySlug.has(slugs[i]!))
	};
}

/** Slugs of the linked rows, for the edit form. */
export async function linkSlugs(db: Db, kind: LinkKind, ids: readonly string[]) {
	if (ids.length === 0) return [];
	const rows = rowsOf<{ slug: string }>(
		await db.execute(
			sql`select slug from ${sql.identifier(LINK_TABLES[kind])} where id = any(${sql.param([...ids])}::uuid[]) order by slug`
		)
	);
	return rows.map((r) => r.slug);
}

/**
 * The names of linked offers, postings and programmes by id (in the reader's language, Danish
 * where there is no English), so a proposal's links can be judged by what they are.
 */
export async function linkNames(
	db: Db,
	ids: readonly string[],
	locale: 'da' | 'en'
): Promise<Map<string, string>> {
	const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
	if (wanted.length === 0) return new Map();
	const name = (column: SQL) => inLocale(column, locale);
	const list = sql.param(wanted);
	const rows = rowsOf<{ id: string; name: string }>(
		await db.execute(sql`
			select id, ${name(sql.raw('name'))} as name from offers where id = any(${list}::uuid[])
			union all select id, ${name(sql.raw('title'))} from opportunities where id = any(${list}::uuid[])
			union all select id, ${name(sql.raw('title'))} from programmes where id = any(${list}::uuid[])`)
	);
	return new Map(rows.map((r) => [r.id, r.name]));
}
