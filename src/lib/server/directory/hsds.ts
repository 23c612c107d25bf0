import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { lookup, rowsOf, type Db } from '../db/index.ts';
import { offerInput, writePlacesAndHours } from './offers.ts';
import {
	locations,
	offerLocations,
	offers,
	organizations,
	schedules,
	taxonomyTerms,
	type Localized
} from './schema.ts';
import { rememberWords } from '../search/index.ts';
import { uniqueSlug } from './slug.ts';
import { copenhagenDate, lastDayBefore } from '../local-date.ts';

// Open Referral HSDS 3.0, as this directory writes and reads it. The schemas below follow the
// specification's objects and required fields (service: id, name, status; organization: id,
// name, description; ids are UUIDs); a Danish directory keeps Danish in the standard fields and
// English in `x_`-prefixed extension fields, which HSDS allows.

export const HSDS_VERSION = '3.0';
/** The taxonomies our categories and audiences are published under. */
export const TAXONOMIES = {
	category: 'uddannelsesby-category',
	audience: 'uddannelsesby-audience'
} as const;
/** HSDS times carry no zone; ours are Danish local time, and say so in each schedule's notes. */
const LOCAL_TIME_NOTE = 'Times are local time in Denmark (Europe/Copenhagen).';

const uuid = z.uuid({ error: 'must be a UUID' });
const text = z.string();
const optionalText = z.string().nullish();

const hsdsAddress = z.object({
	id: uuid,
	location_id: uuid.nullish(),
	address_1: text.min(1, 'is required'),
	city: text.min(1, 'is required'),
	region: optionalText,
	state_province: text,
	// Checked for Danish addresses when the place is taken in (offerInput); an address in another
	// country is not a place in this directory, whatever its postcode.
	postal_code: text,
	country: text.length(2, 'must be a two-letter ISO country code'),
	address_type: z.enum(['physical', 'postal', 'virtual'])
});

const hsdsLocation = z.object({
	id: uuid,
	location_type: z.enum(['physical', 'postal', 'virtual']),
	name: text.min(1, 'is required').nullish(),
	// HSDS sets no range (its own example says 100, 101); a Danish place is checked when taken in.
	latitude: z.number().nullish(),
	longitude: z.number().nullish(),
	addresses: z.array(hsdsAddress).default([]),
	accessibility: z
		.array(z.object({ id: uuid, location_id: uuid.nullish(), description: optionalText }))
		.default([]),
	x_accessibility_en: optionalText
});

const hsdsSchedule = z.object({
	id: uuid,
	service_id: uuid.nullish(),
	freq: z.enum(['WEEKLY', 'MONTHLY']).nullish(),
	byday: optionalText,
	opens_at: optionalText,
	closes_at: optionalText,
	valid_from: optionalText,
	valid_to: optionalText,
	description: optionalText,
	notes: optionalText,
	x_description_en: optionalText
});

const hsdsTaxonomyTerm = z.object({
	id: uuid,
	code: optionalText,
	name: text.min(1),
	description: text,
	taxonomy: optionalText,
	x_name_en: optionalText
});

const hsdsOrganization = z.object({
	id: uuid,
	name: text.min(1, 'is required'),
	description: text,
	website: z.url().nullish(),
	email: optionalText,
	x_description_en: optionalText
});

export const hsdsService = z.object({
	id: uuid,
	organization_id: uuid.nullish(),
	name: text.min(1, 'is required'),
	description: optionalText,
	url: optionalText,
	email: optionalText,
	status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
	eligibility_description: optionalText,
	minimum_age: z.number().int().min(0).max(120).nullish(),
	maximum_age: z.number().int().min(0).max(120).nullish(),
	assured_date: optionalText,
	fees_description: optionalText,
	organization: hsdsOrganization.nullish(),
	phones: z.array(z.object({ id: uuid, number: text.min(1) })).default([]),
	languages: z
		.array(
			z.object({ id: uuid, name: optionalText, code: optionalText, service_id: uuid.nullish() })
		)
		.default([]),
	schedules: z.array(hsdsSchedule).default([]),
	service_at_locations: z
		.array(z.object({ id: uuid, service_id: uuid.nullish(), location: hsdsLocation.nullish() }))
		.default([]),
	cost_options: z
		.array(
			z.object({
				id: uuid,
				service_id: uuid.nullish(),
				amount: z.number().min(0).nullish(),
				currency: optionalText,
				option: optionalText
			})
		)
		.default([]),
	attributes: z
		.array(
			z.object({
				id: uuid,
				link_id: text.nullish(),
				link_type: optionalText,
				link_entity: optionalText,
				taxonomy_term: hsdsTaxonomyTerm.nullish()
			})
		)
		.default([]),
	x_name_en: optionalText,
	x_description_en: optionalText,
	x_eligibility_en: optionalText,
	x_guidepost: optionalText,
	x_demo: z.boolean().nullish()
});
export type HsdsService = z.input<typeof hsdsService>;
export type HsdsOrganization = z.input<typeof hsdsOrganization>;

