import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { line, localized, longText } from '../../schemas/text-fields.ts';
import { lastChange, recordAudit, recordContentWrite } from '../audit/index.ts';
import { bumpContentVersion, type Db } from '../db/index.ts';
import { uniqueSlug } from '../directory/index.ts';
import { organizations, organizationSummary, type Localized } from '../directory/index.ts';
import { facetKey, OPPORTUNITY_TYPES, opportunities, PAY_KINDS } from './schema.ts';

/** Days a posting without a deadline stays public after it is approved. */
export const DEFAULT_OPEN_DAYS = 60;

const day = z.iso.date({ error: 'must be a date such as 2026-12-01' });

/** A posting as partners, editors and the demo loader write it. */
export const opportunityInput = z
	.object({
		organizationId: z.uuid(),
		type: z.enum(OPPORTUNITY_TYPES, { error: 'must be a known kind of posting' }),
		title: localized(line(200)),
		description: localized(longText(5000)),
		education: line(200).optional(),
		specialisation: line(200).optional(),
		address: line(200).optional(),
		postalCode: z
			.string()
			.regex(/^\d{4}$/, 'must be a Danish postcode of four digits')
			.optional(),
		city: line(100).optional(),
		latitude: z.number().min(54).max(58).optional(),
		longitude: z.number().min(7).max(16).optional(),
		remote: z.boolean().default(false),
		hoursPerWeek: z.number().int().min(1).max(60).optional(),
		pay: z.enum(PAY_KINDS),
		hourlyPayOre: z.number().int().min(0).max(100_000).optional(),
		startDate: day.optional(),
		deadline: day.optional(),
		applyUrl: z
			.url({ protocol: /^https?$/ })
			.max(500)
			.optional(),
		applyEmail: z.email().max(254).optional(),
		fields: z
			.array(z.string().regex(/^[a-z0-9-]{1,60}$/))
			.max(10)
			.default([]),
		levels: z
			.array(z.string().regex(/^[a-z0-9-]{1,60}$/))
			.max(10)
			.default([]),
		englishFriendly: z.boolean().default(false),
		minimumAge: z.number().int().min(13).max(30).optional(),
		contactName: line(200).optional(),
		contactEmail: z.email().max(254).optional(),
		isDemo: z.boolean().default(false)
	})
	.refine((o) => o.applyUrl || o.applyEmail, {
		message: 'say how to apply: a web address or an e-mail address',
		path: ['applyUrl']
	})
	.refine((o) => o.remote || (o.address && o.postalCode && o.city), {
		message: 'give the workplace address, or mark the posting as remote',
		path: ['address']
	})
	.refine((o) => o.type !== 'laereplads' || o.education, {
		message: 'a læreplads names its vocational education',
		path: ['education']
	})
	.refine((o) => o.type !== 'frivilligt-arbejde' || o.pay !== 'paid', {
		message: 'volunteering is not paid',
		path: ['pay']
	});
export type OpportunityInput = z.input<typeof opportunityInput>;

/** When a posting leaves search: the end of its deadline day, or 60 days from now. */
function expiry(deadline: string | undefined, now = new Date()): Date {
	if (deadline) {
		// The end of the deadline day in Denmark: UTC+1 in winter, UTC+2 in summer.
		const offset =
			new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' })
				.formatToParts(new Date(`${deadline}T12:00:00Z`))
				.find((p) => p.type === 'timeZoneName')
				?.value.replace('GMT', '') || '+01:00';
		return new Date(`${deadline}T23:59:59${offset}`);
	}
	return new Date(now.getTime() + DEFAULT_OPEN_DAYS * 86_400_000);
}

export async function createOpportunity(db: Db, actorId: string, input: OpportunityInput) {
	const data = opportunityInput.parse(input);
	return db.transaction(async (tx) => {
		const slug = await uniqueSlug(tx, 'opportunities', data.title.da, 'opslag');
		const [created] = await tx
			.insert(opportunities)
			.values({ ...data, slug, facetKey: facetKey(data), expiresAt: expiry(data.deadline) })
			.returning({ id: opportunities.id, slug: opportunities.slug });
		await recordContentWrite(tx, actorId, 'opportunity.create', created!.id, data.title, {
			after: data
		});
		return created!;
	});
}

