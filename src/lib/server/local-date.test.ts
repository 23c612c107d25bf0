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
