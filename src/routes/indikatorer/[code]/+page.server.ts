import { error } from '@sveltejs/kit';
import { cachedView } from '$lib/server/app.ts';
import {
	geographyName,
	indicatorDetail,
	lineChartSvg,
	NATIONAL
} from '$lib/server/indicators/index.ts';
import type { StrategyView } from '$lib/server/strategy/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url, locals }) => {
	const { strategy } = await parent();
	if (!strategy) error(404, 'Not found');
	// The data and chart depend only on the content, the language and the reader's choices.
	const view = await cachedView(
		`indicator:${locals.locale}:${params.code}:${url.searchParams.toString()}`,
		() => indicatorView(strategy, params.code, url, locals)
	);
	if (!view) error(404, 'Not found');
	return view;
};

async function indicatorView(strategy: StrategyView, code: string, url: URL, locals: App.Locals) {
	const own = strategy.municipality.code.padStart(3, '0');
	// Reader's choice from the form (plain GET, works without JavaScript); unknown values are ignored.
	const chosenGeos = url.searchParams.getAll('geo').filter((g) => /^\d{3}$/.test(g));
	const breakdowns: Record<string, string> = {};
	for (const [name, value] of url.searchParams) {
		if (name !== 'geo' && value !== '') breakdowns[name] = value;
	}
	const detail = await indicatorDetail(locals.db, strategy, code, {
		geos: url.searchParams.has('geo') ? chosenGeos : [NATIONAL],
		breakdowns
	});
	if (!detail) return undefined;
	const geos = [
		own,
		...detail.geographies.filter(
			(g) => g !== own && (url.searchParams.has('geo') ? chosenGeos : [NATIONAL]).includes(g)
		)
	];
	const series = geos.map((geo) => ({
		geo,
		name: geographyName(geo, locals.locale),
		emphasis: geo === own,
		points: detail.observations
			.filter((o) => o.geo === geo)
			.map((o) => ({ period: o.period, value: o.value, flags: o.flags }))
	}));
	const unit = detail.indicator.unit === 'percent' ? '%' : '';
	// Only what the page shows: SvelteKit serialises all load data on every render.
	const { observations: _observations, ...shown } = detail;
	return {
		detail: shown,
		own,
		geos,
		series,
		selected: Object.fromEntries(
			Object.entries(breakdowns).filter(([d, v]) => detail.dimensions[d]?.includes(v))
		),
		geographyOptions: detail.geographies
			.filter((g) => g !== own)
			.map((g) => ({ code: g, name: geographyName(g, locals.locale) })),
		chart:
			detail.periods.length > 0 ? lineChartSvg({ periods: detail.periods, series, unit }) : null
	};
}