/** Replaces a posting's content (an approved change, or a renewal); its address stays. */
export async function updateOpportunity(
	db: Db,
	actorId: string,
	id: string,
	input: OpportunityInput
): Promise<{ id: string; slug: string }> {
	const data = opportunityInput.parse(input);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(opportunities).where(eq(opportunities.id, id));
		if (!before) throw new Error(`No posting ${id}`);
		const [updated] = await tx
			.update(opportunities)
			.set({
				...data,
				isDemo: before.isDemo,
				facetKey: facetKey(data),
				expiresAt: expiry(data.deadline),
				remindedAt: null,
				updatedAt: new Date()
			})
			.where(eq(opportunities.id, id))
			.returning({ id: opportunities.id, slug: opportunities.slug });
		await recordContentWrite(tx, actorId, 'opportunity.update', id, data.title, {
			before: { title: before.title, deadline: before.deadline },
			after: data
		});
		return updated!;
	});
}

export interface OpportunityPage {
	id: string;
	slug: string;
	type: string;
	title: Localized;
	description: Localized;
	organization: { name: string; slug: string; kind: string; website: string | null };
	education: string | null;
	specialisation: string | null;
	address: string | null;
	postalCode: string | null;
	city: string | null;
	latitude: number | null;
	longitude: number | null;
	remote: boolean;
	hoursPerWeek: number | null;
	pay: string;
	hourlyPayOre: number | null;
	startDate: string | null;
	deadline: string | null;
	applyUrl: string | null;
	applyEmail: string | null;
	englishFriendly: boolean;
	fields: string[];
	levels: string[];
	minimumAge: number | null;
	contactName: string | null;
	contactEmail: string | null;
	isDemo: boolean;
	createdAt: Date;
	expiresAt: Date;
	open: boolean;
}

/** One posting; an expired one is found too (its page says it is closed), a missing one not. */
export async function getOpportunity(
	db: Db,
	slug: string,
	now = new Date()
): Promise<OpportunityPage | undefined> {
	const [row] = await db
		.select({
			o: opportunities,
			organization: organizationSummary
		})
		.from(opportunities)
		.innerJoin(organizations, eq(organizations.id, opportunities.organizationId))
		.where(eq(opportunities.slug, slug));
	if (!row) return undefined;
	const { o } = row;
	return {
		id: o.id,
		slug: o.slug,
		type: o.type,
		title: o.title,
		description: o.description,
		organization: row.organization,
		education: o.education,
		specialisation: o.specialisation,
		address: o.address,
		postalCode: o.postalCode,
		city: o.city,
		latitude: o.latitude,
		longitude: o.longitude,
		remote: o.remote,
		hoursPerWeek: o.hoursPerWeek,
		pay: o.pay,
		hourlyPayOre: o.hourlyPayOre,
		startDate: o.startDate,
		deadline: o.deadline,
		applyUrl: o.applyUrl,
		applyEmail: o.applyEmail,
		englishFriendly: o.englishFriendly,
		fields: o.fields,
		levels: o.levels,
		minimumAge: o.minimumAge,
		contactName: o.contactName,
		contactEmail: o.contactEmail,
		isDemo: o.isDemo,
		createdAt: o.createdAt,
		expiresAt: o.expiresAt,
		open: o.expiresAt > now
	};
}

/** An organisation's postings, open and closed, newest first: the partner's archive. */
export async function opportunitiesOf(
	db: Db,
	organizationIds: readonly string[],
	now = new Date()
) {
	if (organizationIds.length === 0) return [];
	const rows = await db
		.select({
			slug: opportunities.slug,
			title: opportunities.title,
			deadline: opportunities.deadline,
			expiresAt: opportunities.expiresAt
		})
		.from(opportunities)
		.where(
			and(sql`${opportunities.organizationId} = any(${sql.param([...organizationIds])}::uuid[])`)
		)
		.orderBy(desc(opportunities.createdAt), asc(opportunities.slug));
	return rows.map((r) => ({ ...r, open: r.expiresAt > now }));
}

/**
 * The job board's last change: the newest change of any posting, open or closed, or else the
 * newest audited write of the site; `now` only on a site that has never changed.
 */
export async function lastPostingChange(db: Db, now = new Date()): Promise<Date> {
	return lastChange(db, sql`select max(updated_at) from opportunities`, now);
}

/**
 * Deletes postings that closed (passed their end) before `before`, with an audit entry each, so
 * the record of who posted what outlives the posting for as long as the audit log is kept.
 */
export async function pruneClosedPostings(db: Db, before: Date): Promise<number> {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(opportunities)
			.where(sql`${opportunities.expiresAt} < ${before.toISOString()}::timestamptz`)
			.returning({ id: opportunities.id, slug: opportunities.slug });
		for (const posting of deleted)
			await recordAudit(
				tx,
				{
					actor: 'system:retention',
					action: 'opportunity.delete',
					entityType: 'opportunity',
					entityId: posting.id,
					details: { slug: posting.slug, reason: 'closed longer than the retention period' }
				},
				{ publicContent: false }
			);
		if (deleted.length > 0) await bumpContentVersion(tx);
		return deleted.length;
	});
}
