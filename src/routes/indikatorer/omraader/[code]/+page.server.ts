import { serverRendered } from '$lib/server-rendered.ts';
import { loadIndicatorView } from '../../indicator-view.server.ts';
import type { PageServerLoad } from './$types';

/**
 * Every area an indicator has figures for, to choose from: the indicator page lists only the
 * chosen ones when there are many. The form leads back to the indicator page with the reader's
 * other choices (breakdown, comparison group) kept.
 */
export const load: PageServerLoad = async (event) => {
	const view = await loadIndicatorView(event);
	return serverRendered({
		indicator: { code: view.detail.indicator.code, title: view.detail.indicator.title },
		isDemo: view.detail.isDemo,
		options: view.geographyOptions,
		geos: view.geos,
		kept: [...event.url.searchParams].filter(([name]) => name !== 'geo')
	});
};
