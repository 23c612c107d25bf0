import { sql, type SQL } from 'drizzle-orm';
import { boolean, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { index, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { localized, primaryId, textList, timestamps, tsvector, uuidList } from '../db/columns.ts';
import { locations, organizationId } from '../directory/schema.ts';

/**
 * An institution's calendar, read every hour. The events it gave last time are kept when a
 * read fails; `lastError` says why, on the organisation's admin page.
 */
export const eventFeeds = pgTable(
	'event_feeds',
	{
		id: primaryId(),
		organizationId: organizationId(),
		url: text('url').notNull(),
		/** The kind its events get (a code of the `event-kind` vocabulary). */
		kind: text('kind').notNull(),
		lastReadAt: timestamp('last_read_at', { withTimezone: true }),
		lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
		/** Why the last read failed (English and Danish), or null after a good read. */
		lastError: jsonb('last_error').$type<{ en: string; da: string }>(),
		eventCount: integer('event_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('event_feeds_organization_url_idx').on(t.organizationId, t.url)]
);

/**
 * A dated event: an open house, an education fair, a bridge-building course … entered by an
 * editor or a partner, or read from an institution's calendar feed (then keyed by its UID).
 * Times are instants; an all-day event runs from midnight in Copenhagen on its first day to
 * midnight after its last.
 */
export const events = pgTable(
	'events',
	{
		id: primaryId(),
		slug: text('slug').notNull().unique(),
		organizationId: organizationId(),
		kind: text('kind').notNull(),
		title: localized('title').notNull(),
		description: localized('description').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		allDay: boolean('all_day').notNull().default(false),
		locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
		/** A place given as text, when it is not one of the directory's locations. */
		address: text('address'),
		/** Online: the link to join. */
		onlineUrl: text('online_url'),
		audiences: textList('audiences'),
		levels: textList('levels'),
		/** The language it is held in (da, en). */
		language: text('language').notNull().default('da'),
		/** The price in øre; 0 is free. Null: not stated. */
		priceOre: integer('price_ore'),
		/** More about it on the organiser's own site. */
		infoUrl: text('info_url'),
		registrationUrl: text('registration_url'),
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
		capacityNote: localized('capacity_note'),
		cancelled: boolean('cancelled').notNull().default(false),
		/** Read from this feed, where `externalKey` is the UID (and the occurrence). */
		feedId: uuid('feed_id').references(() => eventFeeds.id, { onDelete: 'cascade' }),
		externalKey: text('external_key'),
		offerIds: uuidList('offer_ids'),
		opportunityIds: uuidList('opportunity_ids'),
		/** Programmes the event is about (an open house for them, a trial day in them). */
		programmeIds: uuidList('programme_ids'),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps(),
		searchText: tsvector('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('danish'::regconfig, coalesce(${events.title}->>'da', '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(${events.description}->>'da', '') || ' ' || coalesce(${events.address}, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(${events.title}->>'en', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(${events.description}->>'en', '')), 'B')`
		)
	},
	(t) => [
		index('events_search_idx').using('gin', t.searchText),
		// Coming events and everything the counts read: the counts are index-only scans.
		index('events_time_idx').on(
			t.endsAt,
			t.startsAt,
			t.kind,
			t.organizationId,
			t.priceOre,
			t.levels,
			t.audiences
		),
		// The list's order: the next events are read from here, not sorted.
		index('events_start_idx').on(t.startsAt, t.id),
		// The events under way at a moment (started, not ended), found without reading every
		// event that started before it. `greatest` keeps a bad end (before the start) an empty
		// span rather than an error.
		index('events_during_idx').using(
			'gist',
			sql`tstzrange(${t.startsAt}, greatest(${t.startsAt}, ${t.endsAt}))`
		),
		index('events_organization_idx').on(t.organizationId),
		uniqueIndex('events_feed_key_idx').on(t.feedId, t.externalKey)
	]
);
