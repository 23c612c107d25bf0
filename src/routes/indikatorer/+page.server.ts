import { activeStrategy, cachedView } from '$lib/server/app.ts';
import { indicatorOverview, sparklineSvg } from '$lib/server/indicators/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) return { overview: null, cards: [] };
	return cachedView(`indicators:${locals.locale}`, async () => {
		const cards = await indicatorOverview(locals.db, strategy);
		return {
			overview: {
				municipality: strategy.municipality.name,
				baselineYear: strategy.period.start - 1,
				guideposts: strategy.guideposts.map((g) => ({
					slug: g.slug,
					number: g.number,
					title: g.title
				}))
			},
			cards: cards.map((c) => ({
				...c,
				sparkline: c.series.some((p) => p.value !== null) ? sparklineSvg(c.series) : null
			}))
		};
	});
};
