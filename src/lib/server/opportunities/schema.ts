import { sql, type SQL } from 'drizzle-orm';
import {
	boolean,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { organizations, type Localized } from '../directory/schema.ts';

/** The kinds of posting pejlemærke 3 names: student jobs, leisure jobs, volunteering, placements. */
export const OPPORTUNITY_TYPES = [
	'studiejob',
	'fritidsjob',
	'frivilligt-arbejde',
	'praktikplads',
	'laereplads',
	'trainee'
] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const PAY_KINDS = ['paid', 'unpaid', 'volunteer'] as const;
export type PayKind = (typeof PAY_KINDS)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A job, placement or volunteering posting. Public while approved and open: until its
 * application deadline, or `expiresAt` (60 days after approval by default) when it has none.
 */
export const opportunities = pgTable(
	'opportunities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		organizationId: uuid('organization_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'cascade' }),
		type: text('type').$type<OpportunityType>().notNull(),
		title: jsonb('title').$type<Localized>().notNull(),
		description: jsonb('description').$type<Localized>().notNull(),
		/** A vocational education and its specialisation, for a læreplads. */
		education: text('education'),
		specialisation: text('specialisation'),
		address: text('address'),
		postalCode: text('postal_code'),
		city: text('city'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		remote: boolean('remote').notNull().default(false),
		hoursPerWeek: integer('hours_per_week'),
		pay: text('pay').$type<PayKind>().notNull(),
		/** Hourly pay in øre, when paid and known. */
		hourlyPayOre: integer('hourly_pay_ore'),
		startDate: date('start_date'),
		deadline: date('deadline'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		applyUrl: text('apply_url'),
		applyEmail: text('apply_email'),
		/** Education fields and levels it suits (codes). */
		fields: text('fields')
			.array()
			.notNull()
			.default(sql`'{}'`),
		levels: text('levels')
			.array()
			.notNull()
			.default(sql`'{}'`),
		/** Open to applicants who speak English but not (yet) Danish. */
		englishFriendly: boolean('english_friendly').notNull().default(false),
		minimumAge: integer('minimum_age'),
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		searchText: tsvector('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('danish'::regconfig, coalesce(${opportunities.title}->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(${opportunities.description}->>'da', '') || ' ' || coalesce(${opportunities.education}, '') || ' ' || coalesce(${opportunities.specialisation}, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(${opportunities.title}->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${opportunities.description}->>'en', '')), 'B')`
		)
	},
	(t) => [
		index('opportunities_search_idx').using('gin', t.searchText),
		index('opportunities_open_idx').on(t.expiresAt, t.deadline),
		index('opportunities_organization_idx').on(t.organizationId)
	]
);

/** How employers and institutions work together on "praksisnær undervisning". */
export const PARTNERSHIP_KINDS = [
	'case-undervisning',
	'projekt',
	'gaesteundervisning',
	'virksomhedsbesoeg',
	'andet'
] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/**
 * A partnership between an employer or public body and one or more education institutions,
 * proposed by one of them and public once approved.
 */
export const partnerships = pgTable(
	'partnerships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		/** The organisation that proposed it and keeps it current. */
		organizationId: uuid('organization_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'cascade' }),
		/** The other organisations taking part (institutions or employers). */
		partnerIds: uuid('partner_ids')
			.array()
			.notNull()
			.default(sql`'{}'`),
		kinds: text('kinds').array().$type<PartnershipKind[]>().notNull(),
		title: jsonb('title').$type<Localized>().notNull(),
		description: jsonb('description').$type<Localized>().notNull(),
		/** The education programmes involved, as their names. */
		programmes: text('programmes')
			.array()
			.notNull()
			.default(sql`'{}'`),
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('partnerships_organization_idx').on(t.organizationId),
		index('partnerships_partners_idx').using('gin', t.partnerIds)
	]
);
