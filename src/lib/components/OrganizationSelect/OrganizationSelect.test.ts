import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import OrganizationSelect from './OrganizationSelect.svelte';

const organizations = [
	{ id: 'a', name: 'Aalborg Ungdomsskole' },
	{ id: 'b', name: 'Klubben' }
];

it('OrganizationSelect: a choice of organisation, or a locked one sent in a hidden field', async () => {
	const open = rendered(OrganizationSelect, { organizations, selected: 'b' });
	expect(open.querySelector<HTMLSelectElement>('select')!.value).toBe('b');
	expect(open.querySelector('input[type=hidden]')).toBeNull();
	expect(await axeViolations(open)).toEqual([]);
	const locked = rendered(OrganizationSelect, { organizations: [organizations[0]!], locked: true });
	expect(locked.querySelector<HTMLSelectElement>('select')!.disabled).toBe(true);
	expect(locked.querySelector<HTMLInputElement>('input[type=hidden]')!.value).toBe('a');
	expect(await axeViolations(locked)).toEqual([]);
});

it('OrganizationSelect: names the field as the page asks', () => {
	const page = rendered(OrganizationSelect, { organizations, label: 'Skole eller institution' });
	expect(page.querySelector('label[for=organizationId]')!.textContent).toBe(
		'Skole eller institution'
	);
	expect(rendered(OrganizationSelect, { organizations }).querySelector('label')!.textContent).toBe(
		'Organisation'
	);
});
