import { describe, expect, it } from 'vitest';
import { describeBreakdowns, groupBreakdowns, listOf, periodList } from './breakdowns.ts';

const english = {
	and: 'and',
	totals: 'totals',
	by: (d: string) => `by ${d}`,
	every: (d: string) => `every breakdown by ${d}, alone and combined`
};

describe('breakdowns in words', () => {
	it('says "every breakdown" when a file holds every combination of its dimensions', () => {
		const keys = [
			'',
			'alder',
			'alder|herkomst',
			'alder|herkomst|køn',
			'alder|køn',
			'herkomst',
			'herkomst|køn',
			'køn'
		];
		expect(groupBreakdowns(keys)).toEqual({
			totals: true,
			every: ['alder', 'herkomst', 'køn'],
			each: []
		});
		expect(describeBreakdowns(keys, english)).toBe(
			'totals; every breakdown by alder, herkomst and køn, alone and combined'
		);
	});

	it('lists the breakdowns one by one when some combinations are missing', () => {
		expect(describeBreakdowns(['køn', 'alder|køn'], english)).toBe('by køn; by alder and køn');
		expect(describeBreakdowns([''], english)).toBe('totals');
		// One dimension alone is a plain "by", not "every breakdown".
		expect(describeBreakdowns(['', 'køn'], english)).toBe('totals; by køn');
	});

	it('joins a list with commas and the reader’s word for the last', () => {
		expect(listOf(['alder', 'herkomst', 'køn'], 'og')).toBe('alder, herkomst og køn');
		expect(listOf(['køn'], 'og')).toBe('køn');
		expect(listOf([], 'og')).toBe('');
	});
	it('lists a few periods and counts many, with their span', () => {
		const many = (n: number, from: string, to: string) => `${n} periods, ${from}–${to}`;
		expect(periodList(['2021', '2022', '2023'], many)).toBe('2021, 2022, 2023');
		const gaps = ['2005', '2010', '2015', '2020', '2021', '2022', '2023'];
		expect(periodList(gaps, many)).toBe('7 periods, 2005–2023');
		expect(periodList([], many)).toBe('');
	});
});
