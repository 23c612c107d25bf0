import { json } from '@sveltejs/kit';
import type { ApiOpportunityList } from '$lib/schemas/strategy-api.ts';
import { localizedPath } from '$lib/i18n/routes.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { appLocate, contentVersion } from '$lib/server/app.ts';
import { nearIsAddress } from '$lib/server/search/index.ts';
import { searchOpportunities, opportunityQueryFromUrl } from '$lib/server/opportunities/index.ts';
import type { RequestHandler } from './$types';

/** The job board as JSON: open postings only, with counts per kind, field and level. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const locate = appLocate();
	const parsed = opportunityQueryFromUrl(url, { addresses: locate !== undefined });
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchOpportunities(locals.db, parsed.query, locale, new Date(), {
		version: await contentVersion(),
		locate
	});
	const body: ApiOpportunityList = {
		total: results.total,
		near: results.near,
		nearProblem: results.nearProblem,
		facets: { type: results.types, field: results.fields, level: results.levels },
		items: results.items.map((i) => ({
			id: i.id,
			slug: i.slug,
			type: i.type,
			title: i.title,
			organization: i.organization,
			city: i.city,
			remote: i.remote,
			deadline: i.deadline,
			hoursPerWeek: i.hoursPerWeek,
			englishFriendly: i.englishFriendly,
			distanceKm: i.distanceKm,
			url: new URL(localizedPath(`/job/${i.slug}`, locale), url).href,
			demo: i.isDemo,
			published: new Date(i.createdAt).toISOString(),
			updated: new Date(i.updatedAt).toISOString()
		}))
	};
	return json(
		body,
		// An answer measured from an address is the reader's own: no shared cache keeps it.
		{
			headers: {
				'cache-control': nearIsAddress(parsed.query.near)
					? 'private, no-store'
					: 'public, max-age=60'
			}
		}
	);
};
