import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { asciiWord, foldDanish, nameWords, queryWords, tsqueryText } from './words.ts';
import type { Point } from './near.ts';
import { versionCache } from './group-cache.ts';

/** What every search reads besides its own table: synonyms, category names and postcodes. */
export interface Vocabulary {
	/** A term (as typed, or folded) and what it also means: SPS → specialpædagogisk støtte. */
	synonyms: ReadonlyMap<string, string[]>;
	categories: { code: string; da: string; en: string | null }[];
	postalAreas: ReadonlyMap<string, Point & { name: string }>;
}

let cached: { version: string; db: Db; vocabulary: Promise<Vocabulary> } | undefined;

/**
 * The vocabulary, read in one statement. With the content version (every audited write, the
 * taxonomy's included, raises it) it is kept until the version changes, so a search costs no
 * round trip for it; without one (tests, the command line) it is read each time.
 */
export function searchVocabulary(db: Db, version?: string): Promise<Vocabulary> {
	if (version !== undefined && cached?.version === version && cached.db === db)
		return cached.vocabulary;
	const vocabulary = readVocabulary(db);
	if (version !== undefined) {
		cached = { version, db, vocabulary };
		vocabulary.catch(() => (cached = undefined));
	}
	return vocabulary;
}

async function readVocabulary(db: Db): Promise<Vocabulary> {
	const [row] = rowsOf<{
		synonyms: Record<string, string[]>;
		categories: Vocabulary['categories'];
		areas: Record<string, Point & { name: string }>;
	}>(
		await db.execute(sql`select
			(select coalesce(json_object_agg(term, expansions), '{}') from search_synonyms) as synonyms,
			(select coalesce(json_agg(json_build_object('code', code, 'da', name->>'da', 'en', name->>'en') order by code), '[]')
				from taxonomy_terms where vocabulary = 'category') as categories,
			(select coalesce(json_object_agg(postal_code, json_build_object('name', name, 'latitude', latitude, 'longitude', longitude)), '{}')
				from postal_areas) as areas`)
	);
	return {
		synonyms: new Map(Object.entries(row?.synonyms ?? {})),
		categories: row?.categories ?? [],
		postalAreas: new Map(Object.entries(row?.areas ?? {}))
	};
}

/** A reader's words made ready for `to_tsquery`, with what synonyms and corrections add. */
export interface TextQuery {
	words: string[];
	/** Every word must match, or (the loosest retry) any of them. */
	match: 'all' | 'any';
	/** Each word's synonyms and, in a typo retry, its corrections. */
	synonyms: ReadonlyMap<string, string[]>;
	/** `to_tsquery` text: every word (or, with `any`, one) with its variants. */
	text: string;
	/** The words as typed (with æ/ø/å spellings): ranked above what synonyms and corrections add. */
	typed: string;
	/** A name that starts with this is the likeliest thing sought. */
	prefix: string;
}

function textQuery(
	words: string[],
	synonyms: ReadonlyMap<string, string[]>,
	match: 'all' | 'any'
): TextQuery {
	return {
		words,
		match,
		synonyms,
		text: tsqueryText(words, synonyms, match === 'all' ? ' & ' : ' | '),
		typed: tsqueryText(words, new Map(), ' | '),
		prefix: foldDanish(words.join(' ')).replace(/[%_\\]/g, '')
	};
}

/**
 * Runs a search for the reader's words (with their synonyms), and when it finds nothing, again
 * more loosely: with typo corrections from the vocabulary (one lookup), then, for several words,
 * with any word instead of every word. Without words it runs once.
 */
export async function searchLoosening<T extends { total: number }>(
	db: Db,
	words: string[],
	vocabulary: Vocabulary,
	run: (text: TextQuery) => Promise<T>,
	version?: string
): Promise<T> {
	const synonyms = new Map<string, string[]>();
	for (const word of words) {
		const expansions = vocabulary.synonyms.get(word) ?? vocabulary.synonyms.get(foldDanish(word));
		if (expansions) synonyms.set(word, expansions);
	}
	const exact = await run(textQuery(words, synonyms, 'all'));
	if (exact.total > 0 || words.length === 0) return exact;
	const fixes = await cachedCorrections(db, version, words.join(' '), () => corrections(db, words));
	const corrected = new Map(synonyms);
	for (const [word, close] of fixes) corrected.set(word, [...(synonyms.get(word) ?? []), ...close]);
	if (fixes.size > 0) {
		const fuzzy = await run(textQuery(words, corrected, 'all'));
		if (fuzzy.total > 0 || words.length === 1) return fuzzy;
	}
	return words.length > 1 ? run(textQuery(words, corrected, 'any')) : exact;
}

/** `searchLoosening` over the reader's text, for a kind that needs the vocabulary for nothing else. */
export async function searchWords<T extends { total: number }>(
	db: Db,
	q: string,
	version: string | undefined,
	run: (text: TextQuery) => Promise<T>
): Promise<T> {
	const words = queryWords(q);
	return searchLoosening(db, words, await searchVocabulary(db, version), run, version);
}

/** Corrections depend on the vocabulary only: kept per content version and words. */
const cachedCorrections = versionCache<Map<string, string[]>>();

/**
 * Words of the vocabulary that a (perhaps misspelt, perhaps æ/ø/å-less) query word is close
 * to, best first: "fodbolt" → "fodbold", "lob" → "løbeklub".
 */
export async function corrections(db: Db, words: string[]): Promise<Map<string, string[]>> {
	const candidates = words.filter((w) => w.length >= 3);
	if (candidates.length === 0) return new Map();
	const rows = rowsOf<{ q: string; word: string }>(
		await db.execute(sql`
			select q.q, c.word from unnest(${sql.param(candidates)}::text[], ${sql.param(candidates.map(asciiWord))}::text[]) as q(q, f)
			cross join lateral (
				-- Close to the word typed, or (for compounds such as "psykologhjælp") a word of at
				-- least four letters inside it.
				select word from search_words
				where q.f <% folded or (length(folded) >= 4 and word_similarity(folded, q.f) >= 0.8)
				order by greatest(word_similarity(q.f, folded), word_similarity(folded, q.f)) desc, length(word)
				limit 3
			) c`)
	);
	const found = new Map<string, string[]>();
	for (const r of rows) found.set(r.q, [...(found.get(r.q) ?? []), r.word]);
	return found;
}

/** Adds the words of a name (offer, posting, …) to the vocabulary typos are corrected against. */
export async function rememberWords(
	tx: Db,
	name: { da: string; en?: string | null }
): Promise<void> {
	const words = nameWords(name.da, name.en);
	if (words.length)
		await tx.execute(
			sql`insert into search_words (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`
		);
}

/** Rebuilds the vocabulary from every stored offer, posting and programme (after a bulk load). */
export async function rebuildSearchWords(db: Db): Promise<void> {
	await db.execute(sql`insert into search_words (word)
		select distinct w from (
			select coalesce(name->>'da', '') || ' ' || coalesce(name->>'en', '') as names from offers
			union all
			select coalesce(title->>'da', '') || ' ' || coalesce(title->>'en', '') from opportunities
			union all
			select coalesce(title->>'da', '') || ' ' || coalesce(title->>'en', '') from programmes
		) n, regexp_split_to_table(lower(n.names), '[^[:alnum:]æøåéèêëáàäöüó]+') as w
		where length(w) >= 3 and w !~ '^[0-9]+$'
		on conflict do nothing`);
}
