import { cachedView } from '$lib/server/app.ts';
import { indicatorOverview, sparklineSvg } from '$lib/server/indicators/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { strategy } = await parent();
	if (!strategy) return { cards: [] };
	return cachedView(`indicators:${locals.locale}`, async () => {
		const cards = await indicatorOverview(locals.db, strategy);
		return {
			cards: cards.map((c) => ({
				...c,
				sparkline: c.series.some((p) => p.value !== null) ? sparklineSvg(c.series) : null
			}))
		};
	});
};
