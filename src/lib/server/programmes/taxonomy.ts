import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Where the navigator's vocabularies live: levels, groups of levels, fields, subjects. */
export const PROGRAMME_TAXONOMY_FILE = 'taxonomy/programmes.yaml';

const code = z
	.string()
	.regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and hyphens');
const term = z.object({ code, da: z.string().min(1), en: z.string().min(1) }).strict();

export const programmeTaxonomyFile = z
	.object({
		levels: z.array(term.extend({ group: code, position: z.boolean().default(false) })).min(1),
		groups: z.array(term.extend({ audience: code.optional(), jobLevel: code.optional() })).min(1),
		fields: z.array(
			term.extend({
				code: z.string().regex(/^\d{2,4}$/, 'a DISCED-15 code'),
				jobFields: z.array(code).default([])
			})
		),
		subjects: z.array(term).min(1)
	})
	.strict()
	.superRefine((t, ctx) => {
		const groups = new Set(t.groups.map((g) => g.code));
		t.levels.forEach((l, i) => {
			if (!groups.has(l.group))
				ctx.addIssue({
					code: 'custom',
					path: ['levels', i, 'group'],
					message: `no group ${l.group}`
				});
		});
	});
export type ProgrammeTaxonomy = z.infer<typeof programmeTaxonomyFile>;
export type Term = { code: string; da: string; en: string };

let cached: ProgrammeTaxonomy | undefined;

/** The navigator's vocabularies, read once from `taxonomy/programmes.yaml`. */
export function programmeTaxonomy(): ProgrammeTaxonomy {
	cached ??= programmeTaxonomyFile.parse(
		parseYaml(readFileSync(resolve(PROGRAMME_TAXONOMY_FILE), 'utf8'))
	);
	return cached;
}

/** A term's name in the reader's language. */
export const termName = (t: Term | undefined, locale: 'da' | 'en', fallback = '') =>
	t ? (locale === 'en' ? t.en : t.da) : fallback;

/** The level with this code. */
export const levelOf = (code: string, taxonomy = programmeTaxonomy()) =>
	taxonomy.levels.find((l) => l.code === code);

/** A level's place in the list of levels (the order a student meets them). */
export const levelRank = (code: string, taxonomy = programmeTaxonomy()) =>
	taxonomy.levels.findIndex((l) => l.code === code);

/**
 * The words a programme is also found by: its level (code and names), the level's group and its
 * field in both languages, and its institution's name.
 */
export function programmeKeywords(
	level: string,
	field: string | null | undefined,
	institution: string,
	taxonomy = programmeTaxonomy()
): string {
	const l = taxonomy.levels.find((x) => x.code === level);
	const g = taxonomy.groups.find((x) => x.code === l?.group);
	const f = taxonomy.fields.find((x) => x.code === field);
	return [l?.code, l?.da, l?.en, g?.da, g?.en, f?.da, f?.en, institution].filter(Boolean).join(' ');
}
