import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import MonthCalendar from './MonthCalendar.svelte';

describe('MonthCalendar', () => {
	it('shows the month as weeks from Monday, with each day’s events linked', async () => {
		const days = Array.from({ length: 35 }, (_, i) => {
			const date = new Date(Date.UTC(2027, 8, 27 + i)).toISOString().slice(0, 10);
			return {
				date,
				inMonth: date.startsWith('2027-10'),
				items:
					date === '2027-10-14'
						? [{ id: '1', href: '/arrangementer/aabent-hus', title: 'Åbent hus', cancelled: true }]
						: []
			};
		});
		const weeks = Array.from({ length: 5 }, (_, w) => days.slice(w * 7, w * 7 + 7));
		const page = rendered(MonthCalendar, {
			month: '2027-10',
			weeks,
			locale: 'da',
			previousHref: '/arrangementer?visning=maaned&maaned=2027-09',
			nextHref: '/arrangementer?visning=maaned&maaned=2027-11'
		});
		expect(page.querySelector('caption')!.textContent).toBe('Arrangementer i oktober 2027');
		expect(page.querySelector('th abbr')!.getAttribute('title')).toBe('mandag');
		const cell = [...page.querySelectorAll('td')].find((td) => td.querySelector('a'))!;
		expect(cell.textContent!.replace(/\s+/g, ' ').trim()).toBe('14. Åbent hus (Aflyst)');
		expect(page.querySelector('a[rel=next]')!.getAttribute('href')).toContain('2027-11');
		// A phone's list: only the days in the month that have events, under their date.
		const list = page.querySelector('.month-list')!;
		expect([...list.querySelectorAll('h4')].map((h) => h.textContent)).toEqual([
			'torsdag den 14. oktober 2027'
		]);
		expect(list.querySelector('li')!.textContent).toBe('Åbent hus (Aflyst)');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('says so when the month has no events', () => {
		const weeks = [
			Array.from({ length: 7 }, (_, i) => ({
				date: `2027-11-0${i + 1}`,
				inMonth: true,
				items: []
			}))
		];
		const page = rendered(MonthCalendar, {
			month: '2027-11',
			weeks,
			locale: 'da',
			previousHref: '/arrangementer?visning=maaned&maaned=2027-10',
			nextHref: '/arrangementer?visning=maaned&maaned=2027-12'
		});
		expect(page.querySelector('.month-list p')!.textContent).toBe(
			'Ingen arrangementer i november 2027.'
		);
		expect(page.querySelector('.month-list h4')).toBeNull();
	});
});
