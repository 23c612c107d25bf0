import { describe, expect, it } from 'vitest';
import { openDatasets } from './open-data.ts';

describe('the open data catalogue', () => {
	const indicators = [{ code: 'frafald', title: 'Frafald' }];

	it('lists every kind of public data once, with its formats', () => {
		const sets = openDatasets('da', indicators);
		expect(sets.map((s) => s.key)).toEqual([
			'strategy',
			'indicators',
			'offers',
			'postings',
			'events',
			'programmes',
			'followup',
			'api'
		]);
		expect(sets.every((s) => s.formats.length > 0)).toBe(true);
		expect(sets.find((s) => s.key === 'indicators')?.parts).toEqual([
			{
				code: 'frafald',
				title: 'Frafald',
				formats: [
					{ format: 'CSV', href: '/indikatorer/frafald.csv' },
					{ format: 'XLSX', href: '/indikatorer/frafald.xlsx' },
					{ format: 'JSON-stat', href: '/indikatorer/frafald.json' }
				]
			}
		]);
	});

	it('links to the pages and answers in the reader’s language', () => {
		const hrefs = openDatasets('en', indicators).flatMap((s) => [
			...s.formats.map((f) => f.href),
			...(s.parts ?? []).flatMap((p) => p.formats.map((f) => f.href))
		]);
		expect(hrefs).toContain('/api/v1/strategy?lang=en');
		expect(hrefs).toContain('/en/offers/feed.atom');
		expect(hrefs).toContain('/en/jobs/feed.atom');
		expect(hrefs).toContain('/en/events/calendar.ics');
		expect(hrefs).toContain('/api/v1/programmes?locale=en');
		expect(hrefs).toContain('/api/hsds/datapackage/datapackage.json');
		expect(hrefs).toContain('/en/indicators/frafald.json');
		expect(new Set(hrefs).size).toBe(hrefs.length);
	});
});
