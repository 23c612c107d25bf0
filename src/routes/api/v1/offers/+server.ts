import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http/respond.ts';
import { appLocate, contentVersion } from '$lib/server/app.ts';
import { searchOffers, offerQueryFromUrl } from '$lib/server/directory/index.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import type { RequestHandler } from './$types';

/** The directory search as JSON: ranked best first, with facet counts. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = offerQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchOffers(locals.db, parsed.query, locale, {
		locate,
		version: await contentVersion()
	});
	const byAddress = nearIsAddress(parsed.query.near);
	return json(
		{
			total: results.total,
			near: results.near,
			nearProblem: results.nearProblem,
			facets: results.facets,
			items: results.items.map((i) => ({
				id: i.id,
				slug: i.slug,
				title: i.title,
				organization: i.organization,
				categories: i.categories,
				url: i.url,
				demo: i.isDemo,
				place: i.place,
				distanceKm: i.distanceKm
			}))
		},
		// An answer measured from an address is the reader's own: no shared cache keeps it.
		{ headers: { 'cache-control': byAddress ? 'private, no-store' : 'public, max-age=60' } }
	);
};
