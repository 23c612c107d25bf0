import { readFile } from 'node:fs/promises';
import { asc, eq, sql } from 'drizzle-orm';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { postalAreas, searchSynonyms, taxonomyTerms, type Vocabulary } from './schema.ts';

const code = z
	.string()
	.regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters a-z, digits and hyphens');
const term = z.object({ code, da: z.string().min(1), en: z.string().min(1).optional() }).strict();
export const taxonomyFile = z
	.object({
		categories: z.array(term).min(1),
		audiences: z.array(term).min(1),
		/** Education fields and levels a job posting can name (the job board's filters). */
		jobFields: z.array(term).default([]),
		jobLevels: z.array(term).default([]),
		/** The kinds of event (åbent hus, uddannelsesmesse …): the event list's filter. */
		eventKinds: z.array(term).default([]),
		synonyms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
		areas: z
			.array(
				z
					.object({
						postalCode: z.string().regex(/^\d{4}$/, 'a Danish postcode has four digits'),
						name: z.string().min(1),
						latitude: z.number().min(-90).max(90),
						longitude: z.number().min(-180).max(180)
					})
					.strict()
			)
			.default([])
	})
	.strict();

/** Replaces the vocabularies and synonyms with the file's, in one transaction. */
export async function loadTaxonomy(db: Db, path: string, actor: string) {
	const data = taxonomyFile.parse(parseYaml(await readFile(path, 'utf8')));
	await db.transaction(async (tx) => {
		await tx.delete(taxonomyTerms);
		await tx.delete(searchSynonyms);
		await tx.delete(postalAreas);
		const vocabularies = [
			['category', data.categories],
			['audience', data.audiences],
			['field', data.jobFields],
			['level', data.jobLevels],
			['event-kind', data.eventKinds]
		] as const;
		const rows = vocabularies.flatMap(([vocabulary, terms]) =>
			terms.map((t, sort) => ({ vocabulary, code: t.code, name: { da: t.da, en: t.en }, sort }))
		);
		await tx.insert(taxonomyTerms).values(rows);
		const synonyms = Object.entries(data.synonyms).map(([word, expansions]) => ({
			term: word.toLowerCase(),
			expansions
		}));
		if (synonyms.length) await tx.insert(searchSynonyms).values(synonyms);
		if (data.areas.length) await tx.insert(postalAreas).values(data.areas);
		await recordAudit(tx, {
			actor,
			action: 'taxonomy.load',
			entityType: 'taxonomy',
			entityId: 'directory',
			details: {
				categories: data.categories.length,
				audiences: data.audiences.length,
				jobFields: data.jobFields.length,
				jobLevels: data.jobLevels.length,
				eventKinds: data.eventKinds.length,
				synonyms: synonyms.length,
				areas: data.areas.length
			}
		});
	});
	return data;
}

export async function taxonomy(db: Db) {
	return db
		.select()
		.from(taxonomyTerms)
		.orderBy(asc(taxonomyTerms.vocabulary), asc(taxonomyTerms.sort), sql`${taxonomyTerms.code}`);
}

export interface TermOption {
	code: string;
	label: string;
	checked: boolean;
	/** How many results have the term, where the page shows counts. */
	count?: number;
}

/** A vocabulary as checkbox options in the reader's language (English falls back to Danish). */
export function termOptions(
	terms: { vocabulary: string; code: string; name: { da: string; en?: string } }[],
	vocabulary: Vocabulary,
	locale: 'da' | 'en',
	chosen: readonly string[] = [],
	counts?: Record<string, number>
): TermOption[] {
	return terms
		.filter((t) => t.vocabulary === vocabulary)
		.map((t) => ({
			code: t.code,
			label: locale === 'en' ? (t.name.en ?? t.name.da) : t.name.da,
			checked: chosen.includes(t.code),
			...(counts ? { count: counts[t.code] ?? 0 } : {})
		}));
}

/** The municipality's postcodes, for the area filter and the distance sort. */
export async function postalAreaList(db: Db) {
	return db.select().from(postalAreas).orderBy(asc(postalAreas.postalCode));
}

/** One postcode's name and centre, or undefined when the municipality has no such postcode. */
export async function postalArea(
	db: Db,
	code: string
): Promise<{ name: string; latitude: number; longitude: number } | undefined> {
	const [area] = await db
		.select({
			name: postalAreas.name,
			latitude: postalAreas.latitude,
			longitude: postalAreas.longitude
		})
		.from(postalAreas)
		.where(eq(postalAreas.postalCode, code));
	return area;
}

/**
 * Codes that are not in a vocabulary, as zod issues at `path` (so a form names the field):
 * a proposal must use the municipality's own terms, which are data and may change.
 */
export async function unknownCodes(
	db: Db,
	vocabulary: Vocabulary,
	codes: readonly string[],
	path: string,
	message: string
): Promise<z.core.$ZodIssue[]> {
	if (codes.length === 0) return [];
	const known = new Set(
		(
			await db
				.select({ code: taxonomyTerms.code })
				.from(taxonomyTerms)
				.where(sql`${taxonomyTerms.vocabulary} = ${vocabulary}`)
		).map((t) => t.code)
	);
	return codes.flatMap((c, i) =>
		known.has(c) ? [] : [{ code: 'custom' as const, path: [path, i], message, input: c }]
	);
}
