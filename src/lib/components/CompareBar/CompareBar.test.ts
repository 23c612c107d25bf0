import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import CompareBar from './CompareBar.svelte';

describe('CompareBar', () => {
	it('names the chosen programmes and leads to the comparison from two on', async () => {
		const one = rendered(CompareBar, {
			compared: [{ slug: 'laerer-ucn', title: 'Lærer' }],
			locale: 'da'
		});
		expect(one.querySelector('[role=status]')!.textContent).toContain('Lærer');
		expect(one.querySelector('a')).toBeNull();
		const two = rendered(CompareBar, {
			compared: [
				{ slug: 'laerer-ucn', title: 'Lærer' },
				{ slug: 'paedagog-ucn', title: 'Pædagog' }
			],
			locale: 'en'
		});
		expect(two.querySelector('a')!.getAttribute('href')).toBe(
			'/en/programmes/compare?ids=laerer-ucn,paedagog-ucn'
		);
		expect(await axeViolations(two)).toEqual([]);
	});

	it('shows nothing when nothing is chosen', () => {
		expect(rendered(CompareBar, { compared: [], locale: 'da' }).querySelector('div')).toBeNull();
	});
});
