import { expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import Checkbox from './Checkbox.svelte';

it('Checkbox: one labelled yes/no choice, sent as 1', async () => {
	const page = rendered(Checkbox, { id: 'remote', label: 'Hjemmefra', checked: true });
	const box = page.querySelector<HTMLInputElement>('input[type=checkbox]')!;
	expect([box.name, box.value, box.checked]).toEqual(['remote', '1', true]);
	expect(page.querySelector('label[for="remote"]')!.textContent).toBe('Hjemmefra');
	expect(
		rendered(Checkbox, { id: 'x', label: 'X', checked: false }).querySelector('input')!.checked
	).toBe(false);
	expect(await axeViolations(page)).toEqual([]);
});
