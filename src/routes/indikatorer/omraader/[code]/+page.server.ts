import { error } from '@sveltejs/kit';
import { activeStrategy, cachedView } from '$lib/server/app.ts';
import { indicatorPageView } from '$lib/server/indicators/index.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

/**
 * Every area an indicator has figures for, to choose from: the indicator page lists only the
 * chosen ones when there are many. The form leads back to the indicator page with the reader's
 * other choices (breakdown, comparison group) kept.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) error(404, 'Not found');
	const view = await cachedView(
		`indicator:${locals.locale}:${params.code}:${url.searchParams}`,
		() => indicatorPageView(locals.db, strategy, params.code, url.searchParams, locals.locale)
	);
	if (!view) error(404, 'Not found');
	return serverRendered({
		indicator: { code: view.detail.indicator.code, title: view.detail.indicator.title },
		isDemo: view.detail.isDemo,
		options: view.geographyOptions,
		geos: view.geos,
		kept: [...url.searchParams].filter(([name]) => name !== 'geo')
	});
};