/** A stable UUID for a child record (schedule, address …): the same export gives the same ids. */
function childId(parent: string, kind: string, index: number): string {
	const h = createHash('sha256').update(`${parent}:${kind}:${index}`).digest('hex');
	const variant = (8 | (parseInt(h[16]!, 16) & 3)).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const orgOut = (o: typeof organizations.$inferSelect): z.input<typeof hsdsOrganization> => ({
	id: o.id,
	name: o.name,
	description: o.description?.da ?? '',
	website: o.website,
	email: o.email,
	x_description_en: o.description?.en ?? null
});

export async function hsdsOrganizations(
	db: Db,
	select: { ids?: string[]; offset?: number; limit?: number } = {}
): Promise<HsdsOrganization[]> {
	const base = db.select().from(organizations);
	const rows = select.ids
		? select.ids.length
			? await base.where(inArray(organizations.id, select.ids))
			: []
		: await base
				.orderBy(organizations.name, organizations.id)
				.limit(select.limit ?? 1_000_000)
				.offset(select.offset ?? 0);
	return rows.map((o) => withoutNulls(orgOut(o)));
}

export async function countHsds(db: Db, what: 'services' | 'organizations'): Promise<number> {
	const table = what === 'services' ? sql`offers` : sql`organizations`;
	const [row] = rowsOf<{ n: number }>(
		await db.execute(sql`select count(*)::int as n from ${table}`)
	);
	return row?.n ?? 0;
}

/**
 * Offers as HSDS 3.0 services with their organisation, places, schedules, languages, cost
 * and taxonomy terms nested, as the HSDS API returns them. `ids` picks some; otherwise a page.
 */
export async function hsdsServices(
	db: Db,
	select: { ids?: string[]; offset?: number; limit?: number } = {}
): Promise<HsdsService[]> {
	const base = db.select().from(offers);
	const rows = select.ids
		? select.ids.length
			? await base.where(inArray(offers.id, select.ids))
			: []
		: select.limit !== undefined
			? await base
					.orderBy(offers.id)
					.limit(select.limit)
					.offset(select.offset ?? 0)
			: await base.orderBy(offers.id);
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const orgIds = [...new Set(rows.map((r) => r.organizationId))];
	const [orgs, places, hours, terms] = await Promise.all([
		db.select().from(organizations).where(inArray(organizations.id, orgIds)),
		db
			.select({ offerId: offerLocations.offerId, location: locations })
			.from(offerLocations)
			.innerJoin(locations, eq(locations.id, offerLocations.locationId))
			.where(inArray(offerLocations.offerId, ids)),
		db.select().from(schedules).where(inArray(schedules.offerId, ids)),
		db.select().from(taxonomyTerms)
	]);
	const orgById = new Map(orgs.map((o) => [o.id, o]));
	const termOf = (vocabulary: 'category' | 'audience', code: string) =>
		terms.find((t) => t.vocabulary === vocabulary && t.code === code);
	return rows.map((o) => withoutNulls(serviceOut(o)));
	function serviceOut(o: (typeof rows)[number]): HsdsService {
		const attribute = (vocabulary: 'category' | 'audience', code: string, i: number) => {
			const term = termOf(vocabulary, code);
			return {
				id: childId(o.id, `attribute-${vocabulary}`, i),
				link_id: o.id,
				link_type: 'service',
				link_entity: 'service',
				taxonomy_term: {
					id: childId(TAXONOMIES[vocabulary], code, 0),
					code,
					name: term?.name.da ?? code,
					description: term?.name.da ?? code,
					taxonomy: TAXONOMIES[vocabulary],
					x_name_en: term?.name.en ?? null
				}
			};
		};
		return {
			id: o.id,
			organization_id: o.organizationId,
			name: o.name.da,
			description: o.description.da,
			url: o.url,
			email: o.email,
			status: 'active' as const,
			eligibility_description: o.eligibility?.da ?? null,
			minimum_age: o.minimumAge,
			maximum_age: o.maximumAge,
			assured_date: o.lastVerifiedAt ? o.lastVerifiedAt.toISOString().slice(0, 10) : null,
			fees_description: o.isFree ? 'Gratis' : null,
			organization: orgOut(orgById.get(o.organizationId)!),
			phones: o.phone ? [{ id: childId(o.id, 'phone', 0), number: o.phone }] : [],
			languages: o.languages.map((code, i) => ({
				id: childId(o.id, 'language', i),
				service_id: o.id,
				code,
				name: new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code
			})),
			schedules: hours
				.filter((h) => h.offerId === o.id)
				.map((h) => ({
					id: h.id,
					service_id: o.id,
					freq: 'WEEKLY' as const,
					byday: h.byday,
					opens_at: h.opensAt.slice(0, 5),
					closes_at: h.closesAt.slice(0, 5),
					// Danish dates, the last day included (stored: the instant after it).
					valid_from: h.validFrom ? copenhagenDate(h.validFrom) : null,
					valid_to: h.validTo ? lastDayBefore(h.validTo) : null,
					description: h.description?.da ?? null,
					x_description_en: h.description?.en ?? null,
					notes: LOCAL_TIME_NOTE
				})),
			service_at_locations: places
				.filter((p) => p.offerId === o.id)
				.map(({ location: l }) => ({
					id: childId(o.id, `at-${l.id}`, 0),
					service_id: o.id,
					location: {
						id: l.id,
						location_type: 'physical' as const,
						name: l.name,
						latitude: l.latitude,
						longitude: l.longitude,
						addresses: [
							{
								id: childId(l.id, 'address', 0),
								location_id: l.id,
								address_1: l.address,
								city: l.city,
								state_province: 'Region Nordjylland',
								postal_code: l.postalCode,
								country: 'DK',
								address_type: 'physical' as const
							}
						],
						accessibility: l.accessibility
							? [
									{
										id: childId(l.id, 'accessibility', 0),
										location_id: l.id,
										description: l.accessibility.da
									}
								]
							: [],
						x_accessibility_en: l.accessibility?.en ?? null
					}
				})),
			cost_options:
				!o.isFree && o.priceOre !== null
					? [
							{
								id: childId(o.id, 'cost', 0),
								service_id: o.id,
								amount: o.priceOre / 100,
								currency: 'DKK'
							}
						]
					: [],
			attributes: [
				...o.categories.map((c, i) => attribute('category', c, i)),
				...o.audiences.map((a, i) => attribute('audience', a, i))
			],
			x_name_en: o.name.en ?? null,
			x_description_en: o.description.en ?? null,
			x_eligibility_en: o.eligibility?.en ?? null,
			x_guidepost: o.guidepost,
			x_demo: o.isDemo
		};
	}
}

/**
 * HSDS types optional fields as strings or numbers, not null: an absent value is left out.
 */
function withoutNulls<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutNulls) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== null && v !== undefined)
				.map(([k, v]) => [k, withoutNulls(v)])
		) as T;
	return value;
}

