import { json } from '@sveltejs/kit';
import type { ApiEventList } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { contentVersion } from '$lib/server/app.ts';
import { copenhagenIso, eventQueryFromUrl, searchEvents } from '$lib/server/events/index.ts';
import type { RequestHandler } from './$types';

/** The coming events as JSON, with counts per kind, level, audience and organiser. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = eventQueryFromUrl(url);
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchEvents(locals.db, parsed.query, locale, new Date(), {
		version: await contentVersion()
	});
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
