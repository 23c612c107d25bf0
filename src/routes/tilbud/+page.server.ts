import { error } from '@sveltejs/kit';
import { offerQueryFromUrl } from '$lib/server/api/offer-query.ts';
import { cachedView } from '$lib/server/app.ts';
import { PAGE_SIZE, searchOffers, taxonomy } from '$lib/server/directory/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = offerQueryFromUrl(url);
	if (!parsed.ok) error(400, parsed.problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
	const query = parsed.query;
	const locale = locals.locale;
	const key = `offers:${locale}:${url.search}`;
	return cachedView(key, async () => {
		const [results, terms] = await Promise.all([
			searchOffers(locals.db, query, locale),
			taxonomy(locals.db)
		]);
		const label = (name: { da: string; en?: string }) =>
			locale === 'en' ? (name.en ?? name.da) : name.da;
		const vocabulary = (
			v: 'category' | 'audience',
			counts: Record<string, number>,
			chosen: string[]
		) =>
			terms
				.filter((t) => t.vocabulary === v)
				.map((t) => ({
					code: t.code,
					label: label(t.name),
					count: counts[t.code] ?? 0,
					checked: chosen.includes(t.code)
				}));
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
			categories: vocabulary('category', results.facets.category, query.category),
			audiences: vocabulary('audience', results.facets.audience, query.audience),
			languages: Object.entries(results.facets.language)
				.sort((a, b) => b[1] - a[1])
				.map(([code, count]) => ({ code, count, checked: query.lang.includes(code) })),
			categoryNames: Object.fromEntries(
				terms.filter((t) => t.vocabulary === 'category').map((t) => [t.code, label(t.name)])
			)
		};
	});
};
