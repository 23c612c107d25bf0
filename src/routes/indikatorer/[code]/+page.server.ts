import { error } from '@sveltejs/kit';
import { activeStrategy, cachedView } from '$lib/server/app.ts';
import { indicatorPageView } from '$lib/server/indicators/index.ts';
import { serverRendered } from '$lib/server-rendered.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) error(404, 'Not found');
	// The data depends only on the content, the language and the reader's choices. The chart is
	// a separate SVG (`<code>.svg` with the same query) so the page's load data stays small.
	const view = await cachedView(
		`indicator:${locals.locale}:${params.code}:${url.searchParams}`,
		() => indicatorPageView(locals.db, strategy, params.code, url.searchParams, locals.locale)
	);
	if (!view) error(404, 'Not found');
	return serverRendered({ ...view, chartQuery: url.searchParams.toString() });
};
