import { describe, expect, it } from 'vitest';
import { geographyName, parseGeography } from './geography.ts';
import { parseNumber } from './numbers.ts';
import { parsePeriod } from './periods.ts';

describe('periods', () => {
	it('reads years, school years and quarters, normalised and in time order', () => {
		const p = ['2023', '2023/24', '2023/2024', '2023K2', '2023q1'].map((t) => parsePeriod(t));
		expect(p.map((r) => (r.ok ? r.period.text : r.message))).toEqual([
			'2023',
			'2023/24',
			'2023/24',
			'2023Q2',
			'2023Q1'
		]);
		const keys = p.map((r) => (r.ok ? r.period.sortKey : 0));
		expect(keys[4]! < keys[3]!).toBe(true);
	});

	it('rejects what is not a period, saying what would be', () => {
		expect(parsePeriod('2023/25')).toEqual({
			ok: false,
			message: 'school year "2023/25" must span two consecutive years, such as 2023/24'
		});
		expect(parsePeriod('i fjor')).toMatchObject({
			ok: false,
			message: expect.stringContaining('use a year (2023)')
		});
		expect(parsePeriod('2099/00')).toMatchObject({ ok: true, period: { text: '2099/00' } });
	});
});

describe('geographies', () => {
	it('accepts municipality, region and national codes', () => {
		expect(parseGeography('851')).toEqual({ ok: true, code: '851' });
		expect(parseGeography('0851')).toEqual({ ok: true, code: '851' });
		expect(parseGeography('81')).toEqual({ ok: true, code: '081' });
		expect(parseGeography('000')).toEqual({ ok: true, code: '000' });
		expect(geographyName('851', 'da')).toBe('Aalborg Kommune');
		expect(geographyName('000', 'en')).toBe('All of Denmark');
	});

	it('rejects names and impossible codes', () => {
		expect(parseGeography('Aalborg')).toMatchObject({ ok: false });
		expect(parseGeography('950')).toMatchObject({
			ok: false,
			message: expect.stringContaining('not a Danish municipality')
		});
	});
});

describe('numbers', () => {
	it('reads decimal comma in a Danish file and decimal point in an international one', () => {
		expect(parseNumber('12,5', ',')).toEqual({ ok: true, value: 12.5 });
		expect(parseNumber('12.5', '.')).toEqual({ ok: true, value: 12.5 });
		expect(parseNumber('-3', ',')).toEqual({ ok: true, value: -3 });
	});

	it('rejects a decimal point in a Danish file', () => {
		expect(parseNumber('1.234', ',')).toEqual({
			ok: false,
			message: '"1.234" has a decimal point, but this file uses decimal comma: write 1,234'
		});
	});

	it('treats formula-looking text as text, never as a number', () => {
		expect(parseNumber('=1+1', '.')).toEqual({ ok: false, message: '"=1+1" is not a number' });
		expect(parseNumber('+SUM(A1)', '.')).toMatchObject({ ok: false });
	});
});
