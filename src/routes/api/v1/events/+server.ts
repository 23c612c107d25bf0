import { json } from '@sveltejs/kit';
import type { ApiEventList } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { copenhagenIso } from '$lib/server/events/index.ts';
import { comingEventsForFeed } from '$lib/server/http/coming-events.ts';
import type { RequestHandler } from './$types';

/** The coming events as JSON, with counts per kind, level, audience and organiser. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const coming = await comingEventsForFeed(url, locals.db, locale);
	if (!coming.ok) return coming.refused;
	const { results } = coming;
	const body: ApiEventList = {
		total: results.total,
		facets: {
			kind: results.kinds,
			level: results.levels,
			audience: results.audiences,
			organiser: Object.fromEntries(results.organisers.map((o) => [o.slug, o.count]))
		},
		items: results.items.map((i) => ({
			id: i.id,
			slug: i.slug,
			kind: i.kind,
			title: i.title,
			start: copenhagenIso(new Date(i.start)),
			end: copenhagenIso(new Date(i.end)),
			allDay: i.allDay,
			place: i.place,
			online: i.online,
			organiser: { name: i.organiser, slug: i.organiserSlug },
			price: i.priceOre === null ? null : i.priceOre / 100,
			cancelled: i.cancelled,
			url: new URL(localizedPath(`/arrangementer/${i.slug}`, locale), url).href,
			demo: i.isDemo
		}))
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};
