import { hasControlCharacters } from '../../text.ts';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { uniqueSlug } from './slug.ts';
import type { Db } from '../db/index.ts';
import { locationInput } from './offers.ts';
import { locations, ORGANIZATION_KINDS, organizations } from './schema.ts';

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
		const slug = await uniqueSlug(tx, 'organizations', data.name, 'organisation');
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

const richText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `må højst være ${max} tegn`)
		.refine((v) => !/(?![\n\r\t])\p{Cc}/u.test(v), 'må ikke indeholde kontroltegn');

/**
 * What an organisation says about itself on its public page: a description in a small Markdown
 * subset (rendered through the rich-text allow-list), contact details and a logo.
 */
export const organizationProfileInput = z
	.object({
		organizationId: z.uuid(),
		description: z
			.object({ da: richText(5000), en: richText(5000).optional() })
			.strict()
			.optional(),
		website: z
			.url({ protocol: /^https?$/, error: 'skal være en adresse, der begynder med https://' })
			.max(500)
			.optional(),
		email: z.email({ error: 'skal være en e-mailadresse' }).max(254).optional(),
		/** Keep the current logo when absent; an id of a stored image to change it. */
		logoMediaId: z.uuid().optional()
	})
	.strict();
export type OrganizationProfile = z.output<typeof organizationProfileInput>;

/** Changes an organisation's public profile (an editor's change, or an approved proposal). */
export async function updateOrganizationProfile(
	db: Db,
	actorId: string,
	input: z.input<typeof organizationProfileInput>
): Promise<{ id: string; slug: string }> {
	const data = organizationProfileInput.parse(input);
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(organizations)
			.where(eq(organizations.id, data.organizationId));
		if (!before) throw new Error(`No organisation ${data.organizationId}`);
		const description = data.description?.da ? data.description : null;
		const [updated] = await tx
			.update(organizations)
			.set({
				description,
				website: data.website ?? null,
				email: data.email ?? null,
				logoMediaId: data.logoMediaId ?? before.logoMediaId,
				updatedAt: new Date()
			})
			.where(eq(organizations.id, data.organizationId))
			.returning({ id: organizations.id, slug: organizations.slug });
		await recordAudit(tx, {
			actor: actorId,
			action: 'organization.update',
			entityType: 'organization',
			entityId: data.organizationId,
			details: {
				before: {
					description: before.description,
					website: before.website,
					email: before.email,
					logoMediaId: before.logoMediaId
				},
				after: data
			}
		});
		return updated!;
	});
}

/** An organisation's profile as its edit form shows it. */
export async function organizationProfile(
	db: Db,
	id: string
): Promise<(OrganizationProfile & { name: string; slug: string }) | undefined> {
	const [o] = await db.select().from(organizations).where(eq(organizations.id, id));
	if (!o) return undefined;
	return {
		organizationId: o.id,
		name: o.name,
		slug: o.slug,
		description: o.description ?? undefined,
		website: o.website ?? undefined,
		email: o.email ?? undefined,
		logoMediaId: o.logoMediaId ?? undefined
	};
}

export async function organizationBySlug(db: Db, slug: string) {
	const [o] = await db.select().from(organizations).where(eq(organizations.slug, slug));
	return o;
}

/** A place of the organisation's own (its address), not tied to one offer. */
export async function addOrganizationLocation(
	db: Db,
	actorId: string,
	organizationId: string,
	input: z.input<typeof locationInput>
) {
	const data = locationInput.parse(input);
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(locations)
			.values({ ...data, organizationId })
			.returning({ id: locations.id });
		await recordAudit(tx, {
			actor: actorId,
			action: 'location.create',
			entityType: 'location',
			entityId: created!.id,
			details: { after: { organizationId, ...data } }
		});
		return created!.id;
	});
}
