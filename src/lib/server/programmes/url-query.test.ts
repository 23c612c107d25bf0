import { describe, expect, it } from 'vitest';
import { comparedSlugs, withCompared } from './url-query.ts';

describe('the comparison in the address', () => {
	const url = new URL('https://u.example/uddannelser/veje?niveau=stx&ids=a,b');

	it('adds a programme, takes one away, and keeps the page’s other parameters', () => {
		expect(withCompared(url, ['a', 'b'], 'c')).toBe('/uddannelser/veje?niveau=stx&ids=a%2Cb%2Cc');
		expect(withCompared(url, ['a', 'b'], 'a')).toBe('/uddannelser/veje?niveau=stx&ids=b');
		expect(withCompared(new URL('https://u.example/soeg?ids=a'), ['a'], 'a')).toBe('/soeg');
	});

	it('keeps four at most: the oldest gives way', () => {
		expect(withCompared(url, ['a', 'b', 'c', 'd'], 'e')).toContain('ids=b%2Cc%2Cd%2Ce');
		expect(comparedSlugs(new URL('https://u.example/?ids=a,b,c,d,e,a'))).toEqual({
			slugs: ['a', 'b', 'c', 'd'],
			dropped: true
		});
	});
});
