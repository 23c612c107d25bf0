import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ListHead from './ListHead.svelte';

describe('ListHead', () => {
	it('names the page, its Atom feed and where a CMS finds how to embed it', () => {
		const { head } = render(ListHead, {
			props: {
				title: 'Arrangementer',
				feed: { title: 'Følg listen som feed (Atom)', href: '/arrangementer/feed.atom' },
				pageUrl: 'https://uddannelsesby.example/arrangementer?kind=brobygning'
			}
		});
		expect(head).toContain('<title>Arrangementer – Uddannelsesby</title>');
		expect(head).toContain('type="application/atom+xml"');
		expect(head).toContain(
			'href="/api/oembed?url=https%3A%2F%2Fuddannelsesby.example%2Farrangementer%3Fkind%3Dbrobygning"'
		);
	});

	it('leaves the feed out of a list without one', () => {
		const { head } = render(ListHead, {
			props: { title: 'Uddannelser', pageUrl: 'https://uddannelsesby.example/uddannelser' }
		});
		expect(head).not.toContain('application/atom+xml');
		expect(head).toContain('type="application/json+oembed"');
	});
});
