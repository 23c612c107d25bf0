import { expect, it } from 'vitest';
import { chosenCount, day, options, toggle, whole } from './facets.ts';

it('counts the chosen filters: ticked values, made choices, filled fields and the others given', () => {
	const facets = [
		options('Kategori', 'category', [
			{ code: 'a', label: 'A', checked: true },
			{ code: 'b', label: 'B', checked: true },
			{ code: 'c', label: 'C' }
		]),
		toggle('free', 'Gratis', true),
		toggle('open', 'Åbent nu', false),
		whole('age', 'Alder', 16, 0, 120),
		whole('hours', 'Timer', null, 1, 60),
		day('deadline', 'Frist', '')
	];
	expect(chosenCount(facets)).toBe(4);
	expect(chosenCount(facets, '9000', '', undefined, null)).toBe(5);
	expect(chosenCount([])).toBe(0);
});
