import { formatEventTime } from '$lib/format.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import { contentVersion } from '$lib/server/app.ts';
import { atomFeed, atomHeaders } from '$lib/server/http/atom.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { eventQueryFromUrl, lastEventChange, searchEvents } from '$lib/server/events/index.ts';
import type { RequestHandler } from './$types';

/** `/arrangementer/feed.atom?<the list's filters>`: the coming events as Atom, soonest first. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = eventQueryFromUrl(url);
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = locals.locale;
	const results = await searchEvents(locals.db, { ...parsed.query, page: 1 }, locale, new Date(), {
		version: await contentVersion(),
		pageSize: 50
	});
	const body = atomFeed({
		title: `${m.events_title({}, { locale })} – ${m.site_name({}, { locale })}`,
		locale,
		lastChange: await lastEventChange(locals.db),
		selfUrl: url.href,
		pageUrl: new URL(`${localizedPath('/arrangementer', locale)}${url.search}`, url).href,
		entries: results.items.map((i) => ({
			id: i.id,
			title: i.isDemo ? `${i.title} (demo)` : i.title,
			untranslated: i.untranslated,
			url: new URL(localizedPath(`/arrangementer/${i.slug}`, locale), url).href,
			published: i.createdAt,
			updated: i.updatedAt,
			author: i.organiser,
			summary: [
				i.cancelled ? m.events_cancelled({}, { locale }) : '',
				formatEventTime(i, locale, true),
				i.place ?? (i.online ? m.events_online({}, { locale }) : ''),
				i.organiser
			]
				.filter(Boolean)
				.join(' · ')
		}))
	});
	return new Response(body, { headers: atomHeaders(false) });
};
