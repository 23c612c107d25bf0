import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { StrategyView } from '../strategy/index.ts';
import { dataSummaries, observationsOf, type Observation } from './queries.ts';
import { observations } from './schema.ts';
import { indicatorStatus, type IndicatorStatus } from './status.ts';
import { chosenGroup, comparisonGroups, groupRank, type ComparisonGroup } from './groups.ts';

type StrategyIndicator = StrategyView['guideposts'][number]['indicators'][number];

export interface IndicatorCard {
	indicator: StrategyIndicator;
	guidepost: { slug: string; number: number; title: string };
	hasData: boolean;
	isDemo: boolean;
	/** The municipality's own series (total), oldest first. */
	series: { period: string; value: number | null; flags: string[] }[];
	status: IndicatorStatus;
	/** Latest minus baseline, in the indicator's unit (percentage points for shares). */
	change?: number;
}

function baselineOf(strategy: StrategyView, indicator: StrategyIndicator): string {
	return indicator.baselinePeriod ?? String(strategy.period.start - 1);
}

function card(
	strategy: StrategyView,
	indicator: StrategyIndicator,
	guidepost: IndicatorCard['guidepost'],
	rows: Pick<Observation, 'period' | 'value' | 'flags'>[],
	isDemo: boolean,
	hasData: boolean
): IndicatorCard {
	const series = rows.map((r) => ({ period: r.period, value: r.value, flags: r.flags }));
	const status = indicatorStatus(series, {
		direction: indicator.direction,
		unit: indicator.unit,
		baselinePeriod: baselineOf(strategy, indicator),
		breaks: indicator.breaks
	});
	const change =
		status.baseline && status.latest ? status.latest.value - status.baseline.value : undefined;
	return {
		indicator,
		guidepost,
		hasData,
		isDemo,
		series,
		status,
		...(change === undefined ? {} : { change })
	};
}

/** Every indicator of the strategy with its municipality series and status, in two queries. */
export async function indicatorOverview(db: Db, strategy: StrategyView): Promise<IndicatorCard[]> {
	const all = strategy.guideposts.flatMap((g) =>
		g.indicators.map((indicator) => ({
			indicator,
			guidepost: { slug: g.slug, number: g.number, title: g.title }
		}))
	);
	const codes = all.map((x) => x.indicator.code);
	const geo = strategy.municipality.code.padStart(3, '0');
	const [summaries, rows] = await Promise.all([
		dataSummaries(db, codes),
		codes.length === 0
			? Promise.resolve([])
			: db
					.select({
						code: observations.indicatorCode,
						period: observations.period,
						periodSort: observations.periodSort,
						value: observations.value,
						flags: observations.flags
					})
					.from(observations)
					.where(
						and(
							inArray(observations.indicatorCode, codes),
							eq(observations.geo, geo),
							eq(observations.breakdownKey, '')
						)
					)
					.orderBy(observations.periodSort)
	]);
	return all.map(({ indicator, guidepost }) => {
		const summary = summaries.get(indicator.code);
		return card(
			strategy,
			indicator,
			guidepost,
			rows.filter((r) => r.code === indicator.code),
			summary?.isDemo ?? false,
			(summary?.observations ?? 0) > 0
		);
	});
}

export interface IndicatorDetail extends IndicatorCard {
	geographies: string[];
	dimensions: Record<string, string[]>;
	/** Observations for the chosen geographies and breakdown, oldest first. */
	observations: Observation[];
	periods: string[];
}

/** One indicator with the series a reader chose: geographies and one value per breakdown. */
export async function indicatorDetail(
	db: Db,
	strategy: StrategyView,
	code: string,
	choice: { geos: string[]; breakdowns: Record<string, string> }
): Promise<IndicatorDetail | undefined> {
	const g = strategy.guideposts.find((x) => x.indicators.some((i) => i.code === code));
	const indicator = g?.indicators.find((i) => i.code === code);
	if (!g || !indicator) return undefined;
	const summary = (await dataSummaries(db, [code])).get(code);
	const geo = strategy.municipality.code.padStart(3, '0');
	const breakdowns = Object.fromEntries(
		Object.entries(choice.breakdowns).filter(([d, v]) => summary?.dimensions[d]?.includes(v))
	);
	const [own, chosen] = await Promise.all([
		observationsOf(db, code, { geo: [geo], breakdowns: {} }),
		observationsOf(db, code, { geo: [...new Set([geo, ...choice.geos])], breakdowns })
	]);
	const base = card(
		strategy,
		indicator,
		{ slug: g.slug, number: g.number, title: g.title },
		own,
		summary?.isDemo ?? false,
		(summary?.observations ?? 0) > 0
	);
	const periods = [...new Map(chosen.map((o) => [o.period, o.periodSort])).entries()]
		.sort((a, b) => a[1] - b[1])
		.map(([p]) => p);
	return {
		...base,
		geographies: summary?.geographies ?? [],
		dimensions: summary?.dimensions ?? {},
		observations: chosen,
		periods
	};
}

/**
 * Where the municipality ranks in each indicator's comparison group (the reader's choice, or
 * each indicator's default), in its latest period, totals only; in one query.
 */
export async function indicatorRanks(
	db: Db,
	strategy: StrategyView,
	asked: string | null
): Promise<Map<string, { group: ComparisonGroup; rank: number; of: number; period: string }>> {
	const groups = comparisonGroups();
	const own = strategy.municipality.code.padStart(3, '0');
	const chosen = strategy.guideposts
		.flatMap((g) => g.indicators)
		.flatMap((indicator) => {
			const group = chosenGroup(groups, asked, indicator.comparisonGroup);
			return group ? [{ indicator, group }] : [];
		});
	const ranks = new Map<
		string,
		{ group: ComparisonGroup; rank: number; of: number; period: string }
	>();
	if (chosen.length === 0) return ranks;
	const rows = await db
		.select({
			code: observations.indicatorCode,
			geo: observations.geo,
			period: observations.period,
			periodSort: observations.periodSort,
			value: observations.value
		})
		.from(observations)
		.where(
			and(
				inArray(
					observations.indicatorCode,
					chosen.map((c) => c.indicator.code)
				),
				inArray(observations.geo, [...new Set(chosen.flatMap((c) => c.group.members))]),
				eq(observations.breakdownKey, '')
			)
		);
	for (const { indicator, group } of chosen) {
		const rank = groupRank(
			group,
			own,
			indicator.direction,
			rows.filter((r) => r.code === indicator.code)
		);
		if (rank) ranks.set(indicator.code, { group, ...rank });
	}
	return ranks;
}
