import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import { facetCountCache } from './group-cache.ts';

const db = {} as Db;

describe('facetCountCache', () => {
	it('reads the groups once per words and counts once per filters, within a content version', async () => {
		const cached = facetCountCache<number, string>();
		let reads = 0;
		let counts = 0;
		const read = async () => (reads++, [1, 2, 3]);
		const count = (filter: string) => (groups: number[]) => (
			counts++,
			`${filter}:${groups.length}`
		);
		const search = (version: string | undefined, words: string, filter: string) =>
			cached(db, version, { groups: words, filters: [filter] }, read, count(filter));

		expect(await search('v1', 'musik', 'a')).toBe('a:3');
		expect(await search('v1', 'musik', 'a')).toBe('a:3');
		expect([reads, counts]).toEqual([1, 1]);
		// Another filter: the same groups, counted anew.
		expect(await search('v1', 'musik', 'b')).toBe('b:3');
		expect([reads, counts]).toEqual([1, 2]);
		// Other words: groups of their own.
		await search('v1', 'fodbold', 'a');
		expect([reads, counts]).toEqual([2, 3]);
		// A new content version forgets both.
		await search('v2', 'musik', 'a');
		expect([reads, counts]).toEqual([3, 4]);
		// Without a version nothing is kept.
		await search(undefined, 'musik', 'a');
		await search(undefined, 'musik', 'a');
		expect([reads, counts]).toEqual([5, 6]);
	});

	it('keeps a failed read for no one', async () => {
		const cached = facetCountCache<number, number>();
		let fail = true;
		const read = async () => {
			if (fail) throw new Error('the database went away');
			return [1];
		};
		const search = () => cached(db, 'v1', { groups: '', filters: [] }, read, (g) => g.length);
		await expect(search()).rejects.toThrow('went away');
		fail = false;
		expect(await search()).toBe(1);
	});
});
