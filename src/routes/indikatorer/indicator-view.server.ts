import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { activeStrategy, cachedView } from '$lib/server/app.ts';
import { indicatorPageView, type IndicatorPageView } from '$lib/server/indicators/index.ts';

/**
 * An indicator's page data for the reader's choices (areas, breakdown, group), as the indicator
 * page and its area page show it; 404 for an unknown indicator. It depends only on the content,
 * the language and the query, so it is kept until the content changes.
 */
export async function loadIndicatorView({
	params,
	url,
	locals
}: Pick<
	ServerLoadEvent<{ code: string }>,
	'params' | 'url' | 'locals'
>): Promise<IndicatorPageView> {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) error(404, 'Not found');
	const view = await cachedView(
		`indicator:${locals.locale}:${params.code}:${url.searchParams}`,
		() => indicatorPageView(locals.db, strategy, params.code, url.searchParams, locals.locale)
	);
	if (!view) error(404, 'Not found');
	return view;
}
