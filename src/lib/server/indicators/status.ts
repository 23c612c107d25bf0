/**
 * An indicator's status: its latest value against the baseline (the last period before the
 * strategy) in the direction the strategy wants. The method follows Open SDG's progress
 * measure (Statistics Canada's, after Eurostat); docs/methodology.md explains it and its
 * thresholds. Every status carries its reasoning in Danish and English.
 */
import type { LocalizedText } from '../strategy/index.ts';
import { formatValue } from '../../format.ts';
import { parsePeriod } from './periods.ts';

export type StatusCode =
	'clear-improvement' | 'improvement' | 'no-clear-change' | 'worsening' | 'not-enough-data';

export interface SeriesPoint {
	period: string;
	value: number | null;
}

export interface StatusInput {
	direction: 'decrease' | 'increase';
	unit: 'percent' | 'count' | 'rate';
	baselinePeriod: string;
	breaks?: { period: string }[];
	target?: { value: number; period: string };
}

export interface IndicatorStatus {
	status: StatusCode;
	baseline?: { period: string; value: number };
	latest?: { period: string; value: number };
	/** Yearly rate of progress in the wanted direction (0.012 is 1.2 % a year). */
	progressPerYear?: number;
	reason: Required<LocalizedText>;
}

/** Thresholds on the yearly rate of progress when there is no target (Eurostat's 1 %, with a dead band). */
export const THRESHOLDS = { clear: 0.01, some: 0.005 } as const;
/** Thresholds on actual progress as a share of the progress needed to reach a target. */
export const TARGET_THRESHOLDS = { onTrack: 0.95, moderate: 0.5 } as const;

/** A rate as a percentage with one decimal; a rate that rounds to zero is "0,0 %", never "-0,0 %". */
const pct = (x: number, locale: 'da' | 'en') =>
	formatValue(Math.round(x * 1000) / 10 || 0, 'percent', locale);

function notEnough(
	da: string,
	en: string,
	partial: Partial<IndicatorStatus> = {}
): IndicatorStatus {
	return { status: 'not-enough-data', ...partial, reason: { da, en } };
}

