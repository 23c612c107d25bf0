import { describe, expect, it } from 'vitest';
import { formContext } from '../form-values.ts';
import { axeViolations, expectLabelled, LABELLED, rendered } from '../testing.ts';
import SelectField from './SelectField.svelte';

describe('SelectField', () => {
	it('labels its select, ties the hint to it and marks the chosen value', async () => {
		const options = [
			{ code: 'stx', label: 'STX' },
			{ code: 'eud', label: 'Erhvervsuddannelse (EUD)' }
		];
		const page = rendered(SelectField, { ...LABELLED, value: 'eud', options });
		const select = expectLabelled(page) as HTMLSelectElement;
		expect([select.name, select.value]).toEqual([LABELLED.id, 'eud']);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('marks the value the form around it was sent back with', () => {
		const page = rendered(
			SelectField,
			{
				id: 'lang',
				label: 'Sprog',
				options: [
					{ code: 'da', label: 'Dansk' },
					{ code: 'en', label: 'Engelsk' }
				]
			},
			formContext({ values: { lang: 'en' } })
		);
		expect(page.querySelector<HTMLSelectElement>('#lang')!.value).toBe('en');
	});
});
