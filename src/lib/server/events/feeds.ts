import { createHash } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { rowsOf, type Db } from '../db/index.ts';
import { slugify, unknownCodes } from '../directory/index.ts';
import { FetchError, fetchLimited } from '../outbound/index.ts';
import { rememberWords } from '../search/index.ts';
import { copenhagenDate } from '../local-date.ts';
import { CalendarError, type FeedEvent } from './ical.ts';
import { readFeedSafely } from './read-feed.ts';
import { eventFeeds, events } from './schema.ts';

export interface FeedSettings {
	/** FEED_ALLOW_PRIVATE: for tests against a local stand-in server (also allows http). */
	allowPrivate: boolean;
	/** For tests: only these addresses are let through, so a redirect elsewhere is refused. */
	allowAddresses?: string[];
	timeoutMs?: number;
	maxBytes?: number;
	/** How long reading (parsing and expanding) may take on its own thread. */
	readTimeoutMs?: number;
}

const feedUrl = z
	.string()
	.trim()
	.url('the feed must be a web address')
	.transform((u) => u.replace(/^webcal:\/\//i, 'https://'));

export const feedInput = z.object({
	organizationId: z.uuid(),
	url: feedUrl,
	kind: z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a kind of event')
});

/** Registers an organisation's calendar feed (read on the next sync). */
export async function subscribeFeed(db: Db, actorId: string, input: z.input<typeof feedInput>) {
	const data = feedInput.parse(input);
	const problems = await unknownCodes(db, 'event-kind', [data.kind], 'kind', 'not a kind of event');
	if (problems.length) throw new z.ZodError(problems);
	return db.transaction(async (tx) => {
		const [feed] = await tx
			.insert(eventFeeds)
			.values(data)
			.onConflictDoUpdate({
				target: [eventFeeds.organizationId, eventFeeds.url],
				set: { kind: data.kind }
			})
			.returning();
		await recordAudit(
			tx,
			{
				actor: actorId,
				action: 'event.feed.subscribe',
				entityType: 'event_feed',
				entityId: feed!.id,
				details: { url: data.url, organizationId: data.organizationId, kind: data.kind }
			},
			{ publicContent: false }
		);
		return feed!;
	});
}

/** Removes a feed and the events it gave. */
export async function unsubscribeFeed(db: Db, actorId: string, feedId: string) {
	await db.transaction(async (tx) => {
		const [gone] = await tx.delete(eventFeeds).where(eq(eventFeeds.id, feedId)).returning();
		if (!gone) throw new Error(`No feed ${feedId}`);
		await recordAudit(tx, {
			actor: actorId,
			action: 'event.feed.unsubscribe',
			entityType: 'event_feed',
			entityId: feedId,
			details: { url: gone.url }
		});
	});
}

export type EventFeed = typeof eventFeeds.$inferSelect;

export async function feedsOf(db: Db, organizationId?: string): Promise<EventFeed[]> {
	return db
		.select()
		.from(eventFeeds)
		.where(organizationId ? eq(eventFeeds.organizationId, organizationId) : undefined)
		.orderBy(asc(eventFeeds.createdAt));
}

export type SyncOutcome =
	| {
			feedId: string;
			url: string;
			status: 'read';
			added: number;
			changed: number;
			removed: number;
			unchanged: number;
			skipped: string[];
	  }
	| { feedId: string; url: string; status: 'failed'; error: { en: string; da: string } };

const CALENDAR_TYPES = /^(text\/calendar|application\/ics|text\/x-vcalendar)\b/i;

/** The window a read covers: from a month back (older events stay as they were) to a year ahead. */
export function feedWindow(now: Date) {
	return {
		from: new Date(now.getTime() - 31 * 86_400_000),
		until: new Date(now.getTime() + 365 * 86_400_000)
	};
}

/**
 * Reads one feed and brings its events up to date, all or nothing: new UIDs are added, changed
 * ones updated (their address stays), and those gone from the feed removed (within the window
 * the feed covers; the archive keeps older ones). A feed that cannot be fetched or read keeps
 * its last good events, and the reason is kept for the admin page.
 */
export async function syncFeed(
	db: Db,
	feed: EventFeed,
	settings: FeedSettings,
	now = new Date()
): Promise<SyncOutcome> {
	const window = feedWindow(now);
	let read: { events: FeedEvent[]; skipped: string[] };
	try {
		const answer = await fetchLimited(feed.url, {
			allowPrivate: settings.allowPrivate,
			allowAddresses: settings.allowAddresses,
			timeoutMs: settings.timeoutMs ?? 15_000,
			maxBytes: settings.maxBytes ?? 5 * 1024 * 1024,
			headers: { accept: 'text/calendar' }
		});
		const text = new TextDecoder().decode(answer.body);
		const plainCalendar =
			/^text\/plain\b/i.test(answer.contentType) && /^\s*BEGIN:VCALENDAR/i.test(text);
		if (!CALENDAR_TYPES.test(answer.contentType) && !plainCalendar)
			throw new FeedFailure(
				`the address answered ${answer.contentType || 'without a content type'}, not an iCalendar file (text/calendar)`,
				`adressen svarede med ${answer.contentType || 'ingen indholdstype'}, ikke en iCalendar-fil (text/calendar)`
			);
		read = await readFeedSafely(text, window, settings.readTimeoutMs);
	} catch (error) {
		const words = failureWords(error);
		await db
			.update(eventFeeds)
			.set({ lastReadAt: now, lastError: words })
			.where(eq(eventFeeds.id, feed.id));
		return { feedId: feed.id, url: feed.url, status: 'failed', error: words };
	}
	const counts = await storeFeedEvents(db, feed, read.events, window, now);
	return { feedId: feed.id, url: feed.url, status: 'read', ...counts, skipped: read.skipped };
}

class FeedFailure extends Error {
	constructor(
		readonly en: string,
		readonly da: string
	) {
		super(en);
	}
}

function failureWords(error: unknown): { en: string; da: string } {
	if (error instanceof FeedFailure) return { en: error.en, da: error.da };
	if (error instanceof FetchError) {
		const da: Record<FetchError['reason'], string> = {
			address: 'adressen er privat, lokal eller link-lokal og hentes ikke',
			protocol: 'kun https-adresser hentes',
			timeout: 'serveren svarede ikke i tide',
			'too-large': 'svaret er større end 5 MB',
			status: `serveren svarede ${error.status ?? 'med en fejl'}`,
			redirects: 'serveren viderestillede for mange gange',
			network: 'serveren kunne ikke nås'
		};
		return {
			en: `could not fetch the feed: ${error.message}`,
			da: `kunne ikke hente kalenderen: ${da[error.reason]}`
		};
	}
	if (error instanceof CalendarError)
		return {
			en: `the feed is not a calendar we can read: ${error.message}`,
			da: `kalenderen kunne ikke læses: ${error.message}`
		};
	throw error;
}

/** What a feed event's row holds (compared to see whether it changed). */
function rowOf(feed: EventFeed, e: FeedEvent) {
	return {
		organizationId: feed.organizationId,
		kind: feed.kind,
		title: { da: e.title.slice(0, 200) },
		description: { da: e.description.slice(0, 5000) },
		startsAt: e.start,
		endsAt: e.end,
		allDay: e.allDay,
		address: e.location?.slice(0, 300) ?? null,
		infoUrl: e.url,
		cancelled: e.cancelled
	};
}
type FeedRow = ReturnType<typeof rowOf>;

const sameRow = (a: FeedRow, b: FeedRow) =>
	a.title.da === b.title.da &&
	a.description.da === b.description.da &&
	a.startsAt.getTime() === b.startsAt.getTime() &&
	a.endsAt.getTime() === b.endsAt.getTime() &&
	a.allDay === b.allDay &&
	a.address === b.address &&
	a.infoUrl === b.infoUrl &&
	a.cancelled === b.cancelled &&
	a.kind === b.kind;

/** A slug that stays the same for the same feed event: its title, date and a short key hash. */
function feedSlug(feed: EventFeed, e: FeedEvent) {
	const hash = createHash('sha256').update(`${feed.id}\n${e.key}`).digest('hex').slice(0, 8);
	return `${slugify(e.title).slice(0, 50) || 'arrangement'}-${copenhagenDate(e.start)}-${hash}`;
}

async function storeFeedEvents(
	db: Db,
	feed: EventFeed,
	read: FeedEvent[],
	window: { from: Date },
	now: Date
) {
	return db.transaction(async (tx) => {
		const stored = await tx
			.select({
				id: events.id,
				key: events.externalKey,
				organizationId: events.organizationId,
				kind: events.kind,
				title: events.title,
				description: events.description,
				startsAt: events.startsAt,
				endsAt: events.endsAt,
				allDay: events.allDay,
				address: events.address,
				infoUrl: events.infoUrl,
				cancelled: events.cancelled
			})
			.from(events)
			.where(eq(events.feedId, feed.id));
		const byKey = new Map(stored.map((s) => [s.key!, s]));
		const seen = new Set<string>();
		const added: (FeedRow & { slug: string; feedId: string; externalKey: string })[] = [];
		const changed: { id: string; row: FeedRow }[] = [];
		let unchanged = 0;
		for (const e of read) {
			if (seen.has(e.key)) continue;
			seen.add(e.key);
			const row = rowOf(feed, e);
			const before = byKey.get(e.key);
			if (!before)
				added.push({ ...row, slug: feedSlug(feed, e), feedId: feed.id, externalKey: e.key });
			else if (!sameRow(before as FeedRow, row)) changed.push({ id: before.id, row });
			else unchanged++;
		}
		// Gone from the feed: removed, unless it ended before the window the feed still covers.
		const removed = stored
			.filter((s) => !seen.has(s.key!) && s.endsAt > window.from)
			.map((s) => s.id);
		for (let i = 0; i < added.length; i += 500)
			await tx
				.insert(events)
				.values(added.slice(i, i + 500))
				.onConflictDoNothing();
		for (const { id, row } of changed)
			await tx
				.update(events)
				.set({ ...row, updatedAt: now })
				.where(eq(events.id, id));
		for (let i = 0; i < removed.length; i += 1000)
			await tx.delete(events).where(inArray(events.id, removed.slice(i, i + 1000)));
		const titles = [...new Set([...added, ...changed.map((c) => c.row)].map((r) => r.title.da))];
		if (titles.length) await rememberWords(tx, { da: titles.join(' ').slice(0, 100_000) });
		const count = rowsOf<{ n: number }>(
			await tx.execute(sql`select count(*)::int as n from events where feed_id = ${feed.id}`)
		)[0]!.n;
		await tx
			.update(eventFeeds)
			.set({ lastReadAt: now, lastSuccessAt: now, lastError: null, eventCount: count })
			.where(eq(eventFeeds.id, feed.id));
		const counts = {
			added: added.length,
			changed: changed.length,
			removed: removed.length,
			unchanged
		};
		if (added.length || changed.length || removed.length)
			await recordAudit(tx, {
				actor: 'system:events-feed',
				action: 'event.feed.sync',
				entityType: 'event_feed',
				entityId: feed.id,
				details: { url: feed.url, ...counts }
			});
		return counts;
	});
}

/** Reads every registered feed, one after the other (or those of one organisation). */
export async function syncAllFeeds(
	db: Db,
	settings: FeedSettings,
	options: { organizationId?: string; now?: Date } = {}
): Promise<SyncOutcome[]> {
	const outcomes: SyncOutcome[] = [];
	for (const feed of await feedsOf(db, options.organizationId))
		outcomes.push(await syncFeed(db, feed, settings, options.now));
	return outcomes;
}

/** Feeds not read for `hours` (the hourly schedule; a restart does not read them all again). */
export async function feedsDue(db: Db, hours: number, now = new Date()) {
	const before = new Date(now.getTime() - hours * 3600_000 + 60_000);
	return db
		.select()
		.from(eventFeeds)
		.where(
			sql`${eventFeeds.lastReadAt} is null or ${eventFeeds.lastReadAt} < ${before.toISOString()}::timestamptz`
		);
}
