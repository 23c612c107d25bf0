import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { line, localized, longText } from '../../schemas/text-fields.ts';
import { recordAudit } from '../audit/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { uniqueSlug } from '../directory/index.ts';
import { organizations, type Localized } from '../directory/schema.ts';
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
		await recordAudit(tx, {
			actor: actorId,
			action: 'opportunity.create',
			entityType: 'opportunity',
			entityId: created!.id,
			details: { after: data }
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
		await recordAudit(tx, {
			actor: actorId,
			action: 'opportunity.update',
			entityType: 'opportunity',
			entityId: id,
			details: { before: { title: before.title, deadline: before.deadline }, after: data }
		});
		return updated!;
	});
}

/** Open now: approved, and before its deadline day ends (or its 60 days when it has none). */
const isOpen = (now: Date) => sql`o.expires_at > ${now.toISOString()}::timestamptz`;

const code = z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a known code');
const postcode = z.string().regex(/^\d{4}$/, 'a postcode has four digits');

export const opportunityQuery = z.object({
	q: z.string().trim().max(200, 'the search text can be at most 200 characters').default(''),
	type: z
		.array(z.enum(OPPORTUNITY_TYPES, { error: 'not a kind of posting' }))
		.max(6)
		.default([]),
	/** Education fields (any of them). */
	field: z.array(code).max(20).default([]),
	/** Education levels (any of them). */
	level: z.array(code).max(10).default([]),
	englishFriendly: z.boolean().default(false),
	maxHours: z.number().int().min(1).max(60).optional(),
	/** Only postings whose deadline is on or after this day. */
	deadlineFrom: z.iso.date().optional(),
	area: z.array(postcode).max(20).default([]),
	/** A postcode to measure distance from; with `km`, only postings that near (or remote). */
	near: postcode.optional(),
	km: z.number().int().min(1).max(500).optional(),
	sort: z.enum(['relevance', 'newest', 'deadline', 'distance']).default('relevance'),
	page: z.number().int().min(1).max(1000).default(1)
});
export type OpportunityQuery = z.infer<typeof opportunityQuery>;
export const OPPORTUNITY_PAGE_SIZE = 20;

export interface OpportunityHit {
	id: string;
	slug: string;
	type: string;
	title: string;
	untranslated: boolean;
	organization: string;
	city: string | null;
	remote: boolean;
	deadline: string | null;
	hoursPerWeek: number | null;
	englishFriendly: boolean;
	isDemo: boolean;
	createdAt: string;
	/** Kilometres from the centre of the `near` postcode; null for remote postings. */
	distanceKm: number | null;
}

export interface OpportunityResults {
	total: number;
	/** Counts per value; each ignores its own filter, so a reader sees what the others hold. */
	types: Record<string, number>;
	fields: Record<string, number>;
	levels: Record<string, number>;
	/** The postcode distances were measured from, when it is known. */
	near: { postalCode: string; name: string } | null;
	/** The `near` postcode was given but is not one the platform knows. */
	unknownNear: boolean;
	items: OpportunityHit[];
}

/**
 * Open postings, ranked (Danish or English full text), newest, soonest deadline or nearest
 * first, with counts per kind, field and level.
 * `publishedAfter` (not a URL parameter) keeps postings published after that moment and up to
 * `now`: the news a saved search mails about.
 */
