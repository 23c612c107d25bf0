import { describe, expect, it } from 'vitest';
import { pageCacheKey } from './cache-policy.ts';

const at = (path: string) => new URL(`http://localhost${path}`);

describe('page cache keys', () => {
	it('ignore the query on routes that do not read it, and store only the bare request', () => {
		expect(pageCacheKey('/indikatorer/[code].csv', at('/indikatorer/frafald.csv?x=1'))).toEqual({
			key: '/indikatorer/frafald.csv',
			storable: false
		});
		expect(pageCacheKey('/strategi', at('/en/strategy'))).toEqual({
			key: '/en/strategy',
			storable: true
		});
	});
	it('keep the query where the route reads it', () => {
		expect(pageCacheKey('/tilbud', at('/tilbud?q=lektier&page=2'))).toEqual({
			key: '/tilbud?q=lektier&page=2',
			storable: true
		});
	});
	it('add a time bucket where the answer changes with the clock', () => {
		const hour = 3_600_000;
		expect(pageCacheKey('/job', at('/job'), 5 * hour).key).toBe('/job#h5');
		expect(pageCacheKey('/job', at('/job'), 6 * hour).key).toBe('/job#h6');
		expect(pageCacheKey('/tilbud', at('/tilbud?open=1'), 120_000).key).toBe('/tilbud?open=1#m2');
	});
});
