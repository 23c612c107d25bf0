import { formatEventTime } from '$lib/format.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { m } from '$lib/paraglide/messages.js';
import { atomFeed, atomHeaders } from '$lib/server/http/atom.ts';
import { lastEventChange } from '$lib/server/events/index.ts';
import { comingEventsForFeed } from '$lib/server/http/coming-events.ts';
import type { RequestHandler } from './$types';

/** `/arrangementer/feed.atom?<the list's filters>`: the coming events as Atom, soonest first. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = locals.locale;
	const coming = await comingEventsForFeed(url, locals.db, locale, 50);
	if (!coming.ok) return coming.refused;
	const { results } = coming;
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
