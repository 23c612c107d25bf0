import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { lastChange, recordAudit, recordContentWrite } from '../audit/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { unknownCodes, uniqueSlug } from '../directory/index.ts';
import { copenhagenDate } from '../local-date.ts';
import { inLocale } from '../search/index.ts';
import { events } from './schema.ts';

const localized = (max: number, what: string) =>
	z
		.object({
			da: z.string().trim().min(1, `${what} in Danish is required`).max(max),
			en: z.string().trim().max(max).optional()
		})
		.transform((v) => (v.en ? v : { da: v.da }));
const webAddress = z
	.string()
	.trim()
	.url('must be a web address')
	.refine((u) => /^https?:\/\//.test(u), 'must start with https:// or http://');
const code = z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a known code');

/** An event as an editor, a partner or the demo data gives it. */
export const eventInput = z
	.object({
		organizationId: z.uuid(),
		kind: code,
		title: localized(200, 'the title'),
		description: localized(5000, 'the description'),
		startsAt: z.coerce.date(),
		endsAt: z.coerce.date(),
		allDay: z.boolean().default(false),
		locationId: z.uuid().optional(),
		address: z.string().trim().max(300).optional(),
		onlineUrl: webAddress.optional(),
		audiences: z.array(code).max(10).default([]),
		levels: z.array(code).max(10).default([]),
		language: z.enum(['da', 'en']).default('da'),
		priceOre: z.number().int().min(0).max(100_000_00).optional(),
		infoUrl: webAddress.optional(),
		registrationUrl: webAddress.optional(),
		registrationDeadline: z.coerce.date().optional(),
		capacityNote: localized(300, 'the capacity note').optional(),
		cancelled: z.boolean().default(false),
		offerIds: z.array(z.uuid()).max(20).default([]),
		opportunityIds: z.array(z.uuid()).max(20).default([]),
		programmeIds: z.array(z.uuid()).max(20).default([]),
		isDemo: z.boolean().default(false)
	})
	.refine((e) => e.endsAt >= e.startsAt, {
		path: ['endsAt'],
		message: 'the end is before the start'
	})
	.refine((e) => e.locationId || e.address || e.onlineUrl, {
		path: ['address'],
		message: 'an event needs a place: a location, an address or an online link'
	});
export type EventInput = z.input<typeof eventInput>;

/** A slug that says what and when: "aabent-hus-paa-tech-2027-01-14". */
const eventSlugName = (title: string, start: Date) =>
	`${title.slice(0, 60)} ${copenhagenDate(start)}`;

/** An event read by its schema, its kind, audiences and levels checked against the vocabularies. */
async function checkedEvent(db: Db, input: EventInput) {
	const data = eventInput.parse(input);
	const problems = [
		...(await unknownCodes(db, 'event-kind', [data.kind], 'kind', 'not a kind of event')),
		...(await unknownCodes(db, 'audience', data.audiences, 'audiences', 'not an audience')),
		...(await unknownCodes(db, 'level', data.levels, 'levels', 'not a level'))
	];
	if (problems.length) throw new z.ZodError(problems);
	return data;
}

/** Adds an event (an editor's, an approved proposal, or demo data). */
export async function createEvent(db: Db, actorId: string, input: EventInput) {
	const data = await checkedEvent(db, input);
	return db.transaction(async (tx) => {
		const slug = await uniqueSlug(
			tx,
			'events',
			eventSlugName(data.title.da, data.startsAt),
			'arrangement'
		);
		const [created] = await tx
			.insert(events)
			.values({ ...data, slug })
			.returning({ id: events.id, slug: events.slug });
		await recordContentWrite(tx, actorId, 'event.create', created!.id, data.title, { after: data });
		return created!;
	});
}

/**
 * Changes an event entered here (an approved change, or an editor's): everything but its
 * address on the site (the slug stays, so links and calendar subscriptions keep working), its
 * demo mark and its cancellation, which has its own action. An event read from a calendar feed
 * is changed in that calendar, not here: the next read would undo the change.
 */
export async function updateEvent(db: Db, actorId: string, id: string, input: EventInput) {
	const data = await checkedEvent(db, input);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(events).where(eq(events.id, id));
		if (!before) throw new Error(`No event ${id}`);
		if (before.feedId) throw new Error(`The event ${id} is read from a calendar feed`);
		// The form shows a directory place as its address: left as shown, the event keeps the
		// place (and with it its point on the map and its distance from a student).
		const keepsPlace =
			!data.locationId &&
			before.locationId !== null &&
			data.address !== undefined &&
			data.address === (await placeAddress(tx, before.locationId));
		const [updated] = await tx
			.update(events)
			.set({
				...data,
				locationId: keepsPlace ? before.locationId : (data.locationId ?? null),
				address: keepsPlace ? null : (data.address ?? null),
				onlineUrl: data.onlineUrl ?? null,
				priceOre: data.priceOre ?? null,
				infoUrl: data.infoUrl ?? null,
				registrationUrl: data.registrationUrl ?? null,
				registrationDeadline: data.registrationDeadline ?? null,
				capacityNote: data.capacityNote ?? null,
				cancelled: before.cancelled,
				isDemo: before.isDemo,
				updatedAt: new Date()
			})
			.where(eq(events.id, id))
			.returning({ id: events.id, slug: events.slug });
		await recordContentWrite(tx, actorId, 'event.update', id, data.title, {
			before: { title: before.title, startsAt: before.startsAt, endsAt: before.endsAt },
			after: data
		});
		return updated!;
	});
}

