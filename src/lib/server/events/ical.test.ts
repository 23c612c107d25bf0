import { describe, expect, it } from 'vitest';
import { readCalendar, writeCalendar, type FeedEvent } from './ical.ts';

// A school's calendar as Outlook or Google might publish it: a zone named without its
// VTIMEZONE, a weekly series across the end of summer time with one week left out and one
// week moved, an all-day fair, a cancelled evening and a UTC time.
const FEED = [
	'BEGIN:VCALENDAR',
	'VERSION:2.0',
	'PRODID:-//Eksempelskolen//Kalender//DA',
	'BEGIN:VEVENT',
	'UID:lektiecafe@eksempelskolen.dk',
	'DTSTAMP:20270101T000000Z',
	'DTSTART;TZID=Europe/Copenhagen:20271012T150000',
	'DTEND;TZID=Europe/Copenhagen:20271012T170000',
	'RRULE:FREQ=WEEKLY;COUNT=5',
	'EXDATE;TZID=Europe/Copenhagen:20271019T150000',
	'SUMMARY:Lektiecafé',
	'LOCATION:Biblioteket\\, 1. sal',
	'END:VEVENT',
	'BEGIN:VEVENT',
	'UID:lektiecafe@eksempelskolen.dk',
	'RECURRENCE-ID;TZID=Europe/Copenhagen:20271102T150000',
	'DTSTAMP:20270101T000000Z',
	'DTSTART;TZID=Europe/Copenhagen:20271102T160000',
	'DTEND;TZID=Europe/Copenhagen:20271102T180000',
	'SUMMARY:Lektiecafé (flyttet)',
	'END:VEVENT',
	'BEGIN:VEVENT',
	'UID:messe@eksempelskolen.dk',
	'DTSTAMP:20270101T000000Z',
	'DTSTART;VALUE=DATE:20271105',
	'DTEND;VALUE=DATE:20271107',
	'SUMMARY:Uddannelsesmesse',
	'URL:https://eksempelskolen.dk/messe',
	'END:VEVENT',
	'BEGIN:VEVENT',
	'UID:aflyst@eksempelskolen.dk',
	'DTSTAMP:20270101T000000Z',
	'DTSTART:20271110T170000Z',
	'DTEND:20271110T190000Z',
	'STATUS:CANCELLED',
	'SUMMARY:Forældremøde',
	'END:VEVENT',
	'END:VCALENDAR',
	''
].join('\r\n');

const window = { from: new Date('2027-01-01T00:00:00Z'), until: new Date('2028-01-01T00:00:00Z') };
const summary = (events: FeedEvent[]) =>
	events.map((e) => ({
		title: e.title,
		start: e.start.toISOString(),
		end: e.end.toISOString(),
		allDay: e.allDay,
		cancelled: e.cancelled
	}));

describe('reading an iCalendar feed', () => {
	it('reads zones, all-day events, a weekly rule with an excluded and a moved week, and cancellations', () => {
		const { events, skipped } = readCalendar(FEED, window);
		expect(skipped).toEqual([]);
		expect(summary(events)).toEqual([
			// 15:00 in Danish summer time is 13:00 UTC; after 31 October, winter time: 14:00 UTC.
			{
				title: 'Lektiecafé',
				start: '2027-10-12T13:00:00.000Z',
				end: '2027-10-12T15:00:00.000Z',
				allDay: false,
				cancelled: false
			},
			{
				title: 'Lektiecafé',
				start: '2027-10-26T13:00:00.000Z',
				end: '2027-10-26T15:00:00.000Z',
				allDay: false,
				cancelled: false
			},
			{
				title: 'Lektiecafé (flyttet)',
				start: '2027-11-02T15:00:00.000Z',
				end: '2027-11-02T17:00:00.000Z',
				allDay: false,
				cancelled: false
			},
			{
				title: 'Lektiecafé',
				start: '2027-11-09T14:00:00.000Z',
				end: '2027-11-09T16:00:00.000Z',
				allDay: false,
				cancelled: false
			},
			// Two days, from midnight in Copenhagen (23:00 UTC in winter).
			{
				title: 'Uddannelsesmesse',
				start: '2027-11-04T23:00:00.000Z',
				end: '2027-11-06T23:00:00.000Z',
				allDay: true,
				cancelled: false
			},
			{
				title: 'Forældremøde',
				start: '2027-11-10T17:00:00.000Z',
				end: '2027-11-10T19:00:00.000Z',
				allDay: false,
				cancelled: true
			}
		]);
		// Each occurrence is keyed by its UID and its original start: a moved week keeps its key.
		expect(events.map((e) => e.key)).toContain(
			'lektiecafe@eksempelskolen.dk@2027-11-02T14:00:00.000Z'
		);
		expect(events[0]!.location).toBe('Biblioteket, 1. sal');
		expect(events[4]!.url).toBe('https://eksempelskolen.dk/messe');
	});

	it('writes what it read and reads the same events back with the same library', () => {
		const read = readCalendar(FEED, window).events;
		const written = writeCalendar(
			'Eksempelskolen',
			read.map((e) => ({
				...e,
				uid: e.key,
				url: e.url ?? 'https://uddannelsesby.example/x',
				updated: new Date()
			}))
		);
		expect(written).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(written).toContain('DTSTART;VALUE=DATE:20271105\r\n');
		const again = readCalendar(written, window).events;
		expect(summary(again)).toEqual(summary(read));
		expect(again.map((e) => e.key)).toEqual(read.map((e) => e.key));
	});

	it('expands a rule with a million occurrences only up to its limit', () => {
		const endless = FEED.replace(
			'END:VCALENDAR',
			[
				'BEGIN:VEVENT',
				'UID:endless@example.org',
				'DTSTAMP:20270101T000000Z',
				'DTSTART:20270601T080000Z',
				'RRULE:FREQ=SECONDLY;COUNT=1000000',
				'SUMMARY:Uendelig',
				'END:VEVENT',
				'END:VCALENDAR'
			].join('\r\n')
		);
		const { events, skipped } = readCalendar(endless, { ...window, maxPerSeries: 500 });
		expect(events.filter((e) => e.title === 'Uendelig')).toHaveLength(500);
		expect(skipped).toEqual([
			'endless@example.org: more than 500 occurrences; the rest are left out'
		]);
	});

	it('leaves out events that ended before the window, and rejects what is not a calendar', () => {
		const later = readCalendar(FEED, {
			from: new Date('2027-11-03T00:00:00Z'),
			until: window.until
		});
		expect(later.events.map((e) => e.title)).toEqual([
			'Lektiecafé',
			'Uddannelsesmesse',
			'Forældremøde'
		]);
		expect(() => readCalendar('<html>not a calendar</html>', window)).toThrow(/not iCalendar/);
	});
});
