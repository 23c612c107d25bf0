import { json } from '@sveltejs/kit';
import { hasControlCharacters } from '$lib/text.ts';
import { apiError } from '$lib/server/http/respond.ts';
import { activeStrategy } from '$lib/server/app.ts';
import {
	dataSummaries,
	observationsOf,
	parseGeography,
	parsePeriod
} from '$lib/server/indicators/index.ts';
import type { RequestHandler } from './$types';

/** `?geo=851&geo=000&period=2023&køn=Kvinder`: geo and period repeatable; any other parameter picks a breakdown. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const strategy = await activeStrategy('da');
	const known = strategy?.guideposts
		.flatMap((g) => g.indicators)
		.some((i) => i.code === params.code);
	if (!known) return apiError(404, `No indicator with code "${params.code}".`);
	const details: { parameter: string; message: string }[] = [];
	const geo = url.searchParams.getAll('geo').map((g) => {
		const r = parseGeography(g);
		if (!r.ok) details.push({ parameter: 'geo', message: r.message });
		return r.ok ? r.code : g;
	});
	const period = url.searchParams.getAll('period').map((p) => {
		const r = parsePeriod(p);
		if (!r.ok) details.push({ parameter: 'period', message: r.message });
		return r.ok ? r.period.text : p;
	});
	const summary = (await dataSummaries(locals.db, [params.code])).get(params.code);
	const breakdowns: Record<string, string> = {};
	for (const [name, value] of url.searchParams) {
		if (name === 'geo' || name === 'period') continue;
		if (hasControlCharacters(value) || value.length > 200) {
			details.push({
				parameter: name,
				message: 'a breakdown value is text of at most 200 characters without control characters'
			});
		} else if (!summary?.dimensions[name]) {
			details.push({
				parameter: name,
				message: `unknown breakdown; this indicator has ${Object.keys(summary?.dimensions ?? {}).join(', ') || 'none'}`
			});
		} else breakdowns[name] = value;
	}
	if (details.length > 0) return apiError(400, 'Invalid query parameters', { details });
	const rows = await observationsOf(locals.db, params.code, {
		geo,
		period,
		...(Object.keys(breakdowns).length > 0 ? { breakdowns } : {})
	});
	return json(
		{
			items: rows.map((r) => ({
				period: r.period,
				geo: r.geo,
				breakdowns: r.breakdowns,
				value: r.value,
				flags: r.flags
			})),
			demo: summary?.isDemo ?? false
		},
		{ headers: { 'cache-control': 'public, max-age=60' } }
	);
};
