import { describe, expect, it } from 'vitest';
import { formContext } from '../form-values.ts';
import { axeViolations, rendered } from '../testing.ts';
import SelectField from './SelectField.svelte';

describe('SelectField', () => {
	it('labels its select, ties the hint to it and marks the chosen value', async () => {
		const page = rendered(SelectField, {
			id: 'level',
			label: 'Niveau',
			hint: 'Vælg et niveau',
			value: 'eud',
			options: [
				{ code: 'stx', label: 'STX' },
				{ code: 'eud', label: 'Erhvervsuddannelse (EUD)' }
			]
		});
		const select = page.querySelector<HTMLSelectElement>('#level')!;
		expect([select.name, select.value]).toEqual(['level', 'eud']);
		expect(select.getAttribute('aria-describedby')).toBe('level-hint');
		expect(page.querySelector('label')!.getAttribute('for')).toBe('level');
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
