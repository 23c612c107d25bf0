import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import EmbedList from './EmbedList.svelte';

describe('EmbedList', () => {
	it('links every item to the full site in a new tab, and says so in words', async () => {
		const page = rendered(EmbedList, {
			heading: 'Arrangementer',
			items: [
				{
					id: '1',
					href: 'https://uddannelsesby.example/arrangementer/aabent-hus',
					title: 'Åbent hus',
					details: '15. december 2026, 18.00–20.00 · Eksempelgymnasiet (demo)',
					untranslated: false,
					isDemo: true
				}
			],
			allHref: 'https://uddannelsesby.example/arrangementer',
			site: 'Uddannelsesby'
		});
		const links = [...page.querySelectorAll('a')];
		expect(links.map((a) => a.getAttribute('target'))).toEqual(['_blank', '_blank']);
		expect(links[0]!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
			'Åbent hus (åbner i en ny fane)'
		);
		expect(page.body.textContent).toContain('Demodata: opdigtede eksempler');
		expect(await axeViolations(page)).toEqual([]);
	});
});
