import { describe, expect, it } from 'vitest';
import { byDay, monthAround, monthGrid } from './list-page.ts';

describe('the event list’s days and months', () => {
	it('groups events under the Danish day they start, also just after midnight', () => {
		const days = byDay([
			{ id: 'a', start: '2027-03-09T22:30:00Z' }, // 23:30 on the 9th in Denmark
			{ id: 'b', start: '2027-03-09T23:30:00Z' }, // 00:30 on the 10th
			{ id: 'c', start: '2027-03-10T10:00:00Z' }
		]);
		expect(days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([
			['2027-03-09', ['a']],
			['2027-03-10', ['b', 'c']]
		]);
	});

	it('lays a month out in weeks from Monday, an event over several days on each of them', () => {
		expect(monthAround('2027-01')).toEqual({
			first: '2027-01-01',
			last: '2027-01-31',
			previous: '2026-12',
			next: '2027-02'
		});
		const weeks = monthGrid('2027-03', [
			// An all-day fair on 5 and 6 March (ends at midnight starting the 7th, Danish time).
			{ id: 'fair', start: '2027-03-04T23:00:00Z', end: '2027-03-06T23:00:00Z', allDay: true }
		]);
		expect(weeks[0]![0]).toMatchObject({ date: '2027-03-01', inMonth: true });
		expect(weeks.at(-1)!.at(-1)).toMatchObject({ date: '2027-04-04', inMonth: false });
		const withFair = weeks
			.flat()
			.filter((d) => d.items.length)
			.map((d) => d.date);
		expect(withFair).toEqual(['2027-03-05', '2027-03-06']);
	});
});