/**
 * An event as its edit form starts from, and as a review compares a change with: the stored
 * fields, a directory place as its address (`updateEvent` keeps the place when it comes back
 * unchanged). None for an event read from a calendar feed.
 */
export async function eventForEditing(db: Db, which: { slug: string } | { id: string }) {
	const [row] = await db
		.select()
		.from(events)
		.where('slug' in which ? eq(events.slug, which.slug) : eq(events.id, which.id));
	if (!row || row.feedId) return undefined;
	const place = row.locationId ? await placeAddress(db, row.locationId) : undefined;
	return { ...row, address: row.address ?? place ?? null };
}

/** A directory place's address as one line: "Street 1, 9000 Aalborg". */
async function placeAddress(db: Db, locationId: string): Promise<string | undefined> {
	return (
		rowsOf<{ address: string | null }>(
			await db.execute(sql`
				select concat_ws(', ', address, concat_ws(' ', postal_code, city)) as address
				from locations where id = ${locationId}`)
		)[0]?.address ?? undefined
	);
}

/**
 * Coming events of these organisations, or of all when `organizationIds` is 'all': the list an
 * editor or a partner changes or cancels from (`fromFeed`: read from a calendar feed, so changed
 * in that calendar, not here).
 */
export async function comingEventsOf(
	db: Db,
	organizationIds: readonly string[] | 'all',
	locale: 'da' | 'en',
	now = new Date(),
	limit = 100
) {
	if (organizationIds !== 'all' && organizationIds.length === 0) return [];
	const title = inLocale(sql`e.title`, locale);
	const whose =
		organizationIds === 'all'
			? sql`true`
			: sql`e.organization_id = any(${sql.param([...organizationIds])}::uuid[])`;
	return rowsOf<{
		id: string;
		slug: string;
		title: string;
		start: string;
		end: string;
		allDay: boolean;
		organiser: string;
		cancelled: boolean;
		fromFeed: boolean;
	}>(
		await db.execute(sql`
			select e.id, e.slug, ${title} as title, e.starts_at::text as start, e.ends_at::text as "end",
				e.all_day as "allDay", org.name as organiser, e.cancelled, e.feed_id is not null as "fromFeed"
			from events e join organizations org on org.id = e.organization_id
			where e.ends_at > ${now.toISOString()}::timestamptz and ${whose}
			order by e.starts_at, e.id
			limit ${limit}`)
	);
}

/** Cancels an event (it stays listed, marked cancelled) or undoes that. */
export async function setEventCancelled(db: Db, actorId: string, id: string, cancelled: boolean) {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(events)
			.set({ cancelled, updatedAt: new Date() })
			.where(eq(events.id, id))
			.returning({ id: events.id });
		if (!row) throw new Error(`No event ${id}`);
		await recordAudit(tx, {
			actor: actorId,
			action: cancelled ? 'event.cancel' : 'event.uncancel',
			entityType: 'event',
			entityId: id
		});
	});
}

/** An event as its page shows it. */
export interface EventView {
	id: string;
	slug: string;
	kind: string;
	title: { da: string; en?: string };
	description: { da: string; en?: string };
	startsAt: Date;
	endsAt: Date;
	allDay: boolean;
	place: {
		name: string | null;
		address: string | null;
		postalCode: string | null;
		city: string | null;
		latitude: number | null;
		longitude: number | null;
	} | null;
	onlineUrl: string | null;
	audiences: string[];
	levels: string[];
	language: string;
	priceOre: number | null;
	infoUrl: string | null;
	registrationUrl: string | null;
	registrationDeadline: Date | null;
	capacityNote: { da: string; en?: string } | null;
	cancelled: boolean;
	organizer: { name: string; slug: string; kind: string; website: string | null };
	offers: { slug: string; name: string }[];
	postings: { slug: string; title: { da: string; en?: string } }[];
	programmes: { slug: string; title: { da: string; en?: string } }[];
	isDemo: boolean;
	fromFeed: boolean;
	createdAt: Date;
	updatedAt: Date;
}

