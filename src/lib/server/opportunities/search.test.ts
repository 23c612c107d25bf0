import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticPostings } from '../../../../bench/synthetic-postings.ts';
import { rowsOf, type Database } from '../db/index.ts';
import { testEngines } from '../db/testing.ts';
import { createGeocoder } from '../geocoding/index.ts';
import { startStubGeocoder } from '../geocoding/testing.ts';
import {
	createOrganization,
	loadDemoDirectory,
	loadInstitutions,
	loadTaxonomy
} from '../directory/index.ts';
import { loadDemoOpportunities } from './demo.ts';
import { createOpportunity, updateOpportunity, type OpportunityInput } from './postings.ts';
import { searchOpportunities, type OpportunityQuery } from './search.ts';

const NOW = new Date('2026-11-20T09:30:00Z');

/** A paid spare-time job in Aalborg that closes on 10 December. */
function paidJob(organizationId: string, title: string, address: string): OpportunityInput {
	return {
		organizationId,
		type: 'fritidsjob',
		title: { da: title },
		description: { da: title },
		address,
		postalCode: '9000',
		city: 'Aalborg',
		pay: 'paid',
		applyEmail: 'job@example.dk',
		deadline: '2026-12-10'
	};
}

/** What students ask, in every combination the board offers. */
const QUERIES: Partial<OpportunityQuery>[] = [
	{},
	{ page: 3 },
	{ type: ['studiejob'] },
	{ type: ['fritidsjob', 'frivilligt-arbejde'], maxHours: 10 },
	{ q: 'elektriker', type: ['laereplads'] },
	{ q: 'elev' },
	{ q: 'elev', sort: 'newest' },
	{ q: 'frivillig træner' },
	{ q: 'café aalborg' },
	{ q: 'marketing', englishFriendly: true },
	{ q: 'english' },
	{ q: 'developer' },
	{ q: 'og' },
	{ q: 'ingenting-her-zzz' },
	{ field: ['it'], level: ['videregaaende'] },
	{ field: ['sundhed', 'paedagogik'], level: ['ungdomsuddannelse', 'udskoling'] },
	{ englishFriendly: true, type: ['studiejob', 'praktikplads'] },
	{ near: '9000', km: 5, sort: 'distance' },
	{ near: '9000', km: 5 },
	{ near: '9220', sort: 'distance', type: ['fritidsjob'], page: 2 },
	{ near: '9400', sort: 'distance', q: 'lager' },
	{ near: '0000', sort: 'distance' },
	{ sort: 'deadline' },
	{ sort: 'deadline', page: 4 },
	{ sort: 'deadline', deadlineFrom: '2026-12-01' },
	{ level: ['udskoling'], area: ['9400', '9000'] },
	{ sort: 'newest', page: 5 },
	{ sort: 'distance' },
	{ maxHours: 1, sort: 'deadline' }
];

