import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import PageTitle from './PageTitle.svelte';

describe('PageTitle', () => {
	it('names the page in the tab, after the site, and heads it with its lead', async () => {
		expect(render(PageTitle, { props: { title: 'Brugere' } }).head).toMatch(
			/<title>Brugere – [^<]+<\/title>/
		);
		const page = rendered(PageTitle, { title: 'Brugere', lead: 'Invitér og styr roller.' });
		expect(page.querySelector('h1')!.textContent).toBe('Brugere');
		expect(page.querySelector('h1 + p')!.textContent).toBe('Invitér og styr roller.');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('has no empty paragraph without a lead', () => {
		expect(rendered(PageTitle, { title: 'Log' }).querySelector('p')).toBeNull();
	});
});
