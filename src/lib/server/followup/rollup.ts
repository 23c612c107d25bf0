import { LIFECYCLES, type Health, type Lifecycle } from './schema.ts';

/** Progress from milestones when there are any (share done), else as entered or approved. */
export function effectiveProgress(progress: number, steps: { total: number; done: number }) {
	return steps.total > 0 ? Math.round((100 * steps.done) / steps.total) : progress;
}

export interface RollupItem {
	lifecycle: Lifecycle;
	health: Health | null;
	progress: number;
	budgetOre: number | null;
}

export interface Rollup {
	initiatives: number;
	lifecycle: Record<Lifecycle, number>;
	health: { green: number; yellow: number; red: number; none: number };
	/** Weighted mean progress 0–100, or null with no initiatives. */
	progress: number | null;
	/** Budget when every initiative has one (and they sum to more than 0), else a plain mean. */
	weightedBy: 'budget' | 'count';
}

/** Initiatives under an action or a guidepost, counted by lifecycle and health, and their progress. */
export function rollUp(items: readonly RollupItem[]): Rollup {
	const lifecycle = Object.fromEntries(LIFECYCLES.map((l) => [l, 0])) as Record<Lifecycle, number>;
	const health = { green: 0, yellow: 0, red: 0, none: 0 };
	for (const item of items) {
		lifecycle[item.lifecycle]++;
		health[item.health ?? 'none']++;
	}
	const budgets = items.map((i) => i.budgetOre);
	const byBudget =
		items.length > 0 &&
		budgets.every((b): b is number => b !== null) &&
		budgets.reduce((a, b) => a + b, 0) > 0;
	let progress: number | null = null;
	if (items.length > 0) {
		const weight = (i: RollupItem) => (byBudget ? i.budgetOre! : 1);
		const total = items.reduce((sum, i) => sum + weight(i), 0);
		progress =
			Math.round((10 * items.reduce((sum, i) => sum + weight(i) * i.progress, 0)) / total) / 10;
	}
	return {
		initiatives: items.length,
		lifecycle,
		health,
		progress,
		weightedBy: byBudget ? 'budget' : 'count'
	};
}
