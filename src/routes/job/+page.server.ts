import { error } from '@sveltejs/kit';
import { opportunityQueryFromUrl } from '$lib/server/api/opportunity-query.ts';
import { cachedView } from '$lib/server/app.ts';
import {
	OPPORTUNITY_PAGE_SIZE,
	OPPORTUNITY_TYPES,
	searchOpportunities
} from '$lib/server/opportunities/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = opportunityQueryFromUrl(url);
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	// Postings close at their deadline: a cached answer is kept an hour at most.
	const hour = Math.floor(Date.now() / 3_600_000);
	return cachedView(`jobs:${locals.locale}:${url.search}:${hour}`, async () => {
		const results = await searchOpportunities(locals.db, query, locals.locale);
		const params = new URLSearchParams(url.search);
		params.delete('page');
		const rest = params.toString();
		return {
			query: {
				q: query.q,
				english: query.englishFriendly,
				hours: query.maxHours ?? null,
				deadline: query.deadlineFrom ?? '',
				sort: query.sort,
				page: query.page
			},
			pageQuery: rest ? `${rest}&page=` : 'page=',
			feedQuery: rest,
			total: results.total,
			pages: Math.max(1, Math.ceil(results.total / OPPORTUNITY_PAGE_SIZE)),
			types: OPPORTUNITY_TYPES.map((code) => ({
				code,
				count: results.types[code] ?? 0,
				checked: query.type.includes(code)
			})),
			items: results.items,
			anyDemo: results.items.some((i) => i.isDemo)
		};
	});
};
