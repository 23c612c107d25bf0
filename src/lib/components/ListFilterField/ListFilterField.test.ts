import { expect, it } from 'vitest';
import { axeViolations, expectLabelled, LABELLED, rendered } from '../testing.ts';
import ListFilterField from './ListFilterField.svelte';

it('ListFilterField: a hidden search field with a hint, not sent, and a line for the count', async () => {
	const page = rendered(ListFilterField, {
		...LABELLED,
		one: '1 område vises',
		many: '{count} områder vises'
	});
	const field = page.querySelector<HTMLElement>('[data-list-filter-field]')!;
	expect(field.hidden).toBe(true);
	const input = expectLabelled(page) as HTMLInputElement;
	expect([input.type, input.name]).toEqual(['search', '']);
	const status = page.querySelector('[role=status]')!;
	expect([status.getAttribute('data-one'), status.getAttribute('data-many')]).toEqual([
		'1 område vises',
		'{count} områder vises'
	]);
	expect(await axeViolations(page)).toEqual([]);
});
