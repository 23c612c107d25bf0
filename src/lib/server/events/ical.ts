import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { copenhagenDate, copenhagenMidnight, dayAfter } from '../local-date.ts';

/** An event as iCalendar carries it, read from a feed or written into one. */
interface IcalEvent {
	title: string;
	description: string;
	start: Date;
	/** Exclusive, as in iCalendar: an all-day event on 3 May ends at midnight starting 4 May. */
	end: Date;
	allDay: boolean;
	location: string | null;
	url: string | null;
	cancelled: boolean;
}

/** One event, or one occurrence of a repeating event, as a calendar feed gives it. */
export interface FeedEvent extends IcalEvent {
	/** The UID, with the occurrence's original start for an occurrence of a series. */
	key: string;
}

export interface ReadFeed {
	events: FeedEvent[];
	/** What was left out and why (an event without a start, a series cut at its limit). */
	skipped: string[];
}

export class CalendarError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CalendarError';
	}
}

export interface ReadOptions {
	/** Events that end before this are left out (the archive keeps what was read before). */
	from: Date;
	/** Repeating events are expanded up to this moment (12 months ahead). */
	until: Date;
	/** At most this many occurrences of one series (a rule may ask for millions). */
	maxPerSeries?: number;
	/** At most this many events in all. */
	maxEvents?: number;
}

/**
 * Reads an iCalendar feed (RFC 5545) with ical.js: times with a TZID (its VTIMEZONE, or the
 * IANA zone of that name when the feed leaves it out) or in UTC, all-day events, RRULE expanded
 * up to `until` with EXDATE and changed occurrences (RECURRENCE-ID), and STATUS:CANCELLED.
 */
export function readCalendar(text: string, options: ReadOptions): ReadFeed {
	let root: ICAL.Component;
	try {
		root = new ICAL.Component(ICAL.parse(text));
	} catch (error) {
		throw new CalendarError(`not iCalendar: ${(error as Error).message}`);
	}
	if (root.name !== 'vcalendar') throw new CalendarError('not iCalendar: no VCALENDAR');
	registerZones(root);
	const maxPerSeries = options.maxPerSeries ?? 500;
	const maxEvents = options.maxEvents ?? 5000;
	const skipped: string[] = [];
	const masters = new Map<string, ICAL.Event>();
	const exceptions: ICAL.Component[] = [];
	for (const component of root.getAllSubcomponents('vevent')) {
		const uid = component.getFirstPropertyValue('uid');
		if (typeof uid !== 'string' || !uid) {
			skipped.push('an event without a UID');
			continue;
		}
		if (!component.getFirstPropertyValue('dtstart')) {
			skipped.push(`${uid}: no DTSTART`);
			continue;
		}
		if (component.hasProperty('recurrence-id')) exceptions.push(component);
		else masters.set(uid, new ICAL.Event(component));
	}
	for (const component of exceptions) {
		const master = masters.get(String(component.getFirstPropertyValue('uid')));
		if (master) master.relateException(component);
		else {
			const lone = new ICAL.Event(component);
			masters.set(`${lone.uid}@${lone.recurrenceId.toString()}`, lone);
		}
	}
	const events: FeedEvent[] = [];
	const until = ICAL.Time.fromJSDate(options.until, true);
	for (const event of masters.values()) {
		if (events.length >= maxEvents) {
			skipped.push(`more than ${maxEvents} events: the rest are left out`);
			break;
		}
		if (!event.isRecurring()) {
			const one = feedEvent(event, event.startDate, event.endDate, event.uid, event.component);
			if (one.end > options.from) events.push(one);
			continue;
		}
		const cancelledSeries = isCancelled(event.component);
		const iterator = event.iterator();
		let count = 0;
		for (let next = iterator.next(); next; next = iterator.next()) {
			if (next.compare(until) > 0) break;
			if (++count > maxPerSeries) {
				skipped.push(`${event.uid}: more than ${maxPerSeries} occurrences; the rest are left out`);
				break;
			}
			const details = event.getOccurrenceDetails(next);
			const one = feedEvent(
				details.item,
				details.startDate,
				details.endDate,
				`${event.uid}@${instantKey(details.recurrenceId)}`,
				details.item.component
			);
			if (cancelledSeries) one.cancelled = true;
			if (one.end > options.from) events.push(one);
			if (events.length >= maxEvents) break;
		}
	}
	return { events, skipped };
}

