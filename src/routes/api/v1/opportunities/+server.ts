import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond.ts';
import { opportunityQueryFromUrl } from '$lib/server/api/opportunity-query.ts';
import { searchOpportunities } from '$lib/server/opportunities/index.ts';
import type { RequestHandler } from './$types';

/** The job board as JSON: open postings only, with counts per kind. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = opportunityQueryFromUrl(url);
	if (!parsed.ok) return apiError(400, 'Invalid query parameters', { details: parsed.problems });
	const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'da';
	const results = await searchOpportunities(locals.db, parsed.query, locale);
	return json(
		{
			total: results.total,
			facets: { type: results.types },
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
				demo: i.isDemo
			}))
		},
		{ headers: { 'cache-control': 'public, max-age=60' } }
	);
};
