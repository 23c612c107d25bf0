import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	formatClock,
	formatKroner,
	formatValue,
	weekdayName,
	weekdayNames
} from './format.ts';

describe('formats shared by the public pages and the moderation view', () => {
	it('writes kroner with øre only when there are any', () => {
		expect(formatKroner(12550, 'da')).toBe('125,50');
		expect(formatKroner(13000, 'da')).toBe('130');
		expect(formatKroner(1234500, 'en')).toBe('12,345');
	});

	it('names weekdays from iCal codes, Monday first, in the reader’s language', () => {
		expect(weekdayName('MO', 'da')).toBe('mandag');
		expect(weekdayName('SU', 'en')).toBe('Sunday');
		expect(weekdayNames('TU,TH', 'da')).toBe('tirsdag, torsdag');
	});

	it('keeps a Danish percentage and its sign together, as an English one is written without a space', () => {
		expect(formatValue(12.4, 'percent', 'da')).toBe('12,4\u00a0%');
		expect(formatValue(12.4, 'percent', 'en')).toBe('12.4%');
		expect(formatValue(1234, 'count', 'da')).toBe('1.234');
	});

	it('writes a time of day as Danish and English readers do', () => {
		expect(formatClock('15:00', 'da')).toBe('15.00');
		expect(formatClock('15:00', 'en')).toBe('15:00');
	});
});

describe('file sizes, for the backups page and the command line', () => {
	it('gives kB below a megabyte (at least 1) and MB with one decimal in the reader’s language', () => {
		expect(formatBytes(10, 'da')).toBe('1 kB');
		expect(formatBytes(604_160, 'da')).toBe('590 kB');
		expect(formatBytes(9_437_184, 'da')).toBe('9,0 MB');
		expect(formatBytes(9_437_184, 'en')).toBe('9.0 MB');
	});
});
