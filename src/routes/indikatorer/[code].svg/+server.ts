import { error } from '@sveltejs/kit';
import { activeStrategy, cachedView } from '$lib/server/app.ts';
import { indicatorChartSvg, indicatorPageView } from '$lib/server/indicators/index.ts';
import type { RequestHandler } from './$types';

/** The indicator page's chart, drawn on the server; the page shows it with the data table. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) error(404, 'Not found');
	// `?layout=narrow`: the phone's chart (the page offers it in a <picture> source).
	const query = new URLSearchParams(url.searchParams);
	const layout = query.get('layout') === 'narrow' ? 'narrow' : 'wide';
	query.delete('layout');
	const svg = await cachedView(
		`indicator-chart:${locals.locale}:${params.code}:${layout}:${query}`,
		async () => {
			const view = await indicatorPageView(locals.db, strategy, params.code, query, locals.locale);
			return view && (await indicatorChartSvg(view, layout));
		}
	);
	if (!svg) error(404, 'Not found');
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=60'
		}
	});
};