export interface HsdsProblem {
	/** Where: `services[3].service_at_locations[0].location.addresses[0].postal_code`. */
	path: string;
	message: string;
}

export class HsdsRejectedError extends Error {
	constructor(readonly problems: HsdsProblem[]) {
		super(
			`The HSDS data was rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
				problems
					.slice(0, 200)
					.map((p) => `  ${p.path}: ${p.message}`)
					.join('\n')
		);
		this.name = 'HsdsRejectedError';
	}
}

const path = (base: string, parts: readonly PropertyKey[]) =>
	parts.reduce<string>(
		(out, p) => (typeof p === 'number' ? `${out}[${p}]` : `${out}.${String(p)}`),
		base
	);

const localized = (da: string | null | undefined, en: string | null | undefined) =>
	da ? ({ da, ...(en ? { en } : {}) } as Localized) : undefined;

/**
 * Imports HSDS services (each with its organisation) all or nothing: every problem in the
 * whole file is listed, and nothing is written unless there are none. A service or
 * organisation with a known id is updated; imported offers are published at once.
 */
export async function importHsds(
	db: Db,
	input: unknown,
	actorId: string
): Promise<{ organizations: number; created: number; updated: number; notes: HsdsProblem[] }> {
	const problems: HsdsProblem[] = [];
	/** What was left out without refusing the file: places outside Denmark. */
	const notes: HsdsProblem[] = [];
	const list = z.array(z.unknown()).safeParse(
		Array.isArray(input)
			? input
			: // An HSDS API page ({ contents: [...] }) or { services: [...] } is read too.
				((input as { contents?: unknown; services?: unknown } | null)?.contents ??
					(input as { services?: unknown } | null)?.services)
	);
	if (!list.success)
		throw new HsdsRejectedError([
			{ path: '(file)', message: 'must be a list of HSDS services, or an object with services' }
		]);
	const terms = await db.select().from(taxonomyTerms);
	const known = (vocabulary: 'category' | 'audience', code: string) =>
		terms.some((t) => t.vocabulary === vocabulary && t.code === code);

	type Planned = {
		organization: z.output<typeof hsdsOrganization>;
		offer: z.output<typeof offerInput> & { id: string };
	};
	const planned: Planned[] = [];
	const seen = new Set<string>();
	list.data.forEach((raw, index) => {
		const at = `services[${index}]`;
		const parsed = hsdsService.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				problems.push({ path: path(at, issue.path), message: issue.message });
			return;
		}
		const s = parsed.data;
		if (seen.has(s.id)) problems.push({ path: `${at}.id`, message: `repeats the id ${s.id}` });
		seen.add(s.id);
		if (!s.organization) {
			problems.push({ path: `${at}.organization`, message: 'is required to import a service' });
			return;
		}
		const categories: string[] = [];
		const audiences: string[] = [];
		s.attributes.forEach((a, i) => {
			const term = a.taxonomy_term;
			const vocabulary =
				term?.taxonomy === TAXONOMIES.category
					? 'category'
					: term?.taxonomy === TAXONOMIES.audience
						? 'audience'
						: undefined;
			// Terms of other taxonomies are someone else's vocabulary: they are not ours to keep.
			if (!vocabulary || !term?.code) return;
			if (!known(vocabulary, term.code))
				problems.push({
					path: `${at}.attributes[${i}].taxonomy_term.code`,
					message: `"${term.code}" is not a ${vocabulary} of this directory`
				});
			else (vocabulary === 'category' ? categories : audiences).push(term.code);
		});
		const price = s.cost_options.find((c) => c.amount !== null && c.amount !== undefined);
		const placesIn: unknown[] = [];
		s.service_at_locations.forEach((sal, i) => {
			const l = sal.location;
			const address = l?.addresses.find((a) => a.address_type !== 'virtual');
			if (!l || !address) {
				problems.push({
					path: `${at}.service_at_locations[${i}].location`,
					message: 'needs an address with a street, a postcode and a city'
				});
				return;
			}
			if (address.country.toUpperCase() !== 'DK') {
				notes.push({
					path: `${at}.service_at_locations[${i}].location`,
					message: `is in another country (${address.country}, ${address.postal_code} ${address.city}): the service is imported without this place`
				});
				return;
			}
			placesIn.push({
				name: l.name ?? address.address_1,
				address: address.address_1,
				postalCode: address.postal_code,
				city: address.city,
				latitude: l.latitude ?? undefined,
				longitude: l.longitude ?? undefined,
				accessibility: localized(l.accessibility[0]?.description, l.x_accessibility_en)
			});
		});
		const hoursIn = s.schedules.map((h) => ({
			byday: h.byday ?? '',
			opensAt: (h.opens_at ?? '').slice(0, 5),
			closesAt: (h.closes_at ?? '').slice(0, 5),
			description: localized(h.description, h.x_description_en),
			validFrom: h.valid_from ?? undefined,
			validTo: h.valid_to ?? undefined
		}));
		const offer = offerInput.safeParse({
			organizationId: s.organization.id,
			name: localized(s.name, s.x_name_en),
			description: localized(s.description, s.x_description_en) ?? { da: '' },
			url: s.url ?? undefined,
			email: s.email ?? undefined,
			// Quotes around a number (the official HSDS example has them) are not part of it.
			phone: s.phones[0]?.number?.trim().replace(/^["']+|["']+$/g, ''),
			// No language given: the directory's own language.
			languages: s.languages.some((l) => l.code)
				? s.languages.map((l) => l.code).filter((c): c is string => !!c)
				: undefined,
			isFree: !price,
			priceOre: price ? Math.round(price.amount! * 100) : undefined,
			minimumAge: s.minimum_age ?? undefined,
			maximumAge: s.maximum_age ?? undefined,
			eligibility: localized(s.eligibility_description, s.x_eligibility_en),
			guidepost: s.x_guidepost ?? undefined,
			categories,
			audiences,
			locations: placesIn,
			schedules: hoursIn,
			isDemo: s.x_demo ?? false
		});
		if (!offer.success) {
			for (const issue of offer.error.issues)
				problems.push({ path: path(at, hsdsPath(issue.path)), message: issue.message });
			return;
		}
		planned.push({ organization: s.organization, offer: { ...offer.data, id: s.id } });
	});
	if (problems.length) throw new HsdsRejectedError(problems);

	return db.transaction(async (tx) => {
		const orgIds = [...new Set(planned.map((p) => p.organization.id))];
		const existingOrgs = await lookup(tx, organizations.id, organizations.id, orgIds);
		const existingOffers = await lookup(
			tx,
			offers.id,
			offers.organizationId,
			planned.map((p) => p.offer.id)
		);
		const doneOrgs = new Set<string>();
		for (const { organization: o } of planned) {
			if (doneOrgs.has(o.id)) continue;
			doneOrgs.add(o.id);
			const values = {
				name: o.name,
				description: localized(o.description, o.x_description_en) ?? null,
				website: o.website ?? null,
				email: o.email ?? null
			};
			if (existingOrgs.has(o.id))
				await tx
					.update(organizations)
					.set({ ...values, updatedAt: new Date() })
					.where(eq(organizations.id, o.id));
			else
				await tx.insert(organizations).values({
					id: o.id,
					...values,
					kind: 'other',
					slug: await uniqueSlug(tx, 'organizations', o.name, 'organisation')
				});
		}
		let created = 0;
		let updated = 0;
		for (const { offer } of planned) {
			const { id, locations: places, schedules: hours, ...fields } = offer;
			if (existingOffers.has(id)) {
				await tx
					.update(offers)
					.set({ ...fields, updatedAt: new Date(), lastVerifiedAt: new Date() })
					.where(eq(offers.id, id));
				updated++;
			} else {
				await tx.insert(offers).values({
					id,
					...fields,
					slug: await uniqueSlug(tx, 'offers', fields.name.da, 'tilbud'),
					lastVerifiedAt: new Date()
				});
				created++;
			}
			await writePlacesAndHours(tx, id, fields.organizationId, places, hours);
			await rememberWords(tx, fields.name);
		}
		await recordAudit(tx, {
			actor: actorId,
			action: 'directory.import',
			entityType: 'directory',
			entityId: 'hsds',
			details: { organizations: doneOrgs.size, created, updated, notes: notes.length }
		});
		return { organizations: doneOrgs.size, created, updated, notes };
	});
}

/** Our field names in a problem, put back as the HSDS names the file used. */
function hsdsPath(parts: readonly PropertyKey[]): PropertyKey[] {
	const names: Record<string, string> = {
		name: 'name',
		description: 'description',
		organizationId: 'organization.id',
		eligibility: 'eligibility_description',
		minimumAge: 'minimum_age',
		maximumAge: 'maximum_age',
		locations: 'service_at_locations',
		schedules: 'schedules',
		languages: 'languages',
		priceOre: 'cost_options',
		phone: 'phones[0].number'
	};
	const [first, ...rest] = parts;
	const head = typeof first === 'string' ? (names[first] ?? first) : first;
	const scheduleFields: Record<string, string> = {
		opensAt: 'opens_at',
		closesAt: 'closes_at',
		validFrom: 'valid_from',
		validTo: 'valid_to'
	};
	if (first === 'schedules' && typeof rest[1] === 'string')
		return [head!, rest[0]!, scheduleFields[rest[1]] ?? rest[1], ...rest.slice(2)];
	// `name.da` is the HSDS `name`, `name.en` its `x_name_en`.
	if ((first === 'name' || first === 'description') && rest[0] === 'en')
		return [`x_${String(first)}_en`];
	if ((first === 'name' || first === 'description') && rest[0] === 'da') return [head!];
	return head === undefined ? rest : [head, ...rest];
}
