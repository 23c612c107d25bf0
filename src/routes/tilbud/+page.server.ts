import { error } from '@sveltejs/kit';
import { offerQueryFromUrl } from '$lib/server/http/offer-query.ts';
import { appConfig, appLocate, cachedView, contentVersion } from '$lib/server/app.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import {
	PAGE_SIZE,
	postalAreaList,
	searchOffers,
	taxonomy,
	termOptions
} from '$lib/server/directory/index.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = offerQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	const locale = locals.locale;
	const minute = query.open ? `:${Math.floor(Date.now() / 60_000)}` : '';
	const key = `offers:${locale}:${url.search}${minute}`;
	// A page measured from an address is not cached: the address stays out of the cache, and a
	// lookup that failed is tried again next time.
	const byAddress = nearIsAddress(query.near);
	const view = async () => {
		const [results, terms, areas] = await Promise.all([
			searchOffers(locals.db, query, locale, { locate, version: await contentVersion() }),
			taxonomy(locals.db),
			postalAreaList(locals.db)
		]);
		const config = appConfig();
		return {
			// The current search without its page number, for the pagination links.
			pageQuery: (() => {
				const params = new URLSearchParams(url.search);
				params.delete('page');
				const rest = params.toString();
				return rest ? `${rest}&page=` : 'page=';
			})(),
			query: {
				q: query.q,
				free: query.free,
				age: query.age ?? null,
				page: query.page,
				lang: query.lang,
				open: query.open,
				near: query.near ?? '',
				sort: query.sort
			},
			// A postcode or address that gave no distance: say why rather than silently ignore it.
			nearProblem: results.nearProblem,
			near: results.near,
			addresses: locate !== undefined,
			areas: areas
				.filter(
					(a) => (results.facets.area[a.postalCode] ?? 0) > 0 || query.area.includes(a.postalCode)
				)
				.map((a) => ({
					code: a.postalCode,
					label: `${a.postalCode} ${a.name}`,
					checked: query.area.includes(a.postalCode),
					count: results.facets.area[a.postalCode] ?? 0
				})),
			map: {
				tiles: config.MAP_TILE_URL,
				attribution: config.MAP_ATTRIBUTION,
				markers: results.items
					.filter((i) => i.place?.latitude != null && i.place?.longitude != null)
					.map((i) => ({
						title: i.title,
						href: localizedPath(`/tilbud/${i.slug}`, locale),
						place: `${i.place!.name}, ${i.place!.postalCode} ${i.place!.city}`,
						lat: i.place!.latitude!,
						lon: i.place!.longitude!
					}))
			},
			total: results.total,
			pages: Math.max(1, Math.ceil(results.total / PAGE_SIZE)),
			items: results.items,
			anyDemo: results.items.some((i) => i.isDemo),
			categories: termOptions(terms, 'category', locale, query.category, results.facets.category),
			audiences: termOptions(terms, 'audience', locale, query.audience, results.facets.audience),
			languages: Object.entries(results.facets.language)
				.sort((a, b) => b[1] - a[1])
				.map(([code, count]) => ({ code, count, checked: query.lang.includes(code) })),
			categoryNames: Object.fromEntries(
				termOptions(terms, 'category', locale).map((t) => [t.code, t.label])
			)
		};
	};
	return byAddress ? view() : cachedView(key, view);
};
