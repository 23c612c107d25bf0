import { expect, it } from 'vitest';
import { ticked } from './ticked.ts';

it('ticks the options a form was sent back with, and only those', () => {
	const options = [
		{ code: 'a', label: 'A' },
		{ code: 'b', label: 'B' },
		{ code: 'c', label: 'C' }
	];
	expect(ticked(options, 'a,c').map((o) => [o.code, o.checked])).toEqual([
		['a', true],
		['b', false],
		['c', true]
	]);
	expect(ticked(options, undefined).some((o) => o.checked)).toBe(false);
	expect(ticked(options, '').some((o) => o.checked)).toBe(false);
});
