import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import { calendarEntry, calendarHeaders } from '$lib/server/http/calendar.ts';
import { writeCalendar } from '$lib/server/events/index.ts';
import { comingEventsForFeed } from '$lib/server/http/coming-events.ts';
import type { RequestHandler } from './$types';

/**
 * `/arrangementer/kalender.ics?<the list's filters>`: the coming events of the list as an
 * iCalendar feed, for calendars that subscribe (webcal://). Up to 500 events; cancelled ones
 * stay in, marked cancelled, so a subscribed calendar shows the cancellation.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = locals.locale;
	const coming = await comingEventsForFeed(url, locals.db, locale, 500);
	if (!coming.ok) return coming.refused;
	const { results } = coming;
	const body = writeCalendar(
		`${m.events_title({}, { locale })} – ${m.site_name({}, { locale })}`,
		results.items.map((i) =>
			calendarEntry(
				{
					id: i.id,
					title: i.title,
					description: i.organiser,
					start: new Date(i.start),
					end: new Date(i.end),
					allDay: i.allDay,
					place: i.place,
					cancelled: i.cancelled,
					updated: new Date(i.updatedAt),
					isDemo: i.isDemo
				},
				new URL(localizedPath(`/arrangementer/${i.slug}`, locale), url).href,
				url.hostname
			)
		)
	);
	return new Response(body, { headers: calendarHeaders() });
};
