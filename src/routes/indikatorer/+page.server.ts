import { activeStrategy, cachedView } from '$lib/server/app.ts';
import {
	comparisonGroups,
	indicatorOverview,
	indicatorRanks,
	sparklineSvg
} from '$lib/server/indicators/index.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) return { overview: null, cards: [] };
	// `gruppe`: one group for every indicator's rank; without it, each indicator's own group.
	const groups = comparisonGroups();
	const asked = url.searchParams.get('gruppe');
	const group = groups.groups.some((g) => g.slug === asked) ? asked : null;
	const view = await cachedView(`indicators:${locals.locale}:${group ?? ''}`, async () => {
		const [cards, ranks] = await Promise.all([
			indicatorOverview(locals.db, strategy),
			indicatorRanks(locals.db, strategy, group)
		]);
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
			group,
			groupOptions: groups.groups.map((g) => ({
				slug: g.slug,
				name: g.name[locals.locale] ?? g.name.da
			})),
			cards: await Promise.all(
				cards.map(async (c) => {
					const rank = ranks.get(c.indicator.code);
					return {
						...c,
						sparkline: c.series.some((p) => p.value !== null) ? await sparklineSvg(c.series) : null,
						rank: rank
							? {
									rank: rank.rank,
									of: rank.of,
									period: rank.period,
									group: rank.group.name[locals.locale] ?? rank.group.name.da
								}
							: null
					};
				})
			)
		};
	});
	return serverRendered(view);
};