describe.each(testEngines())('job search on $name', (engine) => {
	let database: Database;
	beforeAll(async () => {
		database = await engine.open();
		await loadTaxonomy(database.db, 'taxonomy/directory.yaml', 'test');
		// The demo postings' partnerships name organisations of the demo directory.
		await loadInstitutions(database.db, 'demo/directory/institutions.json');
		await loadDemoDirectory(database.db, 'demo/directory/offers.json');
		await loadDemoOpportunities(database.db, 'demo/opportunities/postings.json', NOW);
		await loadSyntheticPostings(database.db, { postings: 3000, now: NOW });
		// Postings published in the same instant are ordered by id in both paths.
		await database.db.execute(
			sql`update opportunities set created_at = '2026-11-19T08:00:00Z' where slug like 'syntetisk-opslag-1__'`
		);
	});
	afterAll(async () => database.close());

	it('loads demo postings each published at its own time, some changed since', async () => {
		const rows = rowsOf<{ c: string; u: string }>(
			await database.db.execute(
				sql`select created_at::text as c, updated_at::text as u from opportunities where is_demo and slug not like 'syntetisk-%'`
			)
		);
		expect(rows.length).toBeGreaterThan(100);
		expect(new Set(rows.map((r) => r.c)).size).toBe(rows.length);
		const changed = rows.filter((r) => Date.parse(r.u) > Date.parse(r.c));
		expect(changed.length).toBeGreaterThan(20);
		expect(
			rows.every((r) => Date.parse(r.u) >= Date.parse(r.c) && Date.parse(r.u) < NOW.getTime())
		).toBe(true);
	});

	it('answers every combination the board offers, with counts that add up', async () => {
		for (const now of [NOW, new Date(NOW.getTime() + 20 * 86_400_000)])
			for (const locale of ['da', 'en'] as const)
				for (const query of QUERIES) {
					const found = await searchOpportunities(database.db, query, locale, now);
					const label = `${JSON.stringify(query)} (${locale})`;
					expect(found.items.length, label).toBe(
						Math.max(0, Math.min(20, found.total - 20 * ((query.page ?? 1) - 1)))
					);
					// Without a kind chosen, the kinds' counts add up to the total.
					if (!query.type)
						expect(
							Object.values(found.types).reduce((a, b) => a + b, 0),
							label
						).toBe(found.total);
					const deadlines = found.items.map((i) => i.deadline ?? '9999');
					if (query.sort === 'deadline') expect(deadlines, label).toEqual([...deadlines].sort());
					const km = found.items.map((i) => i.distanceKm ?? Infinity);
					if (query.sort === 'distance' && query.near === '9000')
						expect(km, label).toEqual([...km].sort((a, b) => a - b));
					if (query.km)
						expect(Math.max(0, ...km.filter(Number.isFinite)), label).toBeLessThanOrEqual(query.km);
				}
		const all = await searchOpportunities(database.db, {}, 'da', NOW);
		expect(all.total).toBeGreaterThan(1000);
		const near = await searchOpportunities(
			database.db,
			{ near: '9000', sort: 'distance' },
			'en',
			NOW
		);
		expect(near.items[0]!.distanceKm).toBeTypeOf('number');
	});

	it('reads synonyms, aa/ae/oe spellings and typos, as offer search does', async () => {
		const db = database.db;
		const employer = await createOrganization(db, 'test', {
			name: 'Limfjordens Café',
			kind: 'employer'
		});
		await createOpportunity(db, 'test', {
			...paidJob(employer.id, 'Køkkenmedhjælper i weekenden', 'Østerågade 1'),
			description: { da: 'Opvask og anretning for 15-17-årige.' },
			applyEmail: 'job@limfjordens.example.dk'
		});
		await db.execute(
			sql`insert into search_synonyms (term, expansions) values ('kok', array['køkkenmedhjælper']) on conflict (term) do update set expansions = excluded.expansions`
		);
		const titles = async (q: string) =>
			(await searchOpportunities(db, { q }, 'da', NOW)).items.map((i) => i.title);
		const wanted = 'Køkkenmedhjælper i weekenden';
		expect(await titles('koekkenmedhjaelper')).toContain(wanted);
		expect(await titles('kok')).toContain(wanted);
		expect(await titles('køkkenmedhjælpr')).toContain(wanted);
		// Words that find nothing together are looked for one at a time.
		expect(await titles('køkkenmedhjælper rumfart')).toContain(wanted);
	});

	it('reads what changed: a new posting, an edit, a renamed employer, a closed posting', async () => {
		const db = database.db;
		const employer = await createOrganization(db, 'test', {
			name: 'Havnefronten Bistro',
			kind: 'employer'
		});
		const posting: OpportunityInput = {
			...paidJob(employer.id, 'Opvasker til havnebistro', 'Vestre Havnepromenade 1'),
			description: { da: 'Fritidsjob i weekenden ved Limfjorden.' },
			applyEmail: 'job@havnefronten.example.dk'
		};
		// What a search lists of this employer's postings, as "title (employer)". A search that
		// finds nothing looks again more loosely, so other postings may show; these may not.
		const found = async (q: string, now = NOW) =>
			(await searchOpportunities(db, { q }, 'da', now)).items
				.filter((i) => i.organization.includes('Havnefronten'))
				.map((i) => `${i.title} (${i.organization})`);
		expect(await found('havnebistro')).toEqual([]);
		const { id } = await createOpportunity(db, 'test', posting);
		expect(await found('havnebistro')).toEqual(['Opvasker til havnebistro (Havnefronten Bistro)']);

		await updateOpportunity(db, 'test', id, {
			...posting,
			title: { da: 'Tjener til havnebistro' }
		});
		expect(await found('tjener havnebistro')).toEqual([
			'Tjener til havnebistro (Havnefronten Bistro)'
		]);
		expect(await found('opvasker')).toEqual([]);

		await db.execute(
			sql`update organizations set name = 'Bistro Havnefronten' where id = ${employer.id}`
		);
		expect(await found('havnebistro')).toEqual(['Tjener til havnebistro (Bistro Havnefronten)']);

		// Past its deadline day it is gone.
		expect(await found('havnebistro', new Date('2026-12-11T12:00:00Z'))).toEqual([]);

		await db.execute(sql`delete from opportunities where id = ${id}`);
		expect(await found('havnebistro')).toEqual([]);
	});

	it('measures from a postcode’s new centre once the postcodes change', async () => {
		const db = database.db;
		const query: Partial<OpportunityQuery> = { near: '9000', sort: 'distance', area: ['9400'] };
		const before = await searchOpportunities(db, query, 'da', NOW);
		await db.execute(
			sql`update postal_areas set latitude = latitude + 0.1 where postal_code = '9000'`
		);
		const after = await searchOpportunities(db, query, 'da', NOW);
		expect(after.items[0]!.distanceKm).not.toBe(before.items[0]!.distanceKm);
		await db.execute(
			sql`update postal_areas set latitude = latitude - 0.1 where postal_code = '9000'`
		);
	});

	it('measures from an address through the address lookup', async () => {
		const stub = await startStubGeocoder();
		try {
			const geocoder = createGeocoder({ url: stub.url, agent: 'test', timeoutMs: 500 });
			const locate = (address: string) => geocoder.locate(address);
			const query: Partial<OpportunityQuery> = {
				near: 'Lindholm Brygge 35, 9400 Nørresundby',
				km: 3,
				sort: 'distance'
			};
			const index = await searchOpportunities(database.db, query, 'da', NOW, { locate });
			expect(index.near).toEqual({
				postalCode: null,
				name: 'Lindholm Brygge 35, 9400 Nørresundby'
			});
			const km = index.items.map((i) => i.distanceKm).filter((d) => d !== null);
			expect(km.length).toBeGreaterThan(5);
			expect(km).toEqual([...km].sort((a, b) => a! - b!));
			expect(Math.max(...(km as number[]))).toBeLessThanOrEqual(3);
			// Not found, the lookup down, or no lookup at all: said, and no distance filter applied.
			for (const [near, problem, options] of [
				['Rue de Rivoli 1, Paris', 'address-not-found', { locate }],
				['fejl', 'lookup-unavailable', { locate }],
				['Gammeltorv 2, 9000 Aalborg', 'postcode-only', {}]
			] as const) {
				const found = await searchOpportunities(database.db, { near, km: 3 }, 'da', NOW, options);
				expect(found).toMatchObject({ near: null, nearProblem: problem });
				expect(found.total).toBe((await searchOpportunities(database.db, {}, 'da', NOW)).total);
			}
		} finally {
			await stub.close();
		}
	});
});
