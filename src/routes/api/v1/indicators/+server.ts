import { json } from '@sveltejs/kit';
import { apiError, parseQuery } from '$lib/server/http/respond.ts';
import { activeStrategy } from '$lib/server/app.ts';
import { indicatorOverview } from '$lib/server/indicators/index.ts';
import { indicatorListQuery, type apiIndicatorList } from '$lib/schemas/strategy-api.ts';
import type { z } from 'zod';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const query = parseQuery(indicatorListQuery, url);
	if (!query.ok) return query.response;
	const strategy = await activeStrategy(query.data.lang);
	if (!strategy) return apiError(404, 'No strategy is active.');
	const cards = await indicatorOverview(locals.db, strategy);
	const body: z.infer<typeof apiIndicatorList> = {
		items: cards.map((c) => ({
			code: c.indicator.code,
			title: c.indicator.title,
			unit: c.indicator.unit,
			direction: c.indicator.direction,
			guidepost: c.guidepost.slug,
			latest: c.status.latest ?? null,
			baseline: c.status.baseline ?? null,
			status: c.status.status,
			statusReason: c.status.reason[query.data.lang],
			demo: c.isDemo
		}))
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
};
