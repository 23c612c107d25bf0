import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import EventDays from './EventDays.svelte';

const event = {
	id: '1',
	href: '/arrangementer/aabent-hus-2027-10-14',
	title: 'Åbent hus',
	untranslated: false,
	kind: 'aabent-hus',
	start: '2027-10-14T16:00:00.000Z',
	end: '2027-10-14T18:00:00.000Z',
	allDay: false,
	place: 'Eksempelvej 1, 9000 Aalborg',
	online: false,
	organiser: 'Eksempelgymnasiet (demo)',
	priceOre: 0,
	cancelled: false,
	isDemo: true
};

describe('EventDays', () => {
	it('lists events under their day in Danish time, with time, kind, place and price', async () => {
		const page = rendered(EventDays, {
			days: [
				{ date: '2027-10-14', items: [event] },
				{
					date: '2027-11-05',
					items: [
						{
							...event,
							id: '2',
							title: 'Uddannelsesmesse',
							kind: 'uddannelsesmesse',
							start: '2027-11-04T23:00:00.000Z',
							end: '2027-11-06T23:00:00.000Z',
							allDay: true,
							priceOre: 5000,
							cancelled: true
						}
					]
				}
			],
			locale: 'da',
			kindNames: { 'aabent-hus': 'Åbent hus', uddannelsesmesse: 'Uddannelsesmesse' }
		});
		const headings = [...page.querySelectorAll('h3')].map((h) => h.textContent);
		expect(headings).toEqual(['torsdag den 14. oktober 2027', 'fredag den 5. november 2027']);
		const items = [...page.querySelectorAll('li')].map((li) =>
			li.textContent!.replace(/\s+/g, ' ')
		);
		expect(items[0]).toContain('18.00–20.00');
		expect(items[0]).toContain(
			'Åbent hus · Eksempelgymnasiet (demo) · Eksempelvej 1, 9000 Aalborg · Gratis'
		);
		expect(items[1]).toContain('5. november 2027 – 6. november 2027');
		expect(items[1]).toContain('Aflyst');
		expect(items[1]).toContain('50 kr.');
		expect(await axeViolations(page)).toEqual([]);
	});
});
