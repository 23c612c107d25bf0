import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { line, localized, longText } from '../../schemas/text-fields.ts';
import { lastChange, recordContentWrite } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { uniqueSlug } from './slug.ts';
import {
	copenhagenDate,
	copenhagenMidnight,
	dayAfter,
	isCalendarDate,
	lastDayBefore
} from '../local-date.ts';
import { locations, offerLocations, offers, schedules } from './schema.ts';

const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 14:30');
const date = z.string().refine(isCalendarDate, 'must be a date such as 2026-08-31');

/** Where an offer is given (HSDS `location` with its address). */
export const locationInput = z
	.object({
		name: line(200),
		address: line(200),
		postalCode: z.string().regex(/^\d{4}$/, 'must be a Danish postcode of four digits'),
		city: line(100),
		latitude: z.number().min(54).max(58).optional(),
		longitude: z.number().min(7).max(16).optional(),
		accessibility: localized(longText(1000)).optional()
	})
	.strict();

/**
 * A weekly opening (HSDS 3.0 `schedule`: iCal BYDAY with opening and closing times), valid
 * from one date to another (Danish dates, both days included) or always.
 */
export const scheduleInput = z
	.object({
		byday: z.string().regex(new RegExp(`^${DAY}(,${DAY})*$`), 'must be iCal days such as MO,WE,FR'),
		opensAt: clock,
		closesAt: clock,
		description: localized(line(300)).optional(),
		validFrom: date.optional(),
		validTo: date.optional()
	})
	.strict()
	.refine((s) => s.opensAt < s.closesAt, {
		message: 'must close after it opens',
		path: ['closesAt']
	})
	.refine((s) => !s.validFrom || !s.validTo || s.validFrom <= s.validTo, {
		message: 'must not end before it begins',
		path: ['validTo']
	});

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
		locations: z.array(locationInput).max(10).default([]),
		schedules: z.array(scheduleInput).max(50).default([]),
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
		const slug = await uniqueSlug(tx, 'offers', data.name.da, 'tilbud');
		const { locations: places, schedules: hours, ...fields } = data;
		const [created] = await tx
			.insert(offers)
			.values({ ...fields, slug, lastVerifiedAt: new Date() })
			.returning({ id: offers.id, slug: offers.slug });
		await writePlacesAndHours(tx, created!.id, data.organizationId, places, hours);
		await recordContentWrite(tx, actorId, 'offer.create', created!.id, data.name, { after: data });
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
		const { locations: places, schedules: hours, ...fields } = data;
		const [updated] = await tx
			.update(offers)
			.set({ ...fields, isDemo: before.isDemo, updatedAt: new Date(), lastVerifiedAt: new Date() })
			.where(eq(offers.id, id))
			.returning({ id: offers.id, slug: offers.slug });
		await writePlacesAndHours(tx, id, data.organizationId, places, hours);
		await recordContentWrite(tx, actorId, 'offer.update', id, data.name, {
			before: {
				name: before.name,
				description: before.description,
				categories: before.categories
			},
			after: data
		});
		return updated!;
	});
}

/**
 * Replaces an offer's places and opening hours. Places belong to the offer's organisation;
 * one no offer uses any more is removed with it. A place given without coordinates keeps those
 * of the place it replaces at the same address (a form has no coordinate fields, and an edit
 * must not take the offer off the map).
 */
