import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { IndicatorDirection, StrategyDefinition } from '../strategy/index.ts';

/**
 * Comparison groups (taxonomy/comparison-groups.yaml): sets of municipalities an indicator is
 * compared with. A group's line is the median (or mean) of its members other than the
 * municipality itself, and the municipality's rank is counted among all members.
 */
const code = z.string().regex(/^\d{3}$/, 'must be a three-digit municipality code such as "851"');
const groupFile = z
	.strictObject({
		default: z.string(),
		groups: z
			.array(
				z.strictObject({
					slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug'),
					name: z.strictObject({ da: z.string().min(1), en: z.string().min(1).optional() }),
					/** For a chart's legend, where the name is too long: "Nordjylland". */
					short: z
						.strictObject({ da: z.string().min(1), en: z.string().min(1).optional() })
						.optional(),
					statistic: z.enum(['median', 'mean']).default('median'),
					members: z.array(code).min(2, 'a group needs at least two municipalities')
				})
			)
			.min(1)
	})
	.refine((f) => f.groups.some((g) => g.slug === f.default), {
		message: 'must be the slug of one of the groups',
		path: ['default']
	})
	.refine((f) => new Set(f.groups.map((g) => g.slug)).size === f.groups.length, {
		message: 'two groups have the same slug',
		path: ['groups']
	});

export type ComparisonGroups = z.infer<typeof groupFile>;
export type ComparisonGroup = ComparisonGroups['groups'][number];

export const COMPARISON_GROUPS_FILE = 'taxonomy/comparison-groups.yaml';

/** Reads and checks a groups file; every problem is named by its path. */
export function parseComparisonGroups(text: string): ComparisonGroups {
	const result = groupFile.safeParse(parse(text));
	if (!result.success)
		throw new Error(
			`comparison groups: ${result.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`
		);
	return result.data;
}

let cached: ComparisonGroups | undefined;

/** The installation's groups, read once from taxonomy/comparison-groups.yaml. */
export function comparisonGroups(): ComparisonGroups {
	cached ??= parseComparisonGroups(readFileSync(resolve(COMPARISON_GROUPS_FILE), 'utf8'));
	return cached;
}

/** The group a reader chose (`gruppe`), else the indicator's own default, else the file's. */
export function chosenGroup(
	groups: ComparisonGroups,
	asked: string | null,
	indicatorDefault: string | undefined
): ComparisonGroup | undefined {
	if (asked === 'ingen') return undefined;
	const find = (slug: string | null | undefined) => groups.groups.find((g) => g.slug === slug);
	return find(asked) ?? find(indicatorDefault) ?? find(groups.default);
}

/** The median or mean of the values; undefined when there are none. */
export function groupValue(values: number[], statistic: 'median' | 'mean'): number | undefined {
	if (values.length === 0) return undefined;
	if (statistic === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The group's line: per period, the statistic of the other members' published values, and how
 * many there were. A period with fewer than two is left out, as one value is no comparison.
 */
export function groupSeries(
	group: ComparisonGroup,
	own: string,
	rows: { geo: string; period: string; value: number | null }[],
	periods: string[]
): { period: string; value: number; count: number }[] {
	const others = new Set(group.members.filter((m) => m !== own));
	return periods.flatMap((period) => {
		const values = rows
			.filter((r) => r.period === period && others.has(r.geo) && r.value !== null)
			.map((r) => r.value!);
		const value = groupValue(values, group.statistic);
		return value === undefined || values.length < 2
			? []
			: [{ period, value: Math.round(value * 100) / 100, count: values.length }];
	});
}

/**
 * Where the municipality ranks in the group in the latest period it has a value for: 1 is
 * best, in the direction the strategy wants (lowest dropout, highest share in education).
 * Members without a published value that period are not counted.
 */
export function groupRank(
	group: ComparisonGroup,
	own: string,
	direction: IndicatorDirection,
	rows: { geo: string; period: string; periodSort: number; value: number | null }[]
): { rank: number; of: number; period: string } | undefined {
	const members = new Set(group.members);
	if (!members.has(own)) return undefined;
	const latest = rows
		.filter((r) => r.geo === own && r.value !== null)
		.sort((a, b) => b.periodSort - a.periodSort)[0];
	if (!latest) return undefined;
	const values = rows.filter(
		(r) => r.period === latest.period && members.has(r.geo) && r.value !== null
	);
	if (values.length < 2) return undefined;
	const better = values.filter((r) =>
		direction === 'decrease' ? r.value! < latest.value! : r.value! > latest.value!
	).length;
	return { rank: better + 1, of: values.length, period: latest.period };
}

/** Indicators of a strategy whose `comparisonGroup` is not one of the installation's groups. */
export function unknownComparisonGroups(
	strategy: StrategyDefinition,
	groups: ComparisonGroups = comparisonGroups()
): { path: string; message: string }[] {
	const slugs = groups.groups.map((g) => g.slug);
	return strategy.guideposts.flatMap((g, gi) =>
		g.indicators.flatMap((indicator, ii) =>
			indicator.comparisonGroup && !slugs.includes(indicator.comparisonGroup)
				? [
						{
							path: `guideposts[${gi}].indicators[${ii}].comparisonGroup`,
							message: `no comparison group "${indicator.comparisonGroup}" in ${COMPARISON_GROUPS_FILE} (it has ${slugs.join(', ')})`
						}
					]
				: []
		)
	);
}
