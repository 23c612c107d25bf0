import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hasControlCharacters } from '../../text.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { slugify } from './organizations.ts';
import { offers } from './schema.ts';

const line = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'is required')
		.max(max, `can be at most ${max} characters`)
		.refine((v) => !hasControlCharacters(v), 'must not contain control characters');
const longText = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'is required')
		.max(max, `can be at most ${max} characters`)
		.refine(
			// Line breaks and tabs are text here; other control characters are not.
			(v) => !/(?![\n\r\t])\p{Cc}/u.test(v),
			'must not contain control characters'
		);
const localized = (text: z.ZodType<string>) => z.object({ da: text, en: text.optional() }).strict();

/** An offer as partners, editors and imports write it. */
export const offerInput = z
	.object({
		organizationId: z.uuid(),
		name: localized(line(200)),
		description: localized(longText(5000)),
		url: z
			.url({ protocol: /^https?$/ })
			.max(500)
			.optional(),
		email: z.email().max(254).optional(),
		phone: z
			.string()
			.regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number')
			.optional(),
		languages: z
			.array(z.string().regex(/^[a-z]{2}$/))
			.min(1)
			.max(20)
			.default(['da']),
		isFree: z.boolean().default(true),
		priceOre: z.number().int().min(0).max(100_000_000).optional(),
		minimumAge: z.number().int().min(0).max(120).optional(),
		maximumAge: z.number().int().min(0).max(120).optional(),
		eligibility: localized(longText(2000)).optional(),
		guidepost: z
			.string()
			.regex(/^[a-z0-9-]{1,80}$/)
			.optional(),
		categories: z
			.array(z.string().regex(/^[a-z0-9-]{1,60}$/))
			.max(10)
			.default([]),
		audiences: z
			.array(z.string().regex(/^[a-z0-9-]{1,60}$/))
			.max(10)
			.default([]),
		isDemo: z.boolean().default(false)
	})
	.refine((o) => o.isFree || o.priceOre !== undefined, {
		message: 'an offer that is not free needs a price',
		path: ['priceOre']
	})
	.refine(
		(o) => o.minimumAge === undefined || o.maximumAge === undefined || o.minimumAge <= o.maximumAge,
		{
			message: 'the minimum age is above the maximum age',
			path: ['minimumAge']
		}
	);

export async function createOffer(db: Db, actorId: string, input: z.input<typeof offerInput>) {
	const data = offerInput.parse(input);
	return db.transaction(async (tx) => {
		const base = slugify(data.name.da) || 'tilbud';
		let slug = base;
		for (let n = 2; ; n++) {
			const [taken] = await tx.select({ id: offers.id }).from(offers).where(eq(offers.slug, slug));
			if (!taken) break;
			slug = `${base}-${n}`;
		}
		const [created] = await tx
			.insert(offers)
			.values({ ...data, slug, lastVerifiedAt: new Date() })
			.returning({ id: offers.id, slug: offers.slug });
		await recordAudit(tx, {
			actor: actorId,
			action: 'offer.create',
			entityType: 'offer',
			entityId: created!.id,
			details: { after: data }
		});
		return created!;
	});
}

/** Replaces an offer's content (an approved change); the slug stays so links keep working. */
export async function updateOffer(
	db: Db,
	actorId: string,
	id: string,
	input: z.input<typeof offerInput>
): Promise<{ id: string; slug: string }> {
	const data = offerInput.parse(input);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(offers).where(eq(offers.id, id));
		if (!before) throw new Error(`No offer ${id}`);
		const [updated] = await tx
			.update(offers)
			.set({ ...data, isDemo: before.isDemo, updatedAt: new Date(), lastVerifiedAt: new Date() })
			.where(eq(offers.id, id))
			.returning({ id: offers.id, slug: offers.slug });
		await recordAudit(tx, {
			actor: actorId,
			action: 'offer.update',
			entityType: 'offer',
			entityId: id,
			details: {
				before: {
					name: before.name,
					description: before.description,
					categories: before.categories
				},
				after: data
			}
		});
		return updated!;
	});
}

/** The fields of an offer as a partner edits them (the form is filled with these). */
export async function offerForEditing(db: Db, slug: string) {
	const [o] = await db.select().from(offers).where(eq(offers.slug, slug));
	return o;
}
