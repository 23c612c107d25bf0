import { error } from '@sveltejs/kit';
import { appConfig, appLocate, cachedView, contentVersion } from '$lib/server/app.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import {
	offerSearchPage,
	postalAreaList,
	searchOffers,
	taxonomy,
	offerQueryFromUrl
} from '$lib/server/directory/index.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = offerQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	const locale = locals.locale;
	const minute = query.open ? `:${Math.floor(Date.now() / 60_000)}` : '';
	const view = async () => {
		const [results, terms, areas] = await Promise.all([
			searchOffers(locals.db, query, locale, { locate, version: await contentVersion() }),
			taxonomy(locals.db),
			postalAreaList(locals.db)
		]);
		const config = appConfig();
		return {
			...offerSearchPage({
				results,
				query,
				search: url.search,
				locale,
				terms,
				areas,
				offerPath: (slug) => localizedPath(`/tilbud/${slug}`, locale)
			}),
			query: {
				q: query.q,
				free: query.free,
				age: query.age ?? null,
				page: query.page,
				open: query.open,
				near: query.near ?? '',
				sort: query.sort
			},
			addresses: locate !== undefined,
			tiles: config.MAP_TILE_URL,
			attribution: config.MAP_ATTRIBUTION
		};
	};
	// A page measured from an address is not cached: the address stays out of the cache, and a
	// lookup that failed is tried again next time.
	return serverRendered(
		await (nearIsAddress(query.near)
			? view()
			: cachedView(`offers:${locale}:${url.search}${minute}`, view))
	);
};
