import { hasControlCharacters } from '../../text.ts';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { ORGANIZATION_KINDS, organizations } from './schema.ts';

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

export const organizationInput = z.object({
	name: z
		.string()
		.trim()
		.min(2, 'skal være mindst 2 tegn')
		.max(200, 'må højst være 200 tegn')
		.refine((v) => !hasControlCharacters(v), 'må ikke indeholde kontroltegn'),
	kind: z.enum(ORGANIZATION_KINDS, { error: 'skal være en kendt type' }),
	website: z
		.url({ protocol: /^https?$/, error: 'skal være en adresse, der begynder med https://' })
		.max(500)
		.optional()
});

export async function createOrganization(
	db: Db,
	actorId: string,
	input: z.input<typeof organizationInput>,
	options: { isDemo?: boolean } = {}
) {
	const data = organizationInput.parse(input);
	return db.transaction(async (tx) => {
		const base = slugify(data.name) || 'organisation';
		let slug = base;
		for (let n = 2; ; n++) {
			const [taken] = await tx
				.select({ id: organizations.id })
				.from(organizations)
				.where(eq(organizations.slug, slug));
			if (!taken) break;
			slug = `${base}-${n}`;
		}
		const [created] = await tx
			.insert(organizations)
			.values({ ...data, slug, isDemo: options.isDemo ?? false })
			.returning();
		await recordAudit(tx, {
			actor: actorId,
			action: 'organization.create',
			entityType: 'organization',
			entityId: created!.id,
			details: { after: data }
		});
		return created!;
	});
}

export async function listOrganizations(db: Db) {
	return db.select().from(organizations).orderBy(asc(organizations.name));
}

export async function organizationsById(db: Db, ids: readonly string[]) {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(organizations)
		.where(inArray(organizations.id, [...ids]));
}
