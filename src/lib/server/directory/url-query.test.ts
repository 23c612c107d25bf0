import { describe, expect, it } from 'vitest';
import { offerQueryFromUrl } from './url-query.ts';

const read = (search: string, addresses = false) =>
	offerQueryFromUrl(new URL(`https://example.dk/tilbud${search}`), { addresses });

describe('offerQueryFromUrl', () => {
	it('reads repeated filters, yes/no flags, numbers and the page', () => {
		expect(
			read(
				'?q=+lektier+&category=vejledning&category=sport&free=1&open=true&age=15&near=9000&page=2'
			)
		).toEqual({
			ok: true,
			query: expect.objectContaining({
				q: 'lektier',
				category: ['vejledning', 'sport'],
				free: true,
				open: true,
				age: 15,
				near: '9000',
				page: 2,
				sort: 'relevance'
			})
		});
		expect(read('?age=&near=+&page=')).toMatchObject({
			ok: true,
			query: { page: 1, free: false }
		});
	});

	it('names the parameter that is wrong, and refuses an address where only postcodes are read', () => {
		expect(read('?age=abc')).toMatchObject({ ok: false, problems: [{ parameter: 'age' }] });
		expect(read('?near=Boulevarden+13')).toEqual({
			ok: false,
			problems: [{ parameter: 'near', message: 'a postcode has four digits' }]
		});
		expect(read('?near=Boulevarden+13', true)).toMatchObject({
			ok: true,
			query: { near: 'Boulevarden 13' }
		});
	});
});
