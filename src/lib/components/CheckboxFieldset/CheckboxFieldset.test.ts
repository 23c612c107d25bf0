import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import CheckboxFieldset from './CheckboxFieldset.svelte';

it('CheckboxFieldset: a legend over checkboxes of one name, ticked as chosen, with counts', async () => {
	const page = rendered(CheckboxFieldset, {
		legend: 'Målgruppe',
		name: 'audience',
		options: [
			{ code: 'unge', label: 'Unge', checked: true, count: 3 },
			{ code: 'foraeldre', label: 'Forældre' }
		]
	});
	expect(page.querySelector('legend')!.textContent).toBe('Målgruppe');
	const boxes = [...page.querySelectorAll<HTMLInputElement>('input[name=audience]')];
	expect(boxes.map((b) => [b.id, b.value, b.checked])).toEqual([
		['audience-unge', 'unge', true],
		['audience-foraeldre', 'foraeldre', false]
	]);
	expect([...page.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
		'Unge (3)',
		'Forældre'
	]);
	expect(await axeViolations(page)).toEqual([]);
});

it('CheckboxFieldset: with a filter, a hidden field names the list’s items for the script', async () => {
	const page = rendered(CheckboxFieldset, {
		legend: 'Parter',
		name: 'partner',
		options: [
			{ code: 'a', label: 'Aalborg Katedralskole', checked: true },
			{ code: 'b', label: 'Hasseris Gymnasium' }
		],
		filter: {
			label: 'Find en organisation',
			hint: 'Skriv en del af navnet.',
			one: '1 organisation vises',
			many: '{count} organisationer vises'
		}
	});
	const fieldset = page.querySelector('fieldset[data-list-filter]')!;
	const field = fieldset.querySelector<HTMLElement>('[data-list-filter-field]')!;
	expect(field.hidden).toBe(true);
	const input = field.querySelector<HTMLInputElement>('input[type=search]')!;
	expect(input.id).toBe('partner-filter');
	expect(input.name).toBe('');
	expect(page.querySelector(`label[for=partner-filter]`)!.textContent).toBe('Find en organisation');
	expect(field.querySelector('[role=status]')!.getAttribute('data-many')).toBe(
		'{count} organisationer vises'
	);
	expect(
		[...fieldset.querySelectorAll('[data-filter-name]')].map((li) =>
			li.getAttribute('data-filter-name')
		)
	).toEqual(['Aalborg Katedralskole', 'Hasseris Gymnasium']);
	expect(await axeViolations(page)).toEqual([]);
});
