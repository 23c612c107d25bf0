import { describe, expect, it } from 'vitest';
import {
	copenhagenDate,
	copenhagenMidnight,
	dayAfter,
	isCalendarDate,
	lastDayBefore
} from './local-date.ts';

describe('Danish calendar dates', () => {
	it('begins a day at midnight in Copenhagen, in winter and summer time and on the change days', () => {
		expect(copenhagenMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(copenhagenMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
		// Summer time begins at 02:00 on 29 March and ends at 03:00 on 25 October 2026.
		expect(copenhagenMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(copenhagenMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
	});

	it('reads the local date back, and the last day of a validity that ends at a midnight', () => {
		expect(copenhagenDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(dayAfter('2026-12-31')).toBe('2027-01-01');
		expect(lastDayBefore(copenhagenMidnight(dayAfter('2026-08-31')))).toBe('2026-08-31');
	});

	it('knows a real date from a look-alike', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-6-1')).toBe(false);
		expect(() => copenhagenMidnight('2026-02-30')).toThrow('not a date');
	});
});

describe('copenhagenInstant', () => {
	it('reads a local time in summer and in winter time, and across the change', async () => {
		const { copenhagenInstant } = await import('./local-date.ts');
		expect(copenhagenInstant('2027-06-10', '14:00').toISOString()).toBe('2027-06-10T12:00:00.000Z');
		expect(copenhagenInstant('2027-12-10', '14:00').toISOString()).toBe('2027-12-10T13:00:00.000Z');
		// 31 October 2027: clocks go back at 03:00; the afternoon is winter time.
		expect(copenhagenInstant('2027-10-31', '18:00').toISOString()).toBe('2027-10-31T17:00:00.000Z');
		expect(copenhagenInstant('2027-10-31', '01:00').toISOString()).toBe('2027-10-30T23:00:00.000Z');
		// 28 March 2027: clocks go forward at 02:00; the evening is summer time.
		expect(copenhagenInstant('2027-03-28', '19:30').toISOString()).toBe('2027-03-28T17:30:00.000Z');
		expect(() => copenhagenInstant('2027-03-28', '25:00')).toThrow(/not a time/);
	});
});
