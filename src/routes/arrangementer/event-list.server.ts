import { serverRendered } from '$lib/server-rendered.ts';
import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { localizedPath } from '$lib/i18n/routes.ts';
import { cachedView, contentVersion } from '$lib/server/app.ts';
import { taxonomy } from '$lib/server/directory/index.ts';
import {
	EVENT_PAGE_SIZE,
	eventListPage,
	eventQueryFromUrl,
	monthAround,
	monthGrid,
	searchEvents
} from '$lib/server/events/index.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The event list (coming events by day, or a month), and its archive (past events, latest
 * first): one load, as both read the same filters.
 */
export async function loadEventList(
	{ url, locals }: Pick<ServerLoadEvent, 'url' | 'locals'>,
	archive: boolean
) {
	const parsed = eventQueryFromUrl(url, archive);
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const locale = locals.locale;
	const monthView = !archive && url.searchParams.get('visning') === 'maaned';
	const now = new Date();
	const month = url.searchParams.get('maaned') ?? now.toISOString().slice(0, 7);
	if (monthView && !MONTH.test(month)) error(400, 'maaned: a month is written YYYY-MM');
	const span = monthView ? monthAround(month) : undefined;
	const query = span ? { ...parsed.query, from: span.first, to: span.last, page: 1 } : parsed.query;
	const pageSize = span ? 500 : EVENT_PAGE_SIZE;
	// Coming events become past ones: a cached answer is kept ten minutes at most.
	const tenMinutes = Math.floor(now.getTime() / 600_000);
	const path = archive ? '/arrangementer/arkiv' : '/arrangementer';
	const view = await cachedView(
		`events:${locale}:${path}:${url.search}:${tenMinutes}`,
		async () => {
			const [results, terms] = await Promise.all([
				searchEvents(locals.db, query, locale, now, {
					version: await contentVersion(),
					pageSize,
					anyTime: Boolean(span)
				}),
				taxonomy(locals.db)
			]);
			const page = eventListPage({
				results,
				query,
				search: url.search,
				locale,
				terms,
				pageSize,
				eventPath: (slug) => localizedPath(`/arrangementer/${slug}`, locale)
			});
			const filters = new URLSearchParams(page.rest);
			for (const name of ['visning', 'maaned']) filters.delete(name);
			return {
				...page,
				archive,
				base: localizedPath(path, locale),
				filters: filters.toString(),
				month: span
					? {
							...span,
							name: month,
							weeks: monthGrid(
								month,
								results.items.map((i) => ({
									...i,
									href: localizedPath(`/arrangementer/${i.slug}`, locale)
								}))
							)
						}
					: null,
				query: {
					q: parsed.query.q,
					free: parsed.query.free,
					from: parsed.query.from ?? '',
					to: parsed.query.to ?? '',
					page: parsed.query.page
				}
			};
		}
	);
	// The calendar subscription's webcal:// link names this server.
	return serverRendered({ ...view, host: url.host });
}
