import { activeStrategy } from '$lib/server/app.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

/** The front page's part of the strategy: vision, pejlemærker and indicators. */
export const load: PageServerLoad = async ({ locals }) => {
	const s = await activeStrategy(locals.locale);
	if (!s) return { strategy: null };
	return serverRendered({
		strategy: {
			title: s.title,
			period: s.period,
			municipality: { name: s.municipality.name },
			vision: { statement: s.vision.statement, guidepostsIntro: s.vision.guidepostsIntro },
			guideposts: s.guideposts.map((g) => ({
				slug: g.slug,
				number: g.number,
				title: g.title,
				ambitions: g.ambitions.slice(0, 1),
				indicators: g.indicators.map((i) => ({
					code: i.code,
					title: i.title,
					direction: i.direction
				}))
			}))
		}
	});
};