function feedEvent(
	event: ICAL.Event,
	start: ICAL.Time,
	end: ICAL.Time | null,
	key: string,
	component: ICAL.Component
): FeedEvent {
	const allDay = start.isDate;
	const startInstant = allDay ? copenhagenMidnight(dateText(start)) : start.toJSDate();
	let endInstant: Date;
	if (allDay)
		endInstant = copenhagenMidnight(
			end && end.compare(start) > 0 ? dateText(end) : dayAfter(dateText(start))
		);
	else endInstant = end && end.compare(start) >= 0 ? end.toJSDate() : startInstant;
	const url = component.getFirstPropertyValue('url');
	return {
		key,
		title: (event.summary ?? '').trim() || '(uden titel)',
		description: (event.description ?? '').trim(),
		start: startInstant,
		end: endInstant,
		allDay,
		location: event.location?.trim() || null,
		url: typeof url === 'string' && /^https?:\/\//.test(url) ? url : null,
		cancelled: isCancelled(component)
	};
}

const isCancelled = (component: ICAL.Component) =>
	String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

const dateText = (t: ICAL.Time) =>
	`${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

/** An occurrence's original start as a stable key: a date, or the instant in UTC. */
function instantKey(t: ICAL.Time): string {
	return t.isDate ? dateText(t) : t.toJSDate().toISOString();
}

/**
 * Makes the feed's time zones known to ical.js: its own VTIMEZONEs, and for a TZID it names
 * without one (common: "Europe/Copenhagen" alone), the IANA zone's rules.
 */
function registerZones(root: ICAL.Component) {
	for (const zone of root.getAllSubcomponents('vtimezone')) {
		const tzid = zone.getFirstPropertyValue('tzid');
		if (typeof tzid === 'string') ICAL.TimezoneService.register(new ICAL.Timezone(zone), tzid);
	}
	const named = new Set<string>();
	for (const event of root.getAllSubcomponents('vevent'))
		for (const name of ['dtstart', 'dtend', 'exdate', 'recurrence-id', 'rdate'])
			for (const property of event.getAllProperties(name)) {
				const tzid = property.getParameter('tzid');
				if (typeof tzid === 'string') named.add(tzid);
			}
	for (const tzid of named) {
		if (ICAL.TimezoneService.has(tzid)) continue;
		const block = ianaZone(tzid);
		if (block) ICAL.TimezoneService.register(new ICAL.Timezone(block), tzid);
	}
}

function ianaZone(tzid: string): ICAL.Component | undefined {
	let found: string[] | string;
	try {
		found = tzlib_get_ical_block(tzid.replace(/^\/+/, ''));
	} catch {
		return undefined;
	}
	if (!Array.isArray(found) || typeof found[0] !== 'string') return undefined;
	const zone = new ICAL.Component(ICAL.parse(found[0]));
	zone.updatePropertyWithValue('tzid', tzid);
	return zone;
}

/** An event to write into a calendar: always with its page's address. */
export interface CalendarEntry extends IcalEvent {
	uid: string;
	url: string;
	updated: Date;
}

/**
 * An iCalendar file of events, written with ical.js. Times are in UTC (a calendar shows them in
 * the reader's zone); all-day events are dates in Denmark.
 */
export function writeCalendar(name: string, entries: CalendarEntry[], now = new Date()): string {
	const calendar = new ICAL.Component(['vcalendar', [], []]);
	calendar.addPropertyWithValue('version', '2.0');
	calendar.addPropertyWithValue('prodid', '-//Uddannelsesby//Arrangementer//DA');
	calendar.addPropertyWithValue('calscale', 'GREGORIAN');
	calendar.addPropertyWithValue('method', 'PUBLISH');
	calendar.addPropertyWithValue('x-wr-calname', name);
	calendar.addPropertyWithValue('x-wr-timezone', 'Europe/Copenhagen');
	for (const e of entries) {
		const event = new ICAL.Component('vevent');
		event.addPropertyWithValue('uid', e.uid);
		event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
		event.addPropertyWithValue('last-modified', ICAL.Time.fromJSDate(e.updated, true));
		if (e.allDay) {
			event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(copenhagenDate(e.start)));
			event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(copenhagenDate(e.end)));
		} else {
			event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(e.start, true));
			event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(e.end, true));
		}
		event.addPropertyWithValue('summary', e.title);
		if (e.description) event.addPropertyWithValue('description', e.description);
		if (e.location) event.addPropertyWithValue('location', e.location);
		event.addPropertyWithValue('url', e.url);
		event.addPropertyWithValue('status', e.cancelled ? 'CANCELLED' : 'CONFIRMED');
		calendar.addSubcomponent(event);
	}
	return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
