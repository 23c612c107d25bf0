import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/index.ts';
import { placesAndHours } from './offers.ts';
import { locations, offers, organizations, taxonomyTerms, type Localized } from './schema.ts';

export interface OfferPage {
	id: string;
	slug: string;
	name: Localized;
	description: Localized;
	eligibility: Localized | null;
	organization: { name: string; slug: string; kind: string; website: string | null };
	url: string | null;
	email: string | null;
	phone: string | null;
	languages: string[];
	isFree: boolean;
	priceOre: number | null;
	minimumAge: number | null;
	maximumAge: number | null;
	categories: { code: string; name: Localized }[];
	audiences: { code: string; name: Localized }[];
	isDemo: boolean;
	lastVerifiedAt: Date | null;
	locations: {
		name: string;
		address: string;
		postalCode: string;
		city: string;
		latitude?: number;
		longitude?: number;
		accessibility?: Localized;
	}[];
	schedules: {
		byday: string;
		opensAt: string;
		closesAt: string;
		description?: Localized;
		/** Danish dates, both days included; none: always. */
		validFrom?: string;
		validTo?: string;
	}[];
}

/**
 * What a page about an offer or a posting shows of its organisation (and refers to it by):
 * columns to select, joined on organizations.
 */
export const organizationSummary = {
	name: organizations.name,
	slug: organizations.slug,
	kind: organizations.kind,
	website: organizations.website
};

/** One offer with what a student needs to act on it, or nothing. */
export async function getOffer(db: Db, slug: string): Promise<OfferPage | undefined> {
	const [row] = await db
		.select({
			offer: offers,
			organization: organizationSummary
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(eq(offers.slug, slug));
	if (!row) return undefined;
	const terms = await db.select().from(taxonomyTerms);
	const named = (vocabulary: 'category' | 'audience', codes: string[]) =>
		codes.map((code) => ({
			code,
			name: terms.find((t) => t.vocabulary === vocabulary && t.code === code)?.name ?? { da: code }
		}));
	const o = row.offer;
	return {
		id: o.id,
		slug: o.slug,
		name: o.name,
		description: o.description,
		eligibility: o.eligibility ?? null,
		organization: row.organization,
		url: o.url,
		email: o.email,
		phone: o.phone,
		languages: o.languages,
		isFree: o.isFree,
		priceOre: o.priceOre,
		minimumAge: o.minimumAge,
		maximumAge: o.maximumAge,
		categories: named('category', o.categories),
		audiences: named('audience', o.audiences),
		isDemo: o.isDemo,
		lastVerifiedAt: o.lastVerifiedAt,
		...(await placesAndHours(db, o.id))
	};
}

/**
 * Offers like this one: those sharing most of its categories, each name once and never its own
 * name (a chain of "Lektiecafé"s is one link, not four), with the organisation that gives them.
 */
export async function relatedOffers(
	db: Db,
	offer: { id: string; name: Localized; categories: string[] },
	limit = 4
) {
	if (offer.categories.length === 0) return [];
	const shared = sql`cardinality(array(select unnest(o.categories) intersect select unnest(${sql.param(offer.categories)}::text[])))`;
	return rowsOf<{ slug: string; name: Localized; organization: string }>(
		await db.execute(sql`
			select slug, name, organization from (
				select distinct on (o.name->>'da') o.slug, o.name, org.name as organization,
					${shared} as shared
				from offers o join organizations org on org.id = o.organization_id
				where o.id <> ${offer.id} and o.categories && ${sql.param(offer.categories)}::text[]
					and o.name->>'da' <> ${offer.name.da}
				order by o.name->>'da', ${shared} desc, o.slug
			) one_each
			order by shared desc, name->>'da'
			limit ${limit}`)
	);
}

/** The published offers of some organisations, for their partners' own list. */
export async function offersOf(db: Db, organizationIds: readonly string[]) {
	if (organizationIds.length === 0) return [];
	return rowsOf<{
		slug: string;
		name: Localized;
		organization: string;
		last_verified_at: string | null;
	}>(
		await db.execute(sql`
			select o.slug, o.name, org.name as organization, o.last_verified_at from offers o
			join organizations org on org.id = o.organization_id
			where o.organization_id = any(${sql.param([...organizationIds])}::uuid[])
			order by o.name->>'da'`)
	);
}

export interface OrganizationPage {
	id: string;
	slug: string;
	name: string;
	kind: string;
	description: Localized | null;
	website: string | null;
	email: string | null;
	logoMediaId: string | null;
	isDemo: boolean;
	offers: { slug: string; name: Localized }[];
	/** Where it is: its own places, as the directory holds them. */
	locations: { name: string; address: string; postalCode: string; city: string }[];
}

/** An organisation's public page: its profile and its published offers. */
export async function getOrganization(db: Db, slug: string): Promise<OrganizationPage | undefined> {
	const [o] = await db.select().from(organizations).where(eq(organizations.slug, slug));
	if (!o) return undefined;
	const list = await db
		.select({ slug: offers.slug, name: offers.name })
		.from(offers)
		.where(eq(offers.organizationId, o.id))
		.orderBy(sql`${offers.name}->>'da'`);
	const places = await db
		.select({
			name: locations.name,
			address: locations.address,
			postalCode: locations.postalCode,
			city: locations.city
		})
		.from(locations)
		.where(eq(locations.organizationId, o.id))
		.orderBy(locations.name);
	return {
		id: o.id,
		slug: o.slug,
		name: o.name,
		kind: o.kind,
		description: o.description ?? null,
		website: o.website,
		email: o.email,
		logoMediaId: o.logoMediaId,
		isDemo: o.isDemo,
		offers: list,
		locations: places
	};
}
