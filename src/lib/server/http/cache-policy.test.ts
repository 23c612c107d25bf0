import { describe, expect, it } from 'vitest';
import { pageCacheKey } from './cache-policy.ts';

const at = (path: string) => new URL(`http://localhost${path}`);

describe('page cache keys', () => {
	it('ignore the query on routes that do not read it, and store only the bare request', () => {
		expect(pageCacheKey('/indikatorer/[code].csv', at('/indikatorer/frafald.csv?x=1'))).toEqual({
			key: 'http://localhost/indikatorer/frafald.csv',
			storable: false
		});
		expect(pageCacheKey('/strategi', at('/en/strategy'))).toEqual({
			key: 'http://localhost/en/strategy',
			storable: true
		});
	});
	it('keep the query where the route reads it', () => {
		expect(pageCacheKey('/tilbud', at('/tilbud?q=lektier&page=2'))).toEqual({
			key: 'http://localhost/tilbud?q=lektier&page=2',
			storable: true
		});
	});
	it('add a time bucket where the answer changes with the clock', () => {
		const hour = 3_600_000;
		expect(pageCacheKey('/job', at('/job'), 5 * hour).key).toBe('http://localhost/job#h5');
		expect(pageCacheKey('/job', at('/job'), 6 * hour).key).toBe('http://localhost/job#h6');
		expect(pageCacheKey('/tilbud', at('/tilbud?open=1'), 120_000).key).toBe(
			'http://localhost/tilbud?open=1#m2'
		);
	});
	it('keep one host name’s pages from another', () => {
		const byIp = pageCacheKey('/tilbud', new URL('http://127.0.0.1:3000/tilbud')).key;
		const byName = pageCacheKey('/tilbud', new URL('http://skole.example:3000/tilbud')).key;
		expect(byIp).not.toBe(byName);
	});
});
