import { statbankVintage } from './statbank.ts';
import type { Db } from '../db/index.ts';
import type { Locale, StrategyView } from '../strategy/index.ts';
import { lineChartSvg } from './charts.ts';
import { geographyName, NATIONAL } from './geography.ts';
import { indicatorDetail } from './overview.ts';

/**
 * What an indicator page shows for a reader's choice of areas and breakdown (plain GET
 * parameters: `geo` repeated, one parameter per breakdown dimension; unknown values ignored).
 */
export async function indicatorPageView(
	db: Db,
	strategy: StrategyView,
	code: string,
	params: URLSearchParams,
	locale: Locale
) {
	const own = strategy.municipality.code.padStart(3, '0');
	const chosenGeos = params.has('geo')
		? params.getAll('geo').filter((g) => /^\d{3}$/.test(g))
		: [NATIONAL];
	const breakdowns: Record<string, string> = {};
	for (const [name, value] of params) {
		if (name !== 'geo' && value !== '') breakdowns[name] = value;
	}
	const detail = await indicatorDetail(db, strategy, code, { geos: chosenGeos, breakdowns });
	if (!detail) return undefined;
	const geos = [own, ...detail.geographies.filter((g) => g !== own && chosenGeos.includes(g))];
	const series = geos.map((geo) => ({
		geo,
		name: geographyName(geo, locale),
		emphasis: geo === own,
		points: detail.observations
			.filter((o) => o.geo === geo)
			.map((o) => ({ period: o.period, value: o.value, flags: o.flags }))
	}));
	const { observations: _observations, ...shown } = detail;
	const synced = await statbankVintage(db, code);
	return {
		detail: shown,
		// "Danmarks Statistik, TABLE, opdateret 12. februar 2026": the date in Danish time.
		vintage: synced
			? {
					table: synced.table,
					date: synced.vintage.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
				}
			: null,
		own,
		geos,
		series,
		selected: Object.fromEntries(
			Object.entries(breakdowns).filter(([d, v]) => detail.dimensions[d]?.includes(v))
		),
		geographyOptions: detail.geographies
			.filter((g) => g !== own)
			.map((g) => ({ code: g, name: geographyName(g, locale) }))
	};
}

export type IndicatorPageView = NonNullable<Awaited<ReturnType<typeof indicatorPageView>>>;

/** The page's line chart as an SVG document. */
/**
 * The chart as a phone shows it: drawn at about the width it is shown at, so its labels stay
 * 13-14 px instead of shrinking to 5 px as a scaled-down wide chart's do.
 */
export const NARROW_CHART = { width: 320, height: 320, compact: true } as const;

export function indicatorChartSvg(
	view: IndicatorPageView,
	layout: 'wide' | 'narrow' = 'wide'
): string | undefined {
	if (view.detail.periods.length === 0) return undefined;
	return lineChartSvg({
		periods: view.detail.periods,
		series: view.series,
		unit: view.detail.indicator.unit === 'percent' ? '%' : '',
		...(layout === 'narrow' ? NARROW_CHART : {})
	});
}
