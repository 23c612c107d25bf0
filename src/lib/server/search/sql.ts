import { sql, type SQL } from 'drizzle-orm';

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

export interface NamedCount {
	slug: string;
	name: string;
	count: number;
}

/** Counts per organisation (organiser, institution), summed from a search's groups. */
export class NamedCounts {
	readonly #counts = new Map<string, NamedCount>();

	add(slug: string, name: string, n: number) {
		const seen = this.#counts.get(slug) ?? { slug, name, count: 0 };
		seen.count += n;
		this.#counts.set(slug, seen);
	}

	/** By name (Danish order); a chosen one without hits is listed with 0, so it can be unchosen. */
	list(chosen: string[]): NamedCount[] {
		for (const slug of chosen) if (!this.#counts.has(slug)) this.add(slug, slug, 0);
		return [...this.#counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
	}
}
