import { serverRendered } from '$lib/server-rendered.ts';
import { loadIndicatorView } from '../indicator-view.server.ts';
import type { PageServerLoad } from './$types';

// The chart is a separate SVG (`<code>.svg` with the same query), drawn from the same view.
export const load: PageServerLoad = async (event) =>
	serverRendered({
		...(await loadIndicatorView(event)),
		chartQuery: event.url.searchParams.toString()
	});
