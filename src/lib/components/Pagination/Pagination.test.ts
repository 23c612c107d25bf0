import { describe, expect, it } from 'vitest';
import { axeViolations, rendered } from '../testing.ts';
import Pagination from './Pagination.svelte';

const href = (page: number) => `/job?type=laereplads&page=${page}`;

describe('Pagination', () => {
	it('links to the previous and next page and says where the reader is', async () => {
		const page = rendered(Pagination, { page: 2, pages: 5, href });
		expect(page.querySelector('nav')!.textContent).toContain('2');
		expect(page.querySelector('a[rel=prev]')!.getAttribute('href')).toBe(href(1));
		expect(page.querySelector('a[rel=next]')!.getAttribute('href')).toBe(href(3));
		expect(await axeViolations(page)).toEqual([]);
	});

	it('has no previous link on the first page, no next on the last, nothing for one page', () => {
		expect(
			rendered(Pagination, { page: 1, pages: 2, href }).querySelector('a[rel=prev]')
		).toBeNull();
		expect(
			rendered(Pagination, { page: 2, pages: 2, href }).querySelector('a[rel=next]')
		).toBeNull();
		expect(rendered(Pagination, { page: 1, pages: 1, href }).querySelector('nav')).toBeNull();
	});
});
