import { sql, type SQL } from 'drizzle-orm';
import { boolean, integer, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { doublePrecision, index, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { localized, primaryId, textList, timestamps, tsvector } from '../db/columns.ts';

// The directory follows Open Referral HSDS 3.0: organization, service (here "offer"),
// location, service_at_location, schedule, contact; plus our taxonomy (category, audience).

export const ORGANIZATION_KINDS = [
	'school',
	'association',
	'employer',
	'municipal',
	'other'
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export type { Localized } from '../db/columns.ts';

/** Schools, associations, employers and municipal departments that own offers and postings. */
export const organizations = pgTable('organizations', {
	id: primaryId(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	kind: text('kind').$type<OrganizationKind>().notNull(),
	website: text('website'),
	description: localized('description'),
	email: text('email'),
	/** The organisation's logo (a re-encoded image in `media`). */
	logoMediaId: uuid('logo_media_id'),
	isDemo: boolean('is_demo').notNull().default(false),
	...timestamps()
});

/** The organisation that owns a row (an offer, a posting, an event): deleted with it. */
export const organizationId = () =>
	uuid('organization_id')
		.notNull()
		.references(() => organizations.id, { onDelete: 'cascade' });

/** The vocabularies: offers' categories and audiences, postings' fields and levels, kinds of event. */
export type Vocabulary = 'category' | 'audience' | 'field' | 'level' | 'event-kind';

/** Categories and audiences, kept as data so a municipality can change them without code. */
export const taxonomyTerms = pgTable(
	'taxonomy_terms',
	{
		vocabulary: text('vocabulary').$type<Vocabulary>().notNull(),
		code: text('code').notNull(),
		name: localized('name').notNull(),
		sort: integer('sort').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.vocabulary, t.code] })]
);

/**
 * Every word of every offer's name, and the word in plain ASCII (ø→o, é→e): the vocabulary a
 * misspelt query word is corrected against (pg_trgm), so typo search never compares against
 * every offer. Words are added as offers are written and never removed (a stale word only
 * finds nothing).
 */
export const searchWords = pgTable(
	'search_words',
	{
		word: text('word').primaryKey(),
		folded: text('folded').generatedAlwaysAs(
			(): SQL => sql`translate(word, 'æøåéèêëáàäöüó', 'aoaeeeeaaaouo')`
		)
	},
	(t) => [index('search_words_folded_idx').using('gin', sql`${t.folded} gin_trgm_ops`)]
);

/** Words a reader may search for and what they mean here (SPS = specialpædagogisk støtte). */
export const searchSynonyms = pgTable('search_synonyms', {
	term: text('term').primaryKey(),
	expansions: text('expansions').array().notNull()
});

const searchText = (language: 'danish' | 'english', fields: SQL) =>
	sql`to_tsvector('${sql.raw(language)}'::regconfig, ${fields})`;

/** An offer or support (HSDS `service`). */
export const offers = pgTable(
	'offers',
	{
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		organizationId: organizationId(),
		name: localized('name').notNull(),
		description: localized('description').notNull(),
		url: text('url'),
		email: text('email'),
		phone: text('phone'),
		/** ISO 639-1 codes of the languages the offer is given in. */
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{da}'`),
		isFree: boolean('is_free').notNull().default(true),
		/** Price in øre when not free. */
		priceOre: integer('price_ore'),
		minimumAge: integer('minimum_age'),
		maximumAge: integer('maximum_age'),
		eligibility: localized('eligibility'),
		/** The pejlemærke (guidepost slug) the offer serves. */
		guidepost: text('guidepost'),
		categories: textList('categories'),
		audiences: textList('audiences'),
		/** The postcodes of the offer's places, kept with the offer for the area filter and counts. */
		postalCodes: textList('postal_codes'),
		isDemo: boolean('is_demo').notNull().default(false),
		lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
		/** When the owner was last told by e-mail that the listing needs checking. */
		staleRemindedAt: timestamp('stale_reminded_at', { withTimezone: true }),
		...timestamps(),
		/**
		 * Full text of both languages in one vector, so one index answers a query in either:
		 * Danish stemmed with the `danish` configuration, English with `english`, names weighted
		 * above descriptions.
		 */
		searchText: tsvector('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(${searchText('danish', sql`coalesce(${offers.name}->>'da', '')`)}, 'A') || setweight(${searchText('danish', sql`coalesce(${offers.description}->>'da', '')`)}, 'B') || setweight(${searchText('english', sql`coalesce(${offers.name}->>'en', '')`)}, 'A') || setweight(${searchText('english', sql`coalesce(${offers.description}->>'en', '')`)}, 'B')`
		),
		/**
		 * Names folded for typo-tolerant matching (pg_trgm): lower case with aa/ae/oe read as
		 * å/æ/ø, then ` | ` and the same in plain ASCII (ø→o, é→e), so "lob" finds "Løbeklub" and
		 * "lektiecafe" finds "Lektiecafé".
		 */
		/**
		 * Keys for alphabetical order, compared byte by byte (`collate "C"`) whatever the
		 * database's collation: Danish with æ, ø, å after z and aa as å; English without accents.
		 */
		sortDa: text('sort_da').generatedAlwaysAs(
			(): SQL =>
				sql`translate(replace(lower(coalesce(${offers.name}->>'da', '')), 'aa', 'å'), 'æäøöåéèêëáàâíìîïóòôúùûüñç', '{{||}eeeeaaaiiiiooouuuunc')`
		),
		sortEn: text('sort_en').generatedAlwaysAs(
			(): SQL =>
				sql`translate(lower(coalesce(${offers.name}->>'en', ${offers.name}->>'da', '')), 'äöåéèêëáàâíìîïóòôúùûüñç', 'aoaeeeeaaaiiiiooouuuunc')`
		),
		searchFolded: text('search_folded').generatedAlwaysAs(
			(): SQL =>
				sql`replace(replace(replace(lower(coalesce(${offers.name}->>'da', '') || ' ' || coalesce(${offers.name}->>'en', '')), 'aa', 'å'), 'ae', 'æ'), 'oe', 'ø') || ' | ' || translate(lower(coalesce(${offers.name}->>'da', '') || ' ' || coalesce(${offers.name}->>'en', '')), 'æøåéèêëáàäöüó', 'aoaeeeeaaaouo')`
		)
	},
	(t) => [
		index('offers_search_text_idx').using('gin', t.searchText),
		index('offers_search_folded_idx').using('gin', sql`${t.searchFolded} gin_trgm_ops`),
		index('offers_categories_idx').using('gin', t.categories),
		index('offers_postal_codes_idx').using('gin', t.postalCodes),
		index('offers_organization_idx').on(t.organizationId),
		// A list without words in alphabetical order is read from these, not sorted.
		index('offers_sort_da_idx').on(sql`${t.sortDa} collate "C"`, t.id),
		index('offers_sort_en_idx').on(sql`${t.sortEn} collate "C"`, t.id)
	]
);

/** A place (HSDS `location`). */
export const locations = pgTable('locations', {
	id: primaryId(),
	organizationId: uuid('organization_id').references(() => organizations.id, {
		onDelete: 'cascade'
	}),
	name: text('name').notNull(),
	address: text('address').notNull(),
	postalCode: text('postal_code').notNull(),
	city: text('city').notNull(),
	/** WGS 84 decimal degrees. */
	latitude: doublePrecision('latitude'),
	longitude: doublePrecision('longitude'),
	/** Step-free access, accessible toilet, hearing loop … as free text per language. */
	accessibility: localized('accessibility')
});

export const offerLocations = pgTable(
	'offer_locations',
	{
		offerId: uuid('offer_id')
			.notNull()
			.references(() => offers.id, { onDelete: 'cascade' }),
		locationId: uuid('location_id')
			.notNull()
			.references(() => locations.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.offerId, t.locationId] }),
		index('offer_locations_location_idx').on(t.locationId)
	]
);

/** When an offer is open (HSDS 3.0 schedule, iCal-style weekly rule). */
export const schedules = pgTable(
	'schedules',
	{
		id: primaryId(),
		offerId: uuid('offer_id')
			.notNull()
			.references(() => offers.id, { onDelete: 'cascade' }),
		/** iCal BYDAY: MO,TU,WE,TH,FR,SA,SU. */
		byday: text('byday').notNull(),
		opensAt: time('opens_at').notNull(),
		closesAt: time('closes_at').notNull(),
		validFrom: timestamp('valid_from', { withTimezone: true }),
		validTo: timestamp('valid_to', { withTimezone: true }),
		description: localized('description')
	},
	(t) => [index('schedules_offer_idx').on(t.offerId)]
);

/**
 * Postcodes of the municipality with an approximate centre, for the area filter and for
 * sorting by distance from a reader's postcode. Kept as data in the taxonomy file.
 */
export const postalAreas = pgTable('postal_areas', {
	postalCode: text('postal_code').primaryKey(),
	name: text('name').notNull(),
	latitude: doublePrecision('latitude').notNull(),
	longitude: doublePrecision('longitude').notNull()
});