export function indicatorStatus(series: SeriesPoint[], input: StatusInput): IndicatorStatus {
	const sortKey = (p: string) => {
		const r = parsePeriod(p);
		return r.ok ? r.period : undefined;
	};
	const base = sortKey(input.baselinePeriod);
	if (!base)
		return notEnough(
			`Basisperioden ${input.baselinePeriod} kan ikke læses.`,
			`The baseline period ${input.baselinePeriod} cannot be read.`
		);
	const points = series
		.map((p) => ({ ...p, key: sortKey(p.period) }))
		.filter(
			(p): p is SeriesPoint & { key: NonNullable<ReturnType<typeof sortKey>> } =>
				p.key !== undefined
		)
		.sort((a, b) => a.key.sortKey - b.key.sortKey);

	const baselinePoint = points.find((p) => p.key.text === base.text);
	if (!baselinePoint || baselinePoint.value === null) {
		return notEnough(
			`Der er ingen offentliggjort værdi for basisperioden ${base.text}.`,
			`There is no published value for the baseline period ${base.text}.`
		);
	}
	const baseline = { period: baselinePoint.period, value: baselinePoint.value };
	const later = points.filter((p) => p.key.sortKey > base.sortKey && p.value !== null);
	const latestPoint = later.at(-1);
	if (!latestPoint || latestPoint.value === null) {
		return notEnough(
			`Der er endnu ingen offentliggjort værdi efter basisperioden ${base.text}.`,
			`There is no published value after the baseline period ${base.text} yet.`,
			{ baseline }
		);
	}
	const latest = { period: latestPoint.period, value: latestPoint.value };
	const brk = (input.breaks ?? [])
		.map((b) => sortKey(b.period))
		.find(
			(k) => k !== undefined && k.sortKey > base.sortKey && k.sortKey <= latestPoint.key.sortKey
		);
	if (brk) {
		return notEnough(
			`Der er brud i serien i ${brk.text}, så værdierne før og efter kan ikke sammenlignes.`,
			`The series has a break in ${brk.text}, so values before and after cannot be compared.`,
			{ baseline, latest }
		);
	}
	const years = latestPoint.key.year - base.year;

	// Shares move more slowly near 100 %: measure an increase by the shrinking gap to 100 %.
	const gapToLimit = input.unit === 'percent' && input.direction === 'increase';
	const x0 = gapToLimit ? 100 - baseline.value : baseline.value;
	const x1 = gapToLimit ? 100 - latest.value : latest.value;
	const wantDown = gapToLimit || input.direction === 'decrease';
	const from = `${baseline.period} → ${latest.period}`;

	if (x0 <= 0) {
		// A growth rate from zero is undefined: judge the sign of the change only.
		const moved = wantDown ? x0 - x1 : x1 - x0;
		const status: StatusCode =
			moved === 0 ? 'no-clear-change' : moved > 0 ? 'improvement' : 'worsening';
		return {
			status,
			baseline,
			latest,
			reason: {
				da: `Basisværdien er 0${gapToLimit ? ' % til grænsen på 100 %' : ''}, så der kan ikke beregnes en vækstrate; status bygger kun på retningen af ændringen (${from}).`,
				en: `The baseline is 0${gapToLimit ? ' % from the limit of 100 %' : ''}, so no growth rate can be computed; the status rests on the direction of the change alone (${from}).`
			}
		};
	}
	const cagr = Math.pow(Math.max(x1, 0) / x0, 1 / years) - 1;
	const progress = wantDown ? -cagr : cagr;
	const measuredStatus = (
		status: StatusCode,
		reason: Required<LocalizedText>
	): IndicatorStatus => ({
		status,
		baseline,
		latest,
		progressPerYear: progress,
		reason
	});

	if (input.target) {
		const t = sortKey(input.target.period);
		const xt = gapToLimit ? 100 - input.target.value : input.target.value;
		if (t && t.year > base.year && xt > 0) {
			const needed = Math.pow(xt / x0, 1 / (t.year - base.year)) - 1;
			const neededProgress = wantDown ? -needed : needed;
			const ratio = neededProgress === 0 ? (progress >= 0 ? 1 : -1) : progress / neededProgress;
			const status: StatusCode =
				ratio >= TARGET_THRESHOLDS.onTrack
					? 'clear-improvement'
					: ratio >= TARGET_THRESHOLDS.moderate
						? 'improvement'
						: ratio >= 0
							? 'no-clear-change'
							: 'worsening';
			return measuredStatus(status, {
				da: `Udviklingen ${from} svarer til ${pct(progress, 'da')} om året i den ønskede retning; for at nå målet på ${input.target.value} i ${t.text} kræves ${pct(neededProgress, 'da')} om året.`,
				en: `The change ${from} amounts to ${pct(progress, 'en')} a year in the wanted direction; reaching the target of ${input.target.value} in ${t.text} takes ${pct(neededProgress, 'en')} a year.`
			});
		}
	}

	const status: StatusCode =
		progress >= THRESHOLDS.clear
			? 'clear-improvement'
			: progress >= THRESHOLDS.some
				? 'improvement'
				: progress > -THRESHOLDS.some
					? 'no-clear-change'
					: 'worsening';
	const measured = gapToLimit
		? { da: 'afstanden til 100 %', en: 'the gap to 100 %' }
		: { da: 'værdien', en: 'the value' };
	return measuredStatus(status, {
		da: `Fra ${from} har ${measured.da} udviklet sig med ${pct(progress, 'da')} om året i den ønskede retning (mindst ${pct(THRESHOLDS.clear, 'da')}: klar forbedring; ${pct(THRESHOLDS.some, 'da')}-${pct(THRESHOLDS.clear, 'da')}: forbedring; under ${pct(THRESHOLDS.some, 'da')} begge veje: ingen klar ændring).`,
		en: `From ${from}, ${measured.en} has moved ${pct(progress, 'en')} a year in the wanted direction (at least ${pct(THRESHOLDS.clear, 'en')}: clear improvement; ${pct(THRESHOLDS.some, 'en')}-${pct(THRESHOLDS.clear, 'en')}: improvement; under ${pct(THRESHOLDS.some, 'en')} either way: no clear change).`
	});
}
