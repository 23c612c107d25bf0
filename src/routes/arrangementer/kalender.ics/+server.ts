import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import { contentVersion } from '$lib/server/app.ts';
import { calendarEntry, calendarHeaders } from '$lib/server/http/calendar.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { eventQueryFromUrl, searchEvents, writeCalendar } from '$lib/server/events/index.ts';
import type { RequestHandler } from './$types';

/**
 * `/arrangementer/kalender.ics?<the list's filters>`: the coming events of the list as an
 * iCalendar feed, for calendars that subscribe (webcal://). Up to 500 events; cancelled ones
 * stay in, marked cancelled, so a subscribed calendar shows the cancellation.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = eventQueryFromUrl(url);
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = locals.locale;
	const results = await searchEvents(locals.db, { ...parsed.query, page: 1 }, locale, new Date(), {
		version: await contentVersion(),
		pageSize: 500
	});
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
