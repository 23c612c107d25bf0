import { json } from '@sveltejs/kit';
import { apiError, parseQuery } from '$lib/server/http/respond.ts';
import { toApiStrategy } from '$lib/server/http/strategy.ts';
import { activeStrategy } from '$lib/server/app.ts';
import { strategyQuery } from '$lib/schemas/strategy-api.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const query = parseQuery(strategyQuery, url);
	if (!query.ok) return query.response;
	const strategy = await activeStrategy(query.data.lang);
	if (!strategy) return apiError(404, 'No strategy is active.');
	return json(toApiStrategy(strategy), {
		headers: { 'content-language': query.data.lang, 'cache-control': 'public, max-age=60' }
	});
};
