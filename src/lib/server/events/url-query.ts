import { searchQueryFromUrl, type UrlQuery } from '../search/index.ts';
import { eventQuery, type EventQuery } from './search.ts';

/**
 * The event list's parameters from a URL (the page, its feeds and the API read the same names):
 * `q`, repeated `kind`, `level`, `audience` and `organiser`, `free=1`, `from` and `to` (dates),
 * `page`. The archive is its own page.
 */
export function eventQueryFromUrl(url: URL, archive = false): UrlQuery<EventQuery> {
	return searchQueryFromUrl(
		eventQuery,
		url,
		(p) => ({
			kind: p.list('kind'),
			level: p.list('level'),
			audience: p.list('audience'),
			organiser: p.list('organiser'),
			free: p.flag('free'),
			from: p.text('from'),
			to: p.text('to'),
			archive
		}),
		{ addresses: false }
	);
}
