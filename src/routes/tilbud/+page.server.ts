import { error } from '@sveltejs/kit';
import { offerQueryFromUrl } from '$lib/server/api/offer-query.ts';
import { cachedView } from '$lib/server/app.ts';
import { PAGE_SIZE, searchOffers, taxonomy, termOptions } from '$lib/server/directory/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = offerQueryFromUrl(url);
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	const locale = locals.locale;
	const minute = query.open ? `:${Math.floor(Date.now() / 60_000)}` : '';
	const key = `offers:${locale}:${url.search}${minute}`;
	return cachedView(key, async () => {
		const [results, terms] = await Promise.all([
			searchOffers(locals.db, query, locale),
			taxonomy(locals.db)
		]);
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
				lang: query.lang
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
	});
};
