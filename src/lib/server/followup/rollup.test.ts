import { describe, expect, it } from 'vitest';
import { effectiveProgress, rollUp, type RollupItem } from './rollup.ts';

const item = (over: Partial<RollupItem>): RollupItem => ({
	lifecycle: 'i-gang',
	health: null,
	progress: 0,
	budgetOre: null,
	...over
});

describe('roll-up of initiatives', () => {
	it('weights progress by budget when every initiative has one', () => {
		const r = rollUp([
			item({ progress: 100, budgetOre: 300_000_00, health: 'green' }),
			item({ progress: 0, budgetOre: 100_000_00, health: 'red' })
		]);
		expect(r.weightedBy).toBe('budget');
		expect(r.progress).toBe(75);
		expect(r.health).toEqual({ green: 1, yellow: 0, red: 1, none: 0 });
	});

	it('takes the plain mean when one initiative has no budget', () => {
		const r = rollUp([
			item({ progress: 100, budgetOre: 300_000_00 }),
			item({ progress: 0 }),
			item({ progress: 50, lifecycle: 'planlagt', health: 'yellow' })
		]);
		expect(r.weightedBy).toBe('count');
		expect(r.progress).toBe(50);
		expect(r.lifecycle).toEqual({ planlagt: 1, 'i-gang': 2, afsluttet: 0, stoppet: 0 });
		expect(r.health.none).toBe(2);
	});

	it('has no progress without initiatives, and budgets of nothing count as a plain mean', () => {
		expect(rollUp([]).progress).toBeNull();
		expect(
			rollUp([item({ progress: 40, budgetOre: 0 }), item({ progress: 60, budgetOre: 0 })])
		).toMatchObject({ progress: 50, weightedBy: 'count' });
	});

	it('derives progress from milestones when there are any', () => {
		expect(effectiveProgress(10, { total: 0, done: 0 })).toBe(10);
		expect(effectiveProgress(10, { total: 3, done: 2 })).toBe(67);
	});
});
