import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { loadDemoDirectory, loadInstitutions } from './demo.ts';
import { searchOffers, searchOffersInDatabase, type OfferQuery } from './search.ts';
import { danishSortKey } from './sort-key.ts';
import { loadTaxonomy } from './taxonomy.ts';

describe('offer titles in order', () => {
	it('orders Danish titles with æ, ø and å after z, and aa as å', () => {
		const titles = ['Åben skole', 'Ældreklub', 'Øvelse', 'Zumba', 'Aalborg', 'abekat', 'Écoute'];
		expect(titles.sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : 1))).toEqual([
			'abekat',
			'Écoute',
			'Zumba',
			'Ældreklub',
			'Øvelse',
			'Åben skole',
			'Aalborg'
		]);
	});
});

const relevance = JSON.parse(readFileSync('bench/relevance/queries.json', 'utf8')) as {
	queries: { q: string; locale?: 'da' | 'en' }[];
};

describe.each(testEngines())('offer index on $name', (engine) => {
	let database: Database;
	beforeAll(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		await loadInstitutions(database.db, 'demo/directory/institutions.json');
		await loadDemoDirectory(database.db, 'demo/directory/offers.json');
	});
	afterAll(async () => database.close());

	const filtered: [Partial<OfferQuery>, 'da' | 'en'][] = [
		[{}, 'da'],
		[{}, 'en'],
		[{ category: ['trivsel-og-mental-sundhed'] }, 'da'],
		[{ audience: ['ungdomsuddannelse'], free: true }, 'da'],
		[{ lang: ['en'], page: 2 }, 'en'],
		[{ q: 'hjælp', age: 17 }, 'da'],
		[{ q: 'vejledning', area: ['9000'] }, 'da'],
		[{ q: 'lektiehjælp', near: '9400', sort: 'distance' }, 'da'],
		[{ near: '9220', sort: 'distance', page: 3 }, 'da'],
		[{ q: 'ordblind stress fodbold' }, 'da'],
		// to_tsquery makes a phrase of this: the database path answers.
		[{ q: 'fodbold 13årige' }, 'da']
	];
	const cases: [Partial<OfferQuery>, 'da' | 'en'][] = [
		...relevance.queries.map(
			(r) => [{ q: r.q }, r.locale ?? 'da'] as [Partial<OfferQuery>, 'da' | 'en']
		),
		...filtered
	];

	it('answers as the database path does: the same hits, counts and pages', async () => {
		// Ties in rank are ordered by title, which the database path reads in its collation (here
		// "Aalborg C" before "Hasseris") and the index in Danish alphabetical order (aa = å, last),
		// so a page boundary may cut a tie differently: pages are compared as sets, whole result lists
		// as sets, and each item as shown.
		const differences: string[] = [];
		const all = async (
			search: typeof searchOffers,
			query: Partial<OfferQuery>,
			locale: 'da' | 'en'
		) => {
			const first = await search(database.db, query, locale);
			const items = [...first.items];
			for (let page = 2; items.length < Math.min(first.total, 100); page++)
				items.push(...(await search(database.db, { ...query, page }, locale)).items);
			return { first, items };
		};
		for (const [query, locale] of cases) {
			const index = await all(searchOffers, query, locale);
			const reference = await all(searchOffersInDatabase, query, locale);
			const label = `${JSON.stringify(query)} (${locale})`;
			if (index.first.total !== reference.first.total)
				differences.push(`${label}: total ${index.first.total} ≠ ${reference.first.total}`);
			if (
				JSON.stringify(sorted(index.first.facets)) !==
				JSON.stringify(sorted(reference.first.facets))
			)
				differences.push(`${label}: facets differ`);
			if (JSON.stringify(index.first.near) !== JSON.stringify(reference.first.near))
				differences.push(`${label}: near differs`);
			// Above 100 hits only the counts are compared: the lists are not read to their end.
			if (index.first.total > 100) continue;
			const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
			if (JSON.stringify(ids(index.items)) !== JSON.stringify(ids(reference.items)))
				differences.push(`${label}: the hits differ`);
			const byId = new Map(reference.items.map((i) => [i.id, i]));
			for (const item of index.items)
				if (JSON.stringify(item) !== JSON.stringify(byId.get(item.id) ?? item))
					differences.push(`${label}: ${item.title} is shown differently`);
		}
		expect(differences).toEqual([]);
	});

	it('ranks exactly as ts_rank: the best offer for each relevance query is the same', async () => {
		for (const r of relevance.queries) {
			const index = await searchOffers(database.db, { q: r.q }, r.locale ?? 'da');
			const reference = await searchOffersInDatabase(database.db, { q: r.q }, r.locale ?? 'da');
			expect(index.items[0]?.title, r.q).toBe(reference.items[0]?.title);
		}
	});

	it('finds what is open at a moment as the database path does, on both sides of every opening and closing', async () => {
		// The index keeps the open set until the next boundary; going back in time must not reuse it.
		const edges = rowsOf<{ t: string }>(
			await database.db.execute(
				sql`select opens_at::text as t from schedules union select closes_at::text from schedules`
			)
		).map((r) => r.t);
		const moments: Date[] = [];
		// A Monday and a Saturday in March 2026 (Copenhagen is at UTC+1 until 29 March).
		for (const day of ['2026-03-02', '2026-03-07'])
			for (const t of edges.sort()) {
				const at = new Date(`${day}T${t}+01:00`);
				if (!Number.isNaN(at.getTime())) moments.push(new Date(at.getTime() - 1000), at);
			}
		moments.push(...[...moments].reverse());
		const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
		const totals = new Set<number>();
		for (const now of moments) {
			const index = await searchOffers(database.db, { open: true }, 'da', { now });
			const reference = await searchOffersInDatabase(database.db, { open: true }, 'da', { now });
			expect(index.total, now.toISOString()).toBe(reference.total);
			expect(index.facets, now.toISOString()).toEqual(reference.facets);
			if (reference.total <= 20) expect(ids(index.items)).toEqual(ids(reference.items));
			totals.add(reference.total);
		}
		// The moments are not all alike: offers open and close between them.
		expect(totals.size).toBeGreaterThan(3);
	});

	it('sees changes written straight to the tables, through the triggers', async () => {
		const [offer] = (await searchOffers(database.db, { q: 'lektiecafé' }, 'da')).items;
		expect(offer).toBeDefined();
		// The organisation is renamed: the result shows the new name.
		await database.db.execute(
			sql`update organizations set name = 'Omdøbt forening (test)' where id = (select organization_id from offers where id = ${offer!.id})`
		);
		const renamed = (await searchOffers(database.db, { q: 'lektiecafé' }, 'da')).items.find(
			(i) => i.id === offer!.id
		);
		expect(renamed?.organization).toBe('Omdøbt forening (test)');
		// A synonym is added: a word nobody used before now finds the offer.
		expect((await searchOffers(database.db, { q: 'xyzlektier' }, 'da')).total).toBe(0);
		await database.db.execute(
			sql`insert into search_synonyms (term, expansions) values ('xyzlektier', array['lektiecafé'])`
		);
		expect(
			(await searchOffers(database.db, { q: 'xyzlektier' }, 'da')).items.map((i) => i.id)
		).toContain(offer!.id);
		// The offer is deleted: it is gone from search and from the counts.
		const before = (await searchOffers(database.db, {}, 'da')).total;
		await database.db.execute(sql`delete from offers where id = ${offer!.id}`);
		const after = await searchOffers(database.db, {}, 'da');
		expect(after.total).toBe(before - 1);
		expect(
			(await searchOffers(database.db, { q: 'lektiecafé' }, 'da')).items.map((i) => i.id)
		).not.toContain(offer!.id);
		expect(after.total).toBe((await searchOffersInDatabase(database.db, {}, 'da')).total);
	});
});

/** Facet counts with their keys in one order, for comparison. */
function sorted(facets: Record<string, Record<string, number>>) {
	return Object.fromEntries(
		Object.entries(facets).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort())])
	);
}