export async function writePlacesAndHours(
	tx: Db,
	offerId: string,
	organizationId: string,
	given: z.output<typeof locationInput>[],
	hours: z.output<typeof scheduleInput>[]
) {
	const addressKey = (p: { address: string; postalCode: string }) =>
		`${p.postalCode} ${p.address.trim().toLowerCase().replace(/\s+/g, ' ')}`;
	const located = new Map<string, { latitude: number; longitude: number }>();
	for (const old of await tx
		.select({
			address: locations.address,
			postalCode: locations.postalCode,
			latitude: locations.latitude,
			longitude: locations.longitude
		})
		.from(offerLocations)
		.innerJoin(locations, eq(locations.id, offerLocations.locationId))
		.where(eq(offerLocations.offerId, offerId)))
		if (old.latitude !== null && old.longitude !== null)
			located.set(addressKey(old), { latitude: old.latitude, longitude: old.longitude });
	const places = given.map((p) =>
		p.latitude === undefined || p.longitude === undefined
			? { ...p, ...located.get(addressKey(p)) }
			: p
	);
	const previous = await tx
		.delete(offerLocations)
		.where(eq(offerLocations.offerId, offerId))
		.returning({ locationId: offerLocations.locationId });
	if (previous.length)
		await tx.delete(locations).where(
			and(
				inArray(
					locations.id,
					previous.map((p) => p.locationId)
				),
				sql`not exists (select 1 from offer_locations ol where ol.location_id = ${locations.id})`
			)
		);
	await tx.delete(schedules).where(eq(schedules.offerId, offerId));
	if (places.length) {
		const created = await tx
			.insert(locations)
			.values(places.map((p) => ({ ...p, organizationId })))
			.returning({ id: locations.id });
		await tx.insert(offerLocations).values(created.map((c) => ({ offerId, locationId: c.id })));
	}
	if (hours.length)
		await tx.insert(schedules).values(
			hours.map(({ validFrom, validTo, ...h }) => ({
				...h,
				offerId,
				// Stored as instants: from the first day's midnight to the midnight after the last.
				validFrom: validFrom ? copenhagenMidnight(validFrom) : null,
				validTo: validTo ? copenhagenMidnight(dayAfter(validTo)) : null
			}))
		);
	await tx
		.update(offers)
		.set({ postalCodes: [...new Set(places.map((p) => p.postalCode))].sort() })
		.where(eq(offers.id, offerId));
}

/** An offer's places and weekly hours, in the shape `offerInput` takes them. */
export async function placesAndHours(db: Db, offerId: string) {
	const places = await db
		.select({
			name: locations.name,
			address: locations.address,
			postalCode: locations.postalCode,
			city: locations.city,
			latitude: locations.latitude,
			longitude: locations.longitude,
			accessibility: locations.accessibility
		})
		.from(offerLocations)
		.innerJoin(locations, eq(locations.id, offerLocations.locationId))
		.where(eq(offerLocations.offerId, offerId))
		.orderBy(asc(locations.name));
	const hours = await db
		.select({
			byday: schedules.byday,
			opensAt: schedules.opensAt,
			closesAt: schedules.closesAt,
			description: schedules.description,
			validFrom: schedules.validFrom,
			validTo: schedules.validTo
		})
		.from(schedules)
		.where(eq(schedules.offerId, offerId))
		.orderBy(asc(schedules.opensAt));
	const byDayOrder = (s: { byday: string }) =>
		['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(s.byday.slice(0, 2));
	return {
		locations: places.map((p) => dropNulls(p)),
		schedules: hours
			.map((h) =>
				dropNulls({
					...h,
					opensAt: h.opensAt.slice(0, 5),
					closesAt: h.closesAt.slice(0, 5),
					validFrom: h.validFrom && copenhagenDate(h.validFrom),
					validTo: h.validTo && lastDayBefore(h.validTo)
				})
			)
			.sort((a, b) => byDayOrder(a) - byDayOrder(b))
	};
}

function dropNulls<T extends Record<string, unknown>>(row: T) {
	return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as {
		[K in keyof T]: Exclude<T[K], null>;
	};
}

/** The fields of an offer as a partner edits them (the form is filled with these). */
export async function offerForEditing(db: Db, slug: string) {
	const [o] = await db.select().from(offers).where(eq(offers.slug, slug));
	if (!o) return undefined;
	return { ...o, ...(await placesAndHours(db, o.id)) };
}

/** When the directory last changed (an empty offers feed is dated by it). */
export async function lastOfferChange(db: Db, now = new Date()): Promise<Date> {
	return lastChange(db, sql`select max(updated_at) from offers`, now);
}
