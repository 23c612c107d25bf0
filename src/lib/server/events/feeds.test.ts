import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createOrganization } from '../directory/index.ts';
import { feedsOf, subscribeFeed, syncAllFeeds, type FeedSettings } from './feeds.ts';
import { CalendarError } from './ical.ts';
import { readFeedSafely } from './read-feed.ts';

/** A school's calendar server stand-in: each path answers as a test sets it. */
type Answer = {
	status?: number;
	type?: string;
	body?: string;
	delayMs?: number;
	location?: string;
};
const answers = new Map<string, Answer>();
let server: Server;
let base: string;
beforeAll(async () => {
	server = createServer((req, res) => {
		const answer = answers.get(req.url ?? '') ?? { status: 404, body: 'no' };
		const send = () => {
			if (res.destroyed) return;
			res.writeHead(answer.status ?? 200, {
				'content-type': answer.type ?? 'text/calendar; charset=utf-8',
				...(answer.location ? { location: answer.location } : {})
			});
			res.end(answer.body ?? '');
		};
		if (answer.delayMs) setTimeout(send, answer.delayMs);
		else send();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const NOW = new Date('2027-09-01T10:00:00Z');
const vevent = (uid: string, start: string, summary: string, extra: string[] = []) =>
	[
		'BEGIN:VEVENT',
		`UID:${uid}`,
		'DTSTAMP:20270801T000000Z',
		`DTSTART;TZID=Europe/Copenhagen:${start}`,
		`DURATION:PT2H`,
		`SUMMARY:${summary}`,
		...extra,
		'END:VEVENT'
	].join('\r\n');
const calendar = (...events: string[]) =>
	['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Eksempel//DA', ...events, 'END:VCALENDAR', ''].join(
		'\r\n'
	);

const FIRST = calendar(
	vevent('aabent-hus@eksempel', '20271014T180000', 'Åbent hus'),
	vevent('intro@eksempel', '20271020T170000', 'Introaften'),
	vevent('cafe@eksempel', '20271005T150000', 'Lektiecafé', [
		'RRULE:FREQ=WEEKLY;COUNT=4',
		'EXDATE;TZID=Europe/Copenhagen:20271012T150000'
	])
);

describe.each(testEngines())('calendar feeds on $name', (engine) => {
	let database: Database;
	let organizationId: string;
	const settings: FeedSettings = { allowPrivate: true, timeoutMs: 1500 };

	beforeEach(async () => {
		database = await engine.open();
		organizationId = (
			await createOrganization(database.db, 'test', { name: 'Eksempelskolen', kind: 'school' })
		).id;
		answers.clear();
	});
	afterEach(async () => database.close());

	const stored = async () =>
		rowsOf<{ title: string; slug: string; starts_at: string; cancelled: boolean }>(
			await database.db.execute(
				sql`select title->>'da' as title, slug, starts_at::text, cancelled from events order by starts_at`
			)
		);
	const subscribe = (path: string) =>
		subscribeFeed(database.db, 'test', {
			organizationId,
			url: `${base}${path}`,
			kind: 'aabent-hus'
		});

	it('adds the feed events, then updates the changed, removes the gone and keeps addresses', async () => {
		answers.set('/cal.ics', { body: FIRST });
		await subscribe('/cal.ics');
		const [first] = await syncAllFeeds(database.db, settings, { now: NOW });
		expect(first).toMatchObject({ status: 'read', added: 5, changed: 0, removed: 0 });
		const before = await stored();
		expect(before.map((e) => e.title)).toEqual([
			'Lektiecafé',
			'Åbent hus',
			'Lektiecafé',
			'Introaften',
			'Lektiecafé'
		]);
		const openHouse = before.find((e) => e.title === 'Åbent hus')!;

		// The open house moves an hour and is cancelled; the intro evening disappears.
		answers.set('/cal.ics', {
			body: calendar(
				vevent('aabent-hus@eksempel', '20271014T190000', 'Åbent hus', ['STATUS:CANCELLED']),
				vevent('cafe@eksempel', '20271005T150000', 'Lektiecafé', [
					'RRULE:FREQ=WEEKLY;COUNT=4',
					'EXDATE;TZID=Europe/Copenhagen:20271012T150000'
				])
			)
		});
		const [second] = await syncAllFeeds(database.db, settings, { now: NOW });
		expect(second).toMatchObject({
			status: 'read',
			added: 0,
			changed: 1,
			removed: 1,
			unchanged: 3
		});
		const after = await stored();
		expect(after.map((e) => e.title)).not.toContain('Introaften');
		const moved = after.find((e) => e.title === 'Åbent hus')!;
		expect(moved).toMatchObject({ slug: openHouse.slug, cancelled: true });
		expect(new Date(moved.starts_at).toISOString()).toBe('2027-10-14T17:00:00.000Z');

		// Read again unchanged: nothing written.
		const [third] = await syncAllFeeds(database.db, settings, { now: NOW });
		expect(third).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 4 });
	});

	it('keeps the last good events when a feed turns bad, and says why', async () => {
		answers.set('/cal.ics', { body: FIRST });
		await subscribe('/cal.ics');
		await syncAllFeeds(database.db, settings, { now: NOW });
		const good = await stored();
		const cases: [Answer, RegExp, RegExp][] = [
			[{ body: 'x'.repeat(6 * 1024 * 1024) }, /larger than/, /større end 5 MB/],
			[
				{ type: 'text/html', body: '<html></html>' },
				/text\/html, not an iCalendar/,
				/text\/html, ikke en iCalendar-fil/
			],
			[{ body: FIRST, delayMs: 4000 }, /did not answer in time/, /svarede ikke i tide/],
			[{ status: 500, body: 'fejl' }, /answered 500/, /svarede 500/],
			[
				{ body: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nnot a line' },
				/not a calendar we can read/,
				/kunne ikke læses/
			]
		];
		for (const [answer, en, da] of cases) {
			answers.set('/cal.ics', answer);
			const [outcome] = await syncAllFeeds(database.db, settings, { now: NOW });
			expect(outcome?.status, en.source).toBe('failed');
			if (outcome?.status !== 'failed') continue;
			expect(outcome.error.en).toMatch(en);
			expect(outcome.error.da).toMatch(da);
			const [feed] = await feedsOf(database.db, organizationId);
			expect(feed!.lastError).toEqual(outcome.error);
			expect(await stored()).toEqual(good);
		}
		// Good again: the error is cleared.
		answers.set('/cal.ics', { body: FIRST });
		await syncAllFeeds(database.db, settings, { now: NOW });
		expect((await feedsOf(database.db, organizationId))[0]!.lastError).toBeNull();
	}, 30_000);

	it('refuses a redirect to a loopback address', async () => {
		const port = new URL(base).port;
		answers.set('/moved.ics', { status: 302, location: `http://127.0.0.2:${port}/cal.ics` });
		answers.set('/cal.ics', { body: FIRST });
		await subscribe('/moved.ics');
		const [outcome] = await syncAllFeeds(
			database.db,
			{ allowPrivate: false, allowAddresses: ['127.0.0.1'], timeoutMs: 1500 },
			{ now: NOW }
		);
		expect(outcome).toMatchObject({ status: 'failed' });
		if (outcome?.status === 'failed') expect(outcome.error.da).toMatch(/privat, lokal/);
		expect(await stored()).toEqual([]);
	});

	it('reads a rule with a million occurrences up to its limit and notes the rest', async () => {
		answers.set('/cal.ics', {
			body: calendar(
				vevent('evig@eksempel', '20271001T080000', 'Evig', ['RRULE:FREQ=MINUTELY;COUNT=1000000'])
			)
		});
		await subscribe('/cal.ics');
		const [outcome] = await syncAllFeeds(database.db, settings, { now: NOW });
		expect(outcome).toMatchObject({ status: 'read', added: 500 });
		if (outcome?.status === 'read') expect(outcome.skipped[0]).toMatch(/more than 500 occurrences/);
	});
});

describe('reading a feed on its own thread', () => {
	it('stops a read that takes too long, and the server thread goes on', async () => {
		const huge = calendar(
			...Array.from({ length: 3000 }, (_, i) =>
				vevent(`e${i}@x`, '20271001T080000', `Arrangement ${i}`, ['RRULE:FREQ=DAILY;COUNT=400'])
			)
		);
		let ticks = 0;
		const timer = setInterval(() => ticks++, 5);
		await expect(
			readFeedSafely(huge, { from: NOW, until: new Date('2028-09-01T00:00:00Z') }, 50)
		).rejects.toBeInstanceOf(CalendarError);
		clearInterval(timer);
		expect(ticks).toBeGreaterThan(0);
	});
});
