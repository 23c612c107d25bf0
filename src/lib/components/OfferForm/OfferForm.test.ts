import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import OfferForm from './OfferForm.svelte';

it('OfferForm: every field labelled and filled from the values, no axe violation', async () => {
	const page = rendered(OfferForm, {
		organizations: [{ id: 'o1', name: 'Klubben' }],
		categories: [{ code: 'vejledning', label: 'Vejledning', checked: true }],
		audiences: [{ code: 'unge', label: 'Unge' }],
		values: { organizationId: 'o1', nameDa: 'Lektiecafé', descDa: 'Hver tirsdag', price: '0' }
	});
	expect(page.querySelector<HTMLInputElement>('#nameDa')!.value).toBe('Lektiecafé');
	expect(page.querySelector<HTMLTextAreaElement>('#descDa')!.value).toBe('Hver tirsdag');
	expect(page.querySelector<HTMLInputElement>('#category-vejledning')!.checked).toBe(true);
	expect(await axeViolations(page)).toEqual([]);
});
