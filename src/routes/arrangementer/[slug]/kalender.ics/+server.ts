import { error } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { calendarHeaders, calendarEntry } from '$lib/server/http/calendar.ts';
import { getEvent, writeCalendar } from '$lib/server/events/index.ts';
import type { RequestHandler } from './$types';

/** One event as an iCalendar file, to add to a calendar. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	if (!/^[a-z0-9-]{1,160}$/.test(params.slug)) error(404, 'Not found');
	const event = await getEvent(locals.db, params.slug);
	if (!event) error(404, 'Not found');
	const locale = locals.locale;
	const title = locale === 'en' ? (event.title.en ?? event.title.da) : event.title.da;
	const body = writeCalendar(title, [
		calendarEntry(
			{
				id: event.id,
				title,
				description:
					locale === 'en' ? (event.description.en ?? event.description.da) : event.description.da,
				start: event.startsAt,
				end: event.endsAt,
				allDay: event.allDay,
				place:
					[
						event.place?.name,
						event.place?.address,
						event.place?.postalCode && `${event.place.postalCode} ${event.place.city}`
					]
						.filter(Boolean)
						.join(', ') || event.onlineUrl,
				cancelled: event.cancelled,
				updated: event.updatedAt,
				isDemo: event.isDemo
			},
			new URL(localizedPath(`/arrangementer/${event.slug}`, locale), url).href,
			url.hostname
		)
	]);
	return new Response(body, { headers: calendarHeaders(`${event.slug}.ics`) });
};