interface EventRow {
	id: string;
	slug: string;
	kind: string;
	title: { da: string; en?: string };
	description: { da: string; en?: string };
	starts_at: string;
	ends_at: string;
	all_day: boolean;
	location_name: string | null;
	address: string | null;
	postal_code: string | null;
	city: string | null;
	latitude: number | null;
	longitude: number | null;
	online_url: string | null;
	audiences: string[];
	levels: string[];
	language: string;
	price_ore: number | null;
	info_url: string | null;
	registration_url: string | null;
	registration_deadline: string | null;
	capacity_note: { da: string; en?: string } | null;
	cancelled: boolean;
	org_name: string;
	org_slug: string;
	org_website: string | null;
	org_kind: string;
	offers: { slug: string; name: string }[];
	postings: { slug: string; title: { da: string; en?: string } }[];
	programmes: { slug: string; title: { da: string; en?: string } }[];
	is_demo: boolean;
	from_feed: boolean;
	created_at: string;
	updated_at: string;
}

/** One event by its slug, with its organiser, place and linked offers, postings and programmes. */
export async function getEvent(db: Db, slug: string): Promise<EventView | undefined> {
	const [row] = rowsOf<EventRow>(
		await db.execute(sql`
			select e.id, e.slug, e.kind, e.title, e.description, e.starts_at::text, e.ends_at::text,
				e.all_day, l.name as location_name, coalesce(l.address, e.address) as address,
				l.postal_code, l.city, l.latitude, l.longitude, e.online_url, e.audiences, e.levels,
				e.language, e.price_ore, e.info_url, e.registration_url,
				e.registration_deadline::text, e.capacity_note, e.cancelled,
				org.name as org_name, org.slug as org_slug, org.website as org_website, org.kind as org_kind,
				coalesce((select json_agg(json_build_object('slug', of.slug, 'name', of.name) order by of.name)
					from offers of where of.id = any(e.offer_ids)), '[]') as offers,
				coalesce((select json_agg(json_build_object('slug', op.slug, 'title', op.title) order by op.created_at)
					from opportunities op where op.id = any(e.opportunity_ids)
					and op.expires_at > now()), '[]') as postings,
				coalesce((select json_agg(json_build_object('slug', p.slug, 'title', p.title) order by p.level_rank, p.title->>'da')
					from programmes p where p.id = any(e.programme_ids)), '[]') as programmes,
				e.is_demo, e.feed_id is not null as from_feed, e.created_at::text, e.updated_at::text
			from events e
			join organizations org on org.id = e.organization_id
			left join locations l on l.id = e.location_id
			where e.slug = ${slug}`)
	);
	if (!row) return undefined;
	const hasPlace = row.address || row.location_name;
	return {
		id: row.id,
		slug: row.slug,
		kind: row.kind,
		title: row.title,
		description: row.description,
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		allDay: row.all_day,
		place: hasPlace
			? {
					name: row.location_name,
					address: row.address,
					postalCode: row.postal_code,
					city: row.city,
					latitude: row.latitude,
					longitude: row.longitude
				}
			: null,
		onlineUrl: row.online_url,
		audiences: row.audiences,
		levels: row.levels,
		language: row.language,
		priceOre: row.price_ore,
		infoUrl: row.info_url,
		registrationUrl: row.registration_url,
		registrationDeadline: row.registration_deadline ? new Date(row.registration_deadline) : null,
		capacityNote: row.capacity_note,
		cancelled: row.cancelled,
		organizer: {
			name: row.org_name,
			slug: row.org_slug,
			kind: row.org_kind,
			website: row.org_website
		},
		offers: row.offers,
		postings: row.postings,
		programmes: row.programmes,
		isDemo: row.is_demo,
		fromFeed: row.from_feed,
		createdAt: new Date(row.created_at),
		updatedAt: new Date(row.updated_at)
	};
}

/** When the event list last changed (the Atom and iCalendar feeds' date). */
export async function lastEventChange(db: Db, now = new Date()): Promise<Date> {
	return lastChange(db, sql`select max(updated_at) from events`, now);
}

/** A coming event as a programme's page lists it. */
export interface ComingEvent {
	slug: string;
	title: string;
	start: string;
	isDemo: boolean;
}

/**
 * The next events about a programme: those that link to it first (an open house for it, a trial
 * day in it, whoever holds them), then the institution's own, soonest first, not cancelled.
 */
export async function comingEventsAbout(
	db: Db,
	about: { programmeId: string; organizationSlug: string },
	locale: 'da' | 'en',
	now: Date,
	limit = 3
): Promise<ComingEvent[]> {
	const title = inLocale(sql`e.title`, locale);
	return rowsOf<ComingEvent>(
		await db.execute(sql`
			select e.slug, ${title} as title, e.starts_at::text as start, e.is_demo as "isDemo"
			from events e join organizations org on org.id = e.organization_id
			where e.ends_at > ${now.toISOString()}::timestamptz and not e.cancelled
				and (${about.programmeId}::uuid = any(e.programme_ids) or org.slug = ${about.organizationSlug})
			order by ${about.programmeId}::uuid = any(e.programme_ids) desc, e.starts_at, e.id
			limit ${limit}`)
	);
}
