import { sql, type SQL } from 'drizzle-orm';
import { boolean, date, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { doublePrecision, index, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { localized, primaryId, textList, timestamps, tsvector, uuidList } from '../db/columns.ts';
import { organizationId } from '../directory/schema.ts';

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

/**
 * A job, placement or volunteering posting. Public while approved and open: until its
 * application deadline, or `expiresAt` (60 days after approval by default) when it has none.
 */
export const opportunities = pgTable(
	'opportunities',
	{
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		organizationId: organizationId(),
		type: text('type').$type<OpportunityType>().notNull(),
		title: localized('title').notNull(),
		description: localized('description').notNull(),
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
		fields: textList('fields'),
		levels: textList('levels'),
		/**
		 * `type|field,field|level,level`: what the job board's counts group by, kept by the
		 * services that write postings (see `facetKey`), so that one narrow index answers them.
		 */
		facetKey: text('facet_key').notNull().default(''),
		/** Open to applicants who speak English but not (yet) Danish. */
		englishFriendly: boolean('english_friendly').notNull().default(false),
		minimumAge: integer('minimum_age'),
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		isDemo: boolean('is_demo').notNull().default(false),
		/** When the partner was reminded that the posting is about to close; cleared on renewal. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		...timestamps(),
		searchText: tsvector('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('danish'::regconfig, coalesce(${opportunities.title}->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(${opportunities.description}->>'da', '') || ' ' || coalesce(${opportunities.education}, '') || ' ' || coalesce(${opportunities.specialisation}, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(${opportunities.title}->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${opportunities.description}->>'en', '')), 'B')`
		)
	},
	(t) => [
		index('opportunities_search_idx').using('gin', t.searchText),
		// Open postings with everything the counts, the common filters and the orders read: the
		// counts and the choice of a page's rows are index-only scans (PostgreSQL) over this,
		// not passes over the wide rows.
		index('opportunities_open_idx').on(
			t.expiresAt,
			t.facetKey,
			t.englishFriendly,
			t.hoursPerWeek,
			t.deadline,
			t.postalCode,
			t.latitude,
			t.longitude,
			t.remote,
			t.createdAt,
			t.id
		),
		index('opportunities_organization_idx').on(t.organizationId),
		index('opportunities_created_idx').on(t.createdAt)
	]
);

/**
 * A saved job search a reader asked to be told about by e-mail. It sends nothing until the
 * address is confirmed (double opt-in); every mail carries a one-click unsubscribe link.
 * Unconfirmed requests are deleted after a week.
 */
export const jobAlerts = pgTable(
	'job_alerts',
	{
		id: primaryId(),
		email: text('email').notNull(),
		/** The saved search: the job board's filters, without page and sort. */
		search: jsonb('search').$type<Record<string, unknown>>().notNull(),
		/** The same search as the job board's URL query, for the links in the mails. */
		queryString: text('query_string').notNull(),
		locale: text('locale').$type<'da' | 'en'>().notNull(),
		/** SHA-256 of the confirmation link's token; null once confirmed. */
		confirmTokenHash: text('confirm_token_hash'),
		/** The unsubscribe link's token (it can only end this alert). */
		unsubscribeToken: text('unsubscribe_token').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		/** Postings published after this moment are news to the reader. */
		seenUntil: timestamp('seen_until', { withTimezone: true }),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true })
	},
	(t) => [
		index('job_alerts_email_idx').on(t.email),
		uniqueIndex('job_alerts_confirm_idx').on(t.confirmTokenHash)
	]
);

/** The key postings are counted by: kind, fields and levels (codes hold no `|` or `,`). */
export function facetKey(p: { type: string; fields?: string[]; levels?: string[] }): string {
	return `${p.type}|${(p.fields ?? []).join(',')}|${(p.levels ?? []).join(',')}`;
}

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
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		/** The organisation that proposed it and keeps it current. */
		organizationId: organizationId(),
		/** The other organisations taking part (institutions or employers). */
		partnerIds: uuidList('partner_ids'),
		kinds: text('kinds').array().$type<PartnershipKind[]>().notNull(),
		title: localized('title').notNull(),
		description: localized('description').notNull(),
		/** The education programmes involved, as their names. */
		programmes: textList('programmes'),
		contactName: text('contact_name'),
		contactEmail: text('contact_email'),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps()
	},
	(t) => [
		index('partnerships_organization_idx').on(t.organizationId),
		index('partnerships_partners_idx').using('gin', t.partnerIds)
	]
);
