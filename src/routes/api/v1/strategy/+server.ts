import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond.ts';
import { toApiStrategy } from '$lib/server/api/strategy.ts';
import { activeStrategy } from '$lib/server/app.ts';
import { strategyQuery } from '$lib/schemas/strategy-api.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const query = strategyQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) {
		return apiError(400, 'Invalid query parameters', {
			details: query.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }))
		});
	}
	const strategy = await activeStrategy(query.data.lang);
	if (!strategy) return apiError(404, 'No strategy is active.');
	return json(toApiStrategy(strategy), {
		headers: { 'content-language': query.data.lang, 'cache-control': 'public, max-age=60' }
	});
};
