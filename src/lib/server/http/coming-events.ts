import { contentVersion } from '../app.ts';
import { eventQueryFromUrl, searchEvents } from '../events/index.ts';
import { apiError } from './respond.ts';
import type { Db } from '../db/index.ts';

/**
 * The coming events a feed of the list gives (the Atom and iCalendar feeds, the JSON API), read
 * with the list's filters from the address; or the 400 answer that names the filters that do not
 * read.
 */
export async function comingEventsForFeed(
	url: URL,
	db: Db,
	locale: 'da' | 'en',
	pageSize?: number
) {
	const parsed = eventQueryFromUrl(url);
	if (!parsed.ok)
		return {
			ok: false as const,
			refused: apiError(400, 'Invalid query parameters', { details: parsed.problems })
		};
	const query = pageSize ? { ...parsed.query, page: 1 } : parsed.query;
	const results = await searchEvents(db, query, locale, new Date(), {
		version: await contentVersion(),
		pageSize
	});
	return { ok: true as const, results };
}
