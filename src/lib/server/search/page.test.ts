import { expect, it } from 'vitest';
import { pageLinks } from './page.ts';

it('pageLinks keeps the search without its page number, and counts the pages', () => {
	expect(pageLinks('?q=klub&page=3&type=elevplads', 41, 20)).toEqual({
		rest: 'q=klub&type=elevplads',
		pageQuery: 'q=klub&type=elevplads&page=',
		pages: 3
	});
	expect(pageLinks('?page=2', 0, 20)).toEqual({ rest: '', pageQuery: 'page=', pages: 1 });
	expect(pageLinks('', 40, 20).pages).toBe(2);
});
