/**
 * How the server's page cache keys public answers: one place for the rules that used to be
 * written into hooks.server.ts by path.
 */

/**
 * Routes whose answer does not depend on the query string at all. A request with a query is
 * answered from the cached answer of the bare path when there is one, so `?x=1`, `?x=2`, …
 * cannot force a render each; it is never stored under the bare path, though, because the
 * page's language switch repeats the query it was rendered with.
 */
const QUERY_FREE = new Set([
	'/',
	'/strategi',
	'/om',
	'/privatlivspolitik',
	'/tilgaengelighedserklaering',
	'/indikatorer',
	'/pejlemaerker/[slug]',
	'/organisationer/[slug]',
	'/indikatorer/[code].csv',
	'/indikatorer/[code].json',
	'/indikatorer/[code].xlsx',
	'/api/hsds/services/[id]',
	'/api/hsds/organizations/[id]',
	'/media/[id]'
]);

/** Routes whose answers also depend on the clock: postings close at their deadline. */
const HOURLY = new Set(['/job', '/job/[slug]', '/job/feed.atom', '/api/v1/opportunities']);

export interface CacheKey {
	key: string;
	/** Whether an answer rendered for this request may be stored under `key`. */
	storable: boolean;
}

/**
 * The page-cache key of a request: the origin, the path, the query where the route reads it, and a time
 * bucket where the answer changes with the clock ("open now" within a minute, the job board
 * within an hour).
 */
export function pageCacheKey(route: string, url: URL, now = Date.now()): CacheKey {
	const clock = url.searchParams.has('open')
		? `#m${Math.floor(now / 60_000)}`
		: HOURLY.has(route)
			? `#h${Math.floor(now / 3_600_000)}`
			: '';
	// The origin too: without ORIGIN a page is rendered for the host it was asked by (its links
	// and structured data name it), and one host's page is not served to another.
	if (QUERY_FREE.has(route))
		return { key: url.origin + url.pathname + clock, storable: url.search === '' };
	return { key: url.origin + url.pathname + url.search + clock, storable: true };
}
