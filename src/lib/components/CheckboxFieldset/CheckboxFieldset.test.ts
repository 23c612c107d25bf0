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
