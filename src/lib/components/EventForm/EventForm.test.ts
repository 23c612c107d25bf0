import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import EventForm from './EventForm.svelte';

it('EventForm: every field labelled and filled from the values, no axe violation', async () => {
	const page = rendered(EventForm, {
		organizations: [{ id: 'o1', name: 'Aalborg Tekniske Gymnasium' }],
		kinds: [
			{ code: 'aabent-hus', label: 'Åbent hus' },
			{ code: 'messe', label: 'Uddannelsesmesse' }
		],
		audiences: [{ code: 'udskoling', label: 'Udskoling' }],
		levels: [{ code: 'eud', label: 'Erhvervsuddannelse' }],
		values: {
			kind: 'messe',
			titleDa: 'Uddannelsesmessen',
			date: '2027-01-14',
			endDate: '2027-01-15',
			allDay: '1',
			language: 'en',
			audiences: 'udskoling',
			programmes: 'datalogi-aau\nsosu-assistent'
		},
		lockOrganization: true
	});
	expect(page.querySelector<HTMLSelectElement>('#kind')!.value).toBe('messe');
	expect(page.querySelector<HTMLInputElement>('#titleDa')!.value).toBe('Uddannelsesmessen');
	expect(page.querySelector<HTMLInputElement>('#endDate')!.value).toBe('2027-01-15');
	expect(page.querySelector<HTMLInputElement>('#allDay')!.checked).toBe(true);
	expect(page.querySelector<HTMLSelectElement>('#language')!.value).toBe('en');
	expect(page.querySelector<HTMLInputElement>('#audience-udskoling')!.checked).toBe(true);
	expect(page.querySelector<HTMLInputElement>('#level-eud')!.checked).toBe(false);
	expect(page.querySelector<HTMLTextAreaElement>('#programmes')!.value).toBe(
		'datalogi-aau\nsosu-assistent'
	);
	// A change keeps the organisation: shown, not changeable, and sent along.
	expect(page.querySelector<HTMLSelectElement>('#organizationId')!.disabled).toBe(true);
	expect(
		page.querySelector<HTMLInputElement>('input[type=hidden][name=organizationId]')
	).not.toBeNull();
	expect(await axeViolations(page)).toEqual([]);
});
