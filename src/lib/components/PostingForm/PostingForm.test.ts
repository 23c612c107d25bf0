import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import PostingForm from './PostingForm.svelte';

it('PostingForm: every field labelled and filled from the values, no axe violation', async () => {
	const page = rendered(PostingForm, {
		organizations: [{ id: 'o1', name: 'Værkstedet' }],
		types: ['laereplads', 'fritidsjob'],
		values: { type: 'fritidsjob', titleDa: 'Opvasker', remote: '1', levels: 'eud' },
		fieldOptions: [{ code: 'teknik', label: 'Teknik' }],
		levelOptions: [{ code: 'eud', label: 'Erhvervsuddannelse' }]
	});
	expect(page.querySelector<HTMLSelectElement>('#type')!.value).toBe('fritidsjob');
	expect(page.querySelector<HTMLInputElement>('#titleDa')!.value).toBe('Opvasker');
	expect(page.querySelector<HTMLInputElement>('#remote')!.checked).toBe(true);
	expect(page.querySelector<HTMLInputElement>('#level-eud')!.checked).toBe(true);
	expect(page.querySelector<HTMLInputElement>('#englishFriendly')!.checked).toBe(false);
	expect(await axeViolations(page)).toEqual([]);
});
