import { expect, it } from 'vitest';
import { axeViolations, rendered } from './testing.ts';
import SortSelect from './SortSelect/SortSelect.svelte';

it('axeViolations finds what axe finds: a select whose label names no control', async () => {
	const page = rendered(SortSelect, { label: 'Sortér efter', value: 'a', options: [] });
	page.querySelector('label')!.removeAttribute('for');
	expect((await axeViolations(page)).join('\n')).toMatch(/^select-name/m);
});
