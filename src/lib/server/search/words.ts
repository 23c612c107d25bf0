import { sql, type SQL } from 'drizzle-orm';

/** The words of a query: letters and digits only, so nothing reaches tsquery syntax. */
export function queryWords(q: string): string[] {
	return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/** Danish spellings without æ, ø, å (Aalborg, Aerø, Koebenhavn) read as with them. */
export function foldDanish(text: string): string {
	return text.toLowerCase().replaceAll('aa', 'å').replaceAll('ae', 'æ').replaceAll('oe', 'ø');
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

/** A word in plain ASCII letters (ø→o, é→e), as `search_words.folded` keeps the vocabulary. */
export function asciiWord(word: string): string {
	return word.replace(/[æøåéèêëáàäöüó]/g, (c) => ASCII[c] ?? c);
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

/** A query read with Danish stemming or with English stemming: either may match. */
export const tsQuery = (text: string): SQL =>
	sql`(to_tsquery('danish', ${text}) || to_tsquery('english', ${text}))`;

/** The words of names worth correcting towards (three letters or more, not numbers). */
export function nameWords(...names: (string | undefined | null)[]): string[] {
	return [...new Set(queryWords(names.filter(Boolean).join(' ')))].filter(
		(w) => w.length >= 3 && !/^\d+$/.test(w)
	);
}
