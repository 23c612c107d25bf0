import { formatValue } from '../../format.ts';
import { statbankVintage } from './statbank.ts';
import {
	chosenGroup,
	comparisonGroups,
	groupRank,
	groupSeries,
	type ComparisonGroup
} from './groups.ts';
import { observationsOf } from './queries.ts';
import type { Db } from '../db/index.ts';
import type { Locale, StrategyView } from '../strategy/index.ts';
import { lineChartSvg, type ChartSeries } from './charts.ts';
import { geographyName, NATIONAL } from './geography.ts';
import { indicatorDetail } from './overview.ts';

/**
 * What an indicator page shows for a reader's choice of areas, breakdown and comparison group
 * (plain GET parameters: `geo` repeated, `gruppe` (a group's slug, or `ingen`), one parameter
 * per breakdown dimension; unknown values ignored).
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
		if (name !== 'geo' && name !== 'gruppe' && value !== '') breakdowns[name] = value;
	}
	const detail = await indicatorDetail(db, strategy, code, { geos: chosenGeos, breakdowns });
	if (!detail) return undefined;
	const geos = [own, ...detail.geographies.filter((g) => g !== own && chosenGeos.includes(g))];
	const series: (Omit<ChartSeries, 'points'> & {
		geo: string;
		points: { period: string; value: number | null; flags: string[] }[];
	})[] = geos.map((geo) => ({
		geo,
		name: geographyName(geo, locale),
		emphasis: geo === own,
		points: detail.observations
			.filter((o) => o.geo === geo)
			.map((o) => ({ period: o.period, value: o.value, flags: o.flags }))
	}));
	// The comparison group: its median (or mean) as a dotted line, and the municipality's rank.
	const groups = comparisonGroups();
	const group = chosenGroup(groups, params.get('gruppe'), detail.indicator.comparisonGroup);
	const selected = Object.fromEntries(
		Object.entries(breakdowns).filter(([d, v]) => detail.dimensions[d]?.includes(v))
	);
	let rank: ReturnType<typeof groupRank>;
	if (group) {
		const rows = await observationsOf(db, code, { geo: group.members, breakdowns: selected });
		const line = groupSeries(group, own, rows, detail.periods);
		if (line.length > 0)
			series.push({
				geo: `gruppe:${group.slug}`,
				name: groupLineName(group, geographyName(own, locale), locale),
				legend: `${group.statistic === 'median' ? 'Median' : locale === 'en' ? 'Mean' : 'Gennemsnit'}, ${(locale === 'en' ? group.short?.en : undefined) ?? group.short?.da ?? group.name[locale] ?? group.name.da}`,
				emphasis: false,
				dotted: true,
				points: line.map((p) => ({ period: p.period, value: p.value, flags: [] }))
			});
		rank = groupRank(group, own, detail.indicator.direction, rows);
	}
	const { observations: _observations, ...shown } = detail;
	// The table's cells, written once per view rather than on every render.
	const table = detail.periods.map((period) => ({
		period,
		cells: series.map((s) => {
			const point = s.points.find((p) => p.period === period);
			return {
				geo: s.geo,
				text:
					point?.value === undefined || point.value === null
						? undefined
						: formatValue(point.value, detail.indicator.unit, locale),
				missing: point === undefined,
				provisional: point?.flags.includes('provisional') ?? false
			};
		})
	}));
	const synced = await statbankVintage(db, code);
	return {
		locale,
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
		table,
		selected,
		group: group
			? {
					slug: group.slug,
					name: group.name[locale] ?? group.name.da,
					...(rank ? { rank } : {})
				}
			: null,
		groupOptions: groups.groups.map((g) => ({ slug: g.slug, name: g.name[locale] ?? g.name.da })),
		// More areas than a form shows well (every municipality from Statistics Denmark is 98):
		// the page lists the chosen ones and links to a page that lists them all.
		manyAreas: detail.geographies.length - 1 > AREAS_ON_PAGE,
		geographyOptions: detail.geographies
			.filter((g) => g !== own)
			.map((g) => ({
				code: g,
				name: geographyName(g, locale),
				// The whole country and the regions, then the municipalities, each listed by name.
				wide: g === NATIONAL || g.startsWith('08')
			}))
			.sort((a, b) => Number(b.wide) - Number(a.wide) || a.name.localeCompare(b.name, 'da'))
	};
}

/** How many areas the indicator page's form lists itself; above it, it links to the area page. */
export const AREAS_ON_PAGE = 24;

export type IndicatorPageView = NonNullable<Awaited<ReturnType<typeof indicatorPageView>>>;

/** "Median for kommunerne i Region Nordjylland (uden Aalborg)". */
function groupLineName(group: ComparisonGroup, own: string, locale: Locale): string {
	const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
	if (locale === 'en')
		return `${group.statistic === 'median' ? 'Median' : 'Mean'} of ${lower(group.name.en ?? group.name.da)} (excluding ${own})`;
	return `${group.statistic === 'median' ? 'Median' : 'Gennemsnit'} for ${lower(group.name.da)} (uden ${own})`;
}

/**
 * The chart as a phone shows it: drawn at about the width it is shown at, so its labels stay
 * 13-14 px instead of shrinking to 5 px as a scaled-down wide chart's do.
 */
export const NARROW_CHART = { width: 320, height: 320, compact: true } as const;

export async function indicatorChartSvg(
	view: IndicatorPageView,
	layout: 'wide' | 'narrow' = 'wide'
): Promise<string | undefined> {
	if (view.detail.periods.length === 0) return undefined;
	return lineChartSvg({
		periods: view.detail.periods,
		series: view.series,
		unit: view.detail.indicator.unit === 'percent' ? '%' : '',
		locale: view.locale,
		...(layout === 'narrow' ? NARROW_CHART : {})
	});
}
