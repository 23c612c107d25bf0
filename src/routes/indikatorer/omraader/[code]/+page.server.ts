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
	const gruppe = event.url.searchParams.get('gruppe');
	return serverRendered({
		indicator: { code: view.detail.indicator.code, title: view.detail.indicator.title },
		isDemo: view.detail.isDemo,
		options: view.geographyOptions,
		geos: view.geos,
		// The breakdown and the group the reader chose, as far as the indicator page knows them.
		kept: [
			...Object.entries(view.selected),
			...(gruppe && (gruppe === 'ingen' || gruppe === view.group?.slug) ? [['gruppe', gruppe]] : [])
		]
	});
};