export async function searchOpportunities(
	db: Db,
	input: z.input<typeof opportunityQuery>,
	locale: 'da' | 'en',
	now = new Date(),
	options: { publishedAfter?: Date; pageSize?: number } = {}
): Promise<OpportunityResults> {
	const query = opportunityQuery.parse(input);
	const pageSize = options.pageSize ?? OPPORTUNITY_PAGE_SIZE;
	const words = (query.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
	const text = words.map((w) => `${w}:*`).join(' & ');
	const tsq = sql`(to_tsquery('danish', ${text}) || to_tsquery('english', ${text}))`;
	const [origin] = query.near
		? rowsOf<{ postal_code: string; name: string; latitude: number; longitude: number }>(
				await db.execute(
					sql`select postal_code, name, latitude, longitude from postal_areas where postal_code = ${query.near}`
				)
			)
		: [];
	// Distance from the origin to the workplace (its coordinates, else its postcode's centre):
	// an equirectangular approximation, good to metres within a municipality. Filters and the
	// order use the square of the distance in degrees of latitude (plain arithmetic, cheap for
	// every row); kilometres are worked out for the page only.
	const KM_PER_DEGREE = 111.195;
	const d2 = origin
		? sql`((coalesce(o.latitude, pa.latitude) - ${origin.latitude}::float8) * (coalesce(o.latitude, pa.latitude) - ${origin.latitude}::float8)
				+ (coalesce(o.longitude, pa.longitude) - ${origin.longitude}::float8) * (coalesce(o.longitude, pa.longitude) - ${origin.longitude}::float8) * ${Math.cos((origin.latitude * Math.PI) / 180) ** 2}::float8)`
		: sql`null::float8`;
	const km = sql`${KM_PER_DEGREE}::float8 * sqrt(page.d2)`;
	const filters: SQL[] = [isOpen(now)];
	if (options.publishedAfter)
		filters.push(
			sql`o.created_at > ${options.publishedAfter.toISOString()}::timestamptz and o.created_at <= ${now.toISOString()}::timestamptz`
		);
	if (words.length) filters.push(sql`o.search_text @@ ${tsq}`);
	if (query.englishFriendly) filters.push(sql`o.english_friendly`);
	if (query.maxHours !== undefined)
		filters.push(sql`(o.hours_per_week is null or o.hours_per_week <= ${query.maxHours})`);
	if (query.deadlineFrom) filters.push(sql`o.deadline >= ${query.deadlineFrom}::date`);
	if (query.area.length) filters.push(sql`o.postal_code = any(${sql.param(query.area)}::text[])`);
	if (origin && query.km !== undefined)
		filters.push(sql`(o.remote or ${d2} <= ${(query.km / KM_PER_DEGREE) ** 2}::float8)`);
	// Kind, field and level are read from `facet_key` (in the covering index, so choosing the
	// page stays an index-only scan): `type|field,field|level,level`.
	const part = (n: number) => sql`split_part(o.facet_key, '|', ${sql.raw(String(n))})`;
	const byType = query.type.length
		? sql`${part(1)} = any(${sql.param(query.type)}::text[])`
		: sql`true`;
	const byField = query.field.length
		? sql`string_to_array(${part(2)}, ',') && ${sql.param(query.field)}::text[]`
		: sql`true`;
	const byLevel = query.level.length
		? sql`string_to_array(${part(3)}, ',') && ${sql.param(query.level)}::text[]`
		: sql`true`;
	const title =
		locale === 'en' ? sql`coalesce(o.title->>'en', o.title->>'da')` : sql`o.title->>'da'`;
	// The order, given how the squared distance is named where it is used.
	const order = (distance: SQL) =>
		query.sort === 'newest'
			? sql`o.created_at desc, o.id`
			: query.sort === 'deadline'
				? sql`o.deadline asc nulls last, o.created_at desc, o.id`
				: query.sort === 'distance' && origin
					? sql`${distance} asc nulls last, o.created_at desc, o.id`
					: words.length
						? sql`ts_rank_cd(o.search_text, ${tsq}) desc, o.created_at desc, o.id`
						: sql`o.created_at desc, o.id`;
	const joinAreas = origin
		? sql`left join postal_areas pa on pa.postal_code = o.postal_code`
		: sql``;
	const base = sql.join(filters, sql` and `);
	// Two statements, sent together. The page: ordered by an index where the order allows
	// (newest, deadline), so only the page's rows are read. The counts: one pass over the open
	// postings that pass the other filters, grouped by their kind, fields and levels (one text
	// key, `facet_key`, read from an index), a few hundred groups from which the total and every
	// count are summed here; each count ignores its own filter, so a reader sees what the
	// other values hold.
	const [pageRows, groups] = await Promise.all([
		db.execute(sql`
			with page as (
				select o.id, ${d2} as d2
				from opportunities o ${joinAreas}
				where ${base} and ${byType} and ${byField} and ${byLevel}
				order by ${order(d2)}
				limit ${pageSize} offset ${(query.page - 1) * pageSize}
			)
			select o.id, o.slug, o.type, ${title} as title,
				${locale === 'en'} and o.title->>'en' is null as untranslated,
				org.name as organization, o.city, o.remote, o.deadline::text as deadline, o.hours_per_week,
				o.english_friendly, o.is_demo, o.created_at::text as created_at, ${km} as km
			from page join opportunities o on o.id = page.id
			join organizations org on org.id = o.organization_id
			order by ${order(sql`page.d2`)}`),
		db.execute(sql`
			select o.facet_key, count(*)::int as n from opportunities o ${joinAreas}
			where ${base} group by o.facet_key`)
	]);
	const rows = rowsOf<{
		id: string;
		slug: string;
		type: string;
		title: string;
		untranslated: boolean;
		organization: string;
		city: string | null;
		remote: boolean;
		deadline: string | null;
		hours_per_week: number | null;
		english_friendly: boolean;
		is_demo: boolean;
		created_at: string;
		km: number | null;
	}>(pageRows);
	const typeSet = new Set<string>(query.type);
	const fieldSet = new Set(query.field);
	const levelSet = new Set(query.level);
	let total = 0;
	const types: Record<string, number> = {};
	const fields: Record<string, number> = {};
	const levels: Record<string, number> = {};
	for (const { facet_key, n } of rowsOf<{ facet_key: string; n: number }>(groups)) {
		const [type = '', f = '', l = ''] = facet_key.split('|');
		const g = { type, fields: f ? f.split(',') : [], levels: l ? l.split(',') : [], n };
		const tOk = typeSet.size === 0 || typeSet.has(g.type);
		const fOk = fieldSet.size === 0 || g.fields.some((f) => fieldSet.has(f));
		const lOk = levelSet.size === 0 || g.levels.some((l) => levelSet.has(l));
		if (tOk && fOk && lOk) total += g.n;
		if (fOk && lOk) types[g.type] = (types[g.type] ?? 0) + g.n;
		if (tOk && lOk) for (const f of new Set(g.fields)) fields[f] = (fields[f] ?? 0) + g.n;
		if (tOk && fOk) for (const l of new Set(g.levels)) levels[l] = (levels[l] ?? 0) + g.n;
	}
	return {
		total,
		types,
		fields,
		levels,
		near: origin ? { postalCode: origin.postal_code, name: origin.name } : null,
		unknownNear: query.near !== undefined && !origin,
		items: rows.map((r) => ({
			id: r.id,
			slug: r.slug,
			type: r.type,
			title: r.title,
			untranslated: r.untranslated,
			organization: r.organization,
			city: r.city,
			remote: r.remote,
			deadline: r.deadline,
			hoursPerWeek: r.hours_per_week,
			englishFriendly: r.english_friendly,
			isDemo: r.is_demo,
			createdAt: r.created_at,
			distanceKm: r.km === null ? null : Math.round(r.km * 10) / 10
		}))
	};
}

export interface OpportunityPage {
	id: string;
	slug: string;
	type: string;
	title: Localized;
	description: Localized;
	organization: { name: string; slug: string; website: string | null };
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
			organization: {
				name: organizations.name,
				slug: organizations.slug,
				website: organizations.website
			}
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
