import { error } from '@sveltejs/kit';
import { openDatasets } from '$lib/open-data.ts';
import { activeStrategy } from '$lib/server/app.ts';
import type { PageServerLoad } from './$types';

/** `/data` (`/en/data`): every public dataset, its formats and the licence it is published under. */
export const load: PageServerLoad = async ({ locals }) => {
	const strategy = await activeStrategy(locals.locale);
	if (!strategy) error(404, 'Not found');
	const indicators = strategy.guideposts.flatMap((g) =>
		g.indicators.map((i) => ({ code: i.code, title: i.title }))
	);
	return {
		datasets: openDatasets(locals.locale, indicators),
		licence: strategy.municipality.dataLicence ?? null,
		municipality: strategy.municipality.name
	};
};
