import { describe, expect, it } from 'vitest';
import { lineChartSvg } from './charts.ts';

describe('the line chart', () => {
	const chart = (locale: 'da' | 'en') =>
		lineChartSvg({
			periods: ['2018', '2021', '2024'],
			series: [
				{
					name: 'Adgangskvotient',
					points: [
						{ period: '2018', value: 6.1 },
						{ period: '2021', value: 7.6 },
						{ period: '2024', value: 6.4 }
					]
				}
			],
			unit: '',
			locale
		});

	it('writes the value axis as the reader writes numbers', async () => {
		const da = [...(await chart('da')).matchAll(/>(\d+[.,]\d+)</g)].map((m) => m[1]);
		const en = [...(await chart('en')).matchAll(/>(\d+[.,]\d+)</g)].map((m) => m[1]);
		expect(da.length).toBeGreaterThan(0);
		expect(da.every((label) => label!.includes(','))).toBe(true);
		expect(en.every((label) => label!.includes('.'))).toBe(true);
		expect(en.length).toBe(da.length);
	});
});
