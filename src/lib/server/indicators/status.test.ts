import { describe, expect, it } from 'vitest';
import { indicatorStatus, type StatusInput } from './status.ts';

const dropout: StatusInput = { direction: 'decrease', unit: 'percent', baselinePeriod: '2022' };
const enrolled: StatusInput = { direction: 'increase', unit: 'percent', baselinePeriod: '2022' };
const s = (pairs: [string, number | null][]) => pairs.map(([period, value]) => ({ period, value }));

describe('indicator status', () => {
	it('finds a clear improvement when dropout falls by more than 1 % a year', () => {
		const r = indicatorStatus(
			s([
				['2021', 12],
				['2022', 11],
				['2024', 10.5]
			]),
			dropout
		);
		expect(r.status).toBe('clear-improvement');
		expect(r.baseline).toEqual({ period: '2022', value: 11 });
		expect(r.latest).toEqual({ period: '2024', value: 10.5 });
		expect(r.progressPerYear).toBeCloseTo(1 - Math.sqrt(10.5 / 11), 6);
		expect(r.reason.da).toContain('2022 → 2024');
	});

	it('writes an unchanged value as 0,0 % a year, not -0,0 %', () => {
		const r = indicatorStatus(
			s([
				['2022', 11.9],
				['2024', 11.9]
			]),
			dropout
		);
		expect(r.status).toBe('no-clear-change');
		expect(r.reason.da).toContain('udviklet sig med 0,0\u00a0% om året');
		expect(r.reason.en).toContain('moved 0.0% a year');
	});

	it('sees worsening when dropout rises', () => {
		expect(
			indicatorStatus(
				s([
					['2022', 10],
					['2023', 10.4]
				]),
				dropout
			).status
		).toBe('worsening');
	});

	it('reports no clear change inside the dead band', () => {
		expect(
			indicatorStatus(
				s([
					['2022', 10],
					['2023', 10.02]
				]),
				dropout
			).status
		).toBe('no-clear-change');
	});

	it('damps an increasing share near 100 % by measuring the gap to the limit', () => {
		// 96 → 96.5 is a small step in value but an eighth of the remaining gap.
		expect(
			indicatorStatus(
				s([
					['2022', 96],
					['2023', 96.5]
				]),
				enrolled
			).status
		).toBe('clear-improvement');
		// 40 → 40.2 closes only 0.3 % of a 60-point gap.
		expect(
			indicatorStatus(
				s([
					['2022', 40],
					['2023', 40.2]
				]),
				enrolled
			).status
		).toBe('no-clear-change');
	});

	it('has not enough data with one period only', () => {
		const r = indicatorStatus(s([['2022', 10]]), dropout);
		expect(r.status).toBe('not-enough-data');
		expect(r.reason.en).toBe('There is no published value after the baseline period 2022 yet.');
	});

	it('has not enough data without a baseline value, or when the baseline is suppressed', () => {
		expect(
			indicatorStatus(
				s([
					['2021', 10],
					['2023', 9]
				]),
				dropout
			).reason.da
		).toBe('Der er ingen offentliggjort værdi for basisperioden 2022.');
		expect(
			indicatorStatus(
				s([
					['2022', null],
					['2023', 9]
				]),
				dropout
			).status
		).toBe('not-enough-data');
	});

	it('skips missing years and suppressed later values, using the latest published one', () => {
		const r = indicatorStatus(
			s([
				['2022', 10],
				['2024', 9],
				['2025', null]
			]),
			dropout
		);
		expect(r.latest).toEqual({ period: '2024', value: 9 });
		expect(r.progressPerYear).toBeCloseTo(1 - Math.sqrt(0.9), 6);
	});

	it('refuses to compare across a series break', () => {
		const r = indicatorStatus(
			s([
				['2022', 10],
				['2023', 8],
				['2024', 7]
			]),
			{ ...dropout, breaks: [{ period: '2023' }] }
		);
		expect(r.status).toBe('not-enough-data');
		expect(r.reason.en).toContain('break in 2023');
		// A break before the baseline does not matter.
		expect(
			indicatorStatus(
				s([
					['2022', 10],
					['2024', 9]
				]),
				{ ...dropout, breaks: [{ period: '2020' }] }
			).status
		).toBe('clear-improvement');
	});

	it('judges a zero baseline by the direction of the change', () => {
		const count: StatusInput = { direction: 'increase', unit: 'count', baselinePeriod: '2022' };
		expect(
			indicatorStatus(
				s([
					['2022', 0],
					['2023', 3]
				]),
				count
			).status
		).toBe('improvement');
		expect(
			indicatorStatus(
				s([
					['2022', 0],
					['2023', 2]
				]),
				dropout
			).status
		).toBe('worsening');
		expect(
			indicatorStatus(
				s([
					['2022', 0],
					['2023', 0]
				]),
				dropout
			).status
		).toBe('no-clear-change');
	});

	it('compares with the rate needed to reach a target when there is one', () => {
		const withTarget = { ...dropout, target: { value: 8, period: '2026' } };
		// Needed: 10 → 8 over four years is about 5.4 % a year; 10 → 9.8 in one year is 2 %.
		const r = indicatorStatus(
			s([
				['2022', 10],
				['2023', 9.8]
			]),
			withTarget
		);
		expect(r.status).toBe('no-clear-change');
		expect(
			indicatorStatus(
				s([
					['2022', 10],
					['2023', 9.4]
				]),
				withTarget
			).status
		).toBe('clear-improvement');
	});

	it('works with school years', () => {
		// Gap to 100 %: 80 → 79 over two school years, 0.6 % a year.
		const r = indicatorStatus(
			s([
				['2022/23', 20],
				['2024/25', 21]
			]),
			{ direction: 'increase', unit: 'percent', baselinePeriod: '2022/23' }
		);
		expect(r.status).toBe('improvement');
		expect(r.progressPerYear).toBeCloseTo(1 - Math.sqrt(79 / 80), 6);
	});
});
