import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import Breadcrumbs from './Breadcrumbs.svelte';

describe('Breadcrumbs', () => {
	it('links the front page and each step in the reader’s language, and marks the page itself', async () => {
		const page = rendered(Breadcrumbs, {
			locale: 'en',
			steps: [{ route: '/opfoelgning', text: 'Following up the strategy' }],
			current: 'Lektiecafé',
			currentLang: 'da'
		});
		const links = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href'));
		expect(links).toEqual(['/en', '/en/follow-up']);
		const current = page.querySelector('[aria-current="page"] span')!;
		expect(current.textContent).toBe('Lektiecafé');
		expect(current.getAttribute('lang')).toBe('da');
		expect(await axeViolations(page)).toEqual([]);
	});
});
