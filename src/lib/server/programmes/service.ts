import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordContentWrite } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { organizations, uniqueSlug } from '../directory/index.ts';
import { requirements } from './prerequisites.ts';
import { programmes } from './schema.ts';
import { levelRank, programmeKeywords, programmeTaxonomy } from './taxonomy.ts';

const text = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'must not be empty')
		.max(max, `at most ${max} characters`)
		.refine((s) => ![...s].some((c) => c < ' ' && c !== '\n' && c !== '\t'), 'control characters');
const localized = (max: number) => z.object({ da: text(max), en: text(max).optional() });
const https = z
	.string()
	.trim()
	.max(500)
	.regex(/^https:\/\/\S+$/, 'an https:// address');

export const deadlineInput = z.object({
	kind: z.enum(['kvote1', 'kvote2', 'institution']),
	month: z.number().int().min(1).max(12),
	day: z.number().int().min(1).max(31),
	time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM')
});

/** A programme as an editor or an institution writes it (one form, one proposal). */
export const programmeInput = z
	.object({
		organizationId: z.uuid(),
		title: localized(200),
		summary: localized(2000).nullable().default(null),
		level: z.string(),
		speciality: text(200).nullable().default(null),
		field: z.string().nullable().default(null),
		places: z.array(text(80)).max(10).default([]),
		durationMonths: z.number().int().min(1).max(120).nullable().default(null),
		ects: z.number().int().min(1).max(600).nullable().default(null),
		language: z.enum(['da', 'en']).default('da'),
		startMonths: z.array(z.number().int().min(1).max(12)).max(12).default([]),
		applyVia: z.enum(['optagelse', 'institution']),
		deadlines: z.array(deadlineInput).max(3).default([]),
		requirementsText: localized(2000).nullable().default(null),
		requirements: requirements.default({ known: false, routes: [] }),
		su: z.boolean().nullable().default(null),
		url: https.nullable().default(null),
		ugUrl: https.nullable().default(null),
		kotNumber: text(20).nullable().default(null),
		source: text(1000),
		isDemo: z.boolean().default(false)
	})
	.superRefine((p, ctx) => {
		const t = programmeTaxonomy();
		if (!t.levels.some((l) => l.code === p.level && !l.position))
			ctx.addIssue({ code: 'custom', path: ['level'], message: 'not a level of education' });
		if (p.field !== null && !t.fields.some((f) => f.code === p.field))
			ctx.addIssue({ code: 'custom', path: ['field'], message: 'not a DISCED-15 broad field' });
		const codes = new Set([...t.levels.map((l) => l.code), ...t.groups.map((g) => g.code)]);
		const subjects = new Set(t.subjects.map((s) => s.code));
		p.requirements.routes.forEach((r, i) => {
			if (r.from.some((c) => !codes.has(c)))
				ctx.addIssue({
					code: 'custom',
					path: ['requirements', 'routes', i],
					message: 'names an unknown level'
				});
			if (r.subjects.flat().some((n) => !subjects.has(n.subject)))
				ctx.addIssue({
					code: 'custom',
					path: ['requirements', 'routes', i],
					message: 'names an unknown subject'
				});
		});
	});
export type ProgrammeInput = z.output<typeof programmeInput>;

/**
 * A programme's columns from its input: the input checked, its level's rank for sorting, and the
 * words it is also found by (its level, group and field in both languages, its institution).
 */
async function programmeColumns(tx: Db, raw: z.input<typeof programmeInput>) {
	const input = programmeInput.parse(raw);
	const [org] = await tx
		.select({ name: organizations.name })
		.from(organizations)
		.where(eq(organizations.id, input.organizationId));
	if (!org)
		throw new z.ZodError([
			{
				code: 'custom',
				path: ['organizationId'],
				message: 'not a known organisation',
				input: input.organizationId
			}
		]);
	const keywords = programmeKeywords(input.level, input.field, org.name);
	return {
		input,
		institution: org.name,
		columns: { ...input, levelRank: levelRank(input.level), keywords }
	};
}

/** Adds a programme (an approved proposal, or an editor's own); its slug is title + institution. */
export async function createProgramme(
	tx: Db,
	actorId: string,
	raw: z.input<typeof programmeInput>
) {
	const { input, institution, columns } = await programmeColumns(tx, raw);
	const [row] = await tx
		.insert(programmes)
		.values({
			...columns,
			externalId: `web-${randomUUID()}`,
			slug: await uniqueSlug(tx, 'programmes', `${input.title.da} ${institution}`, 'uddannelse')
		})
		.returning({ id: programmes.id, slug: programmes.slug });
	await recordContentWrite(tx, actorId, 'programme.create', row!.id, input.title, { after: input });
	return row!;
}

/** Changes a published programme in place (its slug and import id stay). */
export async function updateProgramme(
	tx: Db,
	actorId: string,
	id: string,
	raw: z.input<typeof programmeInput>
) {
	const { input, columns } = await programmeColumns(tx, raw);
	const [row] = await tx
		.update(programmes)
		.set({ ...columns, updatedAt: new Date() })
		.where(eq(programmes.id, id))
		.returning({ id: programmes.id, slug: programmes.slug });
	if (!row) throw new Error(`no programme ${id}`);
	await recordContentWrite(tx, actorId, 'programme.update', id, input.title, { after: input });
	return row;
}
