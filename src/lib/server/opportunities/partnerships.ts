import { desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { line, longText } from '../../schemas/text-fields.ts';
import { recordAudit } from '../audit/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { uniqueSlug } from '../directory/index.ts';
import { organizations, type Localized } from '../directory/index.ts';
import { PARTNERSHIP_KINDS, partnerships } from './schema.ts';

/** A partnership as its proposer writes it. */
export const partnershipInput = z
	.object({
		organizationId: z.uuid(),
		partnerIds: z.array(z.uuid()).min(1, 'name at least one partner').max(20),
		kinds: z.array(z.enum(PARTNERSHIP_KINDS)).min(1, 'choose at least one kind').max(5),
		title: z.object({ da: line(200), en: line(200).optional() }).strict(),
		description: z.object({ da: longText(3000), en: longText(3000).optional() }).strict(),
		programmes: z.array(line(200)).max(20).default([]),
		contactName: line(200).optional(),
		contactEmail: z.email().max(254).optional(),
		isDemo: z.boolean().default(false)
	})
	.refine((p) => !p.partnerIds.includes(p.organizationId), {
		message: 'an organisation cannot be its own partner',
		path: ['partnerIds']
	});
export type PartnershipInput = z.input<typeof partnershipInput>;

export async function createPartnership(db: Db, actorId: string, input: PartnershipInput) {
	const data = partnershipInput.parse(input);
	return db.transaction(async (tx) => {
		const known = await tx
			.select({ id: organizations.id })
			.from(organizations)
			.where(inArray(organizations.id, data.partnerIds));
		if (known.length !== data.partnerIds.length)
			throw new z.ZodError([
				{
					code: 'custom',
					path: ['partnerIds'],
					message: 'names an unknown organisation',
					input: data.partnerIds
				}
			]);
		const slug = await uniqueSlug(tx, 'partnerships', data.title.da, 'partnerskab');
		const [created] = await tx
			.insert(partnerships)
			.values({ ...data, slug })
			.returning({ id: partnerships.id, slug: partnerships.slug });
		await recordAudit(tx, {
			actor: actorId,
			action: 'partnership.create',
			entityType: 'partnership',
			entityId: created!.id,
			details: { after: data }
		});
		return created!;
	});
}

export async function updatePartnership(
	db: Db,
	actorId: string,
	id: string,
	input: PartnershipInput
): Promise<{ id: string; slug: string }> {
	const data = partnershipInput.parse(input);
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(partnerships)
			.set({ ...data, updatedAt: new Date() })
			.where(eq(partnerships.id, id))
			.returning({ id: partnerships.id, slug: partnerships.slug });
		if (!updated) throw new Error(`No partnership ${id}`);
		await recordAudit(tx, {
			actor: actorId,
			action: 'partnership.update',
			entityType: 'partnership',
			entityId: id,
			details: { after: data }
		});
		return updated;
	});
}

export interface PartnershipView {
	id: string;
	slug: string;
	kinds: string[];
	title: Localized;
	description: Localized;
	programmes: string[];
	contactName: string | null;
	contactEmail: string | null;
	isDemo: boolean;
	/** Everyone taking part, the proposer first. */
	organizations: { name: string; slug: string }[];
}

/** Approved partnerships, newest first; for one organisation when `organizationId` is given. */
export async function listPartnerships(
	db: Db,
	filter: { kind?: string; organizationId?: string } = {}
): Promise<PartnershipView[]> {
	const where = [sql`true`];
	if (filter.kind) where.push(sql`${filter.kind} = any(p.kinds)`);
	if (filter.organizationId)
		where.push(
			sql`(p.organization_id = ${filter.organizationId} or ${filter.organizationId}::uuid = any(p.partner_ids))`
		);
	return rowsOf<PartnershipView>(
		await db.execute(sql`
			select p.id, p.slug, p.kinds, p.title, p.description, p.programmes,
				p.contact_name as "contactName", p.contact_email as "contactEmail", p.is_demo as "isDemo",
				coalesce((select json_agg(json_build_object('name', o.name, 'slug', o.slug) order by o.id <> p.organization_id, o.name)
					from organizations o where o.id = p.organization_id or o.id = any(p.partner_ids)), '[]'::json) as organizations
			from partnerships p
			where ${sql.join(where, sql` and `)}
			order by p.created_at desc, p.slug
			limit 500`)
	);
}

export async function partnershipsOf(db: Db, organizationIds: readonly string[]) {
	if (organizationIds.length === 0) return [];
	return db
		.select({ slug: partnerships.slug, title: partnerships.title })
		.from(partnerships)
		.where(inArray(partnerships.organizationId, [...organizationIds]))
		.orderBy(desc(partnerships.createdAt));
}
