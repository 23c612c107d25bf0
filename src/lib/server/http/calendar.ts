import type { CalendarEntry } from '../events/index.ts';

/**
 * An event as a calendar entry: its UID is its id at this server, so a calendar that imported it
 * (or subscribed to a list) updates it rather than adding it twice.
 */
export function calendarEntry(
	event: {
		id: string;
		title: string;
		description: string;
		start: Date;
		end: Date;
		allDay: boolean;
		place: string | null | undefined;
		cancelled: boolean;
		updated: Date;
		/** Demo data says so in the calendar too, where no page labels it. */
		isDemo: boolean;
	},
	url: string,
	host: string
): CalendarEntry {
	return {
		uid: `${event.id}@${host}`,
		title: event.isDemo ? `${event.title} (demo)` : event.title,
		description: `${event.description}\n\n${url}`.trim(),
		start: event.start,
		end: event.end,
		allDay: event.allDay,
		location: event.place || null,
		url,
		cancelled: event.cancelled,
		updated: event.updated
	};
}

/** Headers of an iCalendar answer; with a file name it downloads as that file. */
export function calendarHeaders(fileName?: string): HeadersInit {
	return {
		'content-type': 'text/calendar; charset=utf-8',
		'cache-control': 'public, max-age=300',
		...(fileName ? { 'content-disposition': `attachment; filename="${fileName}"` } : {})
	};
}
